import "server-only";
import type { AnchoringOutcome } from "@/lib/exchange/web-annotation-anchor";
import type { IncomingAnnotation } from "@/lib/exchange/web-annotation-import";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CORPUS_CHANGED_CHANNEL } from "@/lib/page-cache/corpus-page-cache.mjs";
import { anchorImportedAnnotation, anchoringColumns } from "./anchor-imported-annotation";
import { annotationTextOfDocument } from "./annotation-document-text";
import { getDatabase, type Database } from "./prisma-client";
// The lock every load of the corpus takes: an import never anchors in a text being replaced.
import { CORPUS_LOAD_LOCK } from "./rebuild-corpus-derivations";

export type ImportedOutcome =
  | { externalId: string; slug: string; status: "anchored"; outcome: Extract<AnchoringOutcome, { status: "anchored" }> }
  | { externalId: string; slug: string; status: "orphaned"; reason: string; quote: string | null }
  | { externalId: string; slug: string; status: "document" }
  | { externalId: string; slug: string; status: "no-document" };

/**
 * Stores annotations (read by lib/exchange/web-annotation-import.ts) in ONE transaction, each anchored in its
 * document's current text: anchored, orphaned with the reason, or about the whole document. An annotation
 * already imported (same document, same id) is updated, not added again. Annotations of a document that does
 * not exist are reported and not stored. Readers' cached pages are dropped on commit.
 */
export async function importAnnotations(annotations: readonly IncomingAnnotation[], db: Database = getDatabase()): Promise<ImportedOutcome[]> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`select pg_advisory_xact_lock(${CORPUS_LOAD_LOCK}::bigint)`;
      const slugs = [...new Set(annotations.map((annotation) => annotation.slug))];
      const documents = await tx.document.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
      const documentIds = new Map(documents.map((document) => [document.slug, document.id]));
      const layouts = new Map<string, Awaited<ReturnType<typeof annotationTextOfDocument>>>();
      const outcomes: ImportedOutcome[] = [];
      for (const annotation of annotations) {
        const { externalId, slug } = annotation;
        const documentId = documentIds.get(slug);
        if (!documentId) {
          outcomes.push({ externalId, slug, status: "no-document" });
          continue;
        }
        let layout = layouts.get(documentId);
        if (!layout) {
          layout = await annotationTextOfDocument(documentId, tx);
          layouts.set(documentId, layout);
        }
        const outcome = annotation.quote === null && !annotation.hints.position ? ({ status: "document" } as const) : await anchorImportedAnnotation(documentId, layout, annotation, tx);
        const data = {
          format: annotation.format,
          targetSource: annotation.targetSource,
          selectors: annotation.selectors as Prisma.InputJsonValue,
          bodyText: annotation.bodyText,
          tags: annotation.tags,
          creator: annotation.creator,
          created: annotation.created,
          ...anchoringColumns(outcome),
        };
        await tx.importedAnnotation.upsert({
          where: { documentId_externalId: { documentId, externalId } },
          create: { documentId, externalId, ...data },
          update: data,
          select: { id: true },
        });
        if (outcome.status === "anchored") outcomes.push({ externalId, slug, status: "anchored", outcome });
        else if (outcome.status === "orphaned") outcomes.push({ externalId, slug, status: "orphaned", reason: outcome.reason, quote: annotation.quote?.exact ?? null });
        else outcomes.push({ externalId, slug, status: "document" });
      }
      // Delivered on commit: running servers drop the reader pages rendered without these annotations.
      for (const slug of documentIds.keys()) await tx.$executeRaw`select pg_notify(${CORPUS_CHANGED_CHANNEL}, ${slug})`;
      return outcomes;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
