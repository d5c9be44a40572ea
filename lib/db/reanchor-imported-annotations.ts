import "server-only";
import { anchoringInputOf } from "@/lib/exchange/web-annotation-import";
import type { DocumentStructure } from "@/lib/model/document-model";
import { anchorImportedAnnotation, anchoringColumns } from "./anchor-imported-annotation";
import { annotationTextOfDraft } from "./annotation-document-text";
import type { DatabaseTransaction } from "./prisma-client";

/**
 * Inside a document's load, after its anchor aliases are recorded: every annotation imported on it is
 * anchored again, from its selectors as given, in the new text. The block it was anchored to before is its
 * hint (followed through the aliases when that block is gone), so it lands on the same words when they are
 * still there, and is orphaned, with the reason, when they are not. Decided here, where both versions are
 * known, as the document's own anchors are.
 */
export async function reanchorImportedAnnotations(
  documentId: string,
  document: DocumentStructure,
  tx: DatabaseTransaction,
): Promise<{ anchored: number; orphaned: string[] }> {
  const rows = await tx.importedAnnotation.findMany({
    where: { documentId, status: { not: "document" } },
    select: { id: true, externalId: true, selectors: true, startAnchor: true, startOffset: true },
  });
  if (rows.length === 0) return { anchored: 0, orphaned: [] };
  const layout = annotationTextOfDraft(document);
  const orphaned: string[] = [];
  let anchored = 0;
  for (const row of rows) {
    const input = anchoringInputOf(row.selectors);
    // Where it stood in the version being replaced: the surest sign of which of several equal places is its own.
    const previous = row.startAnchor ? { anchor: row.startAnchor, start: row.startOffset } : null;
    const hints = { ...input.hints, block: previous ?? input.hints.block ?? null };
    const outcome = await anchorImportedAnnotation(documentId, layout, { quote: input.quote, hints }, tx);
    if (outcome.status === "anchored") anchored += 1;
    else orphaned.push(row.externalId);
    await tx.importedAnnotation.update({ where: { id: row.id }, data: anchoringColumns(outcome), select: { id: true } });
  }
  return { anchored, orphaned };
}
