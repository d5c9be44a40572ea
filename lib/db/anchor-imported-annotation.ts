import "server-only";
import { anchorQuote, type AnchorHints, type AnchoringOutcome, type QuoteSelectorValue } from "@/lib/exchange/web-annotation-anchor";
import type { DocumentText } from "@/lib/exchange/web-annotation-text";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DatabaseTransaction } from "./prisma-client";

/**
 * Anchors an annotation in a document's current text (lib/exchange/web-annotation-anchor.ts). A block it names
 * that the current version no longer has is followed through the document's anchor aliases (recorded at
 * re-ingest: lib/db/record-moved-anchors.ts) to the block its passage went to, so a Duizhao-made annotation
 * keeps its place the way the document's own links do.
 */
export async function anchorImportedAnnotation(
  documentId: string,
  layout: DocumentText,
  input: { quote: QuoteSelectorValue | null; hints: AnchorHints },
  tx: DatabaseTransaction,
): Promise<AnchoringOutcome> {
  const hints = { ...input.hints, block: await currentBlock(documentId, layout, input.hints.block ?? null, tx) };
  return anchorQuote(layout, input.quote, hints);
}

async function currentBlock(documentId: string, layout: DocumentText, block: AnchorHints["block"], tx: DatabaseTransaction): Promise<AnchorHints["block"]> {
  if (!block || layout.blocks.some((candidate) => candidate.anchor === block.anchor)) return block ?? null;
  const alias = await tx.anchorAlias.findUnique({
    where: { documentId_anchor: { documentId, anchor: block.anchor } },
    select: { status: true, targetAnchor: true, targetOffset: true },
  });
  if (alias?.status !== "moved" || !alias.targetAnchor) return null;
  const start = typeof block.start === "number" ? (alias.targetOffset ?? 0) + block.start : null;
  return { anchor: alias.targetAnchor, start };
}

/** The columns an anchoring outcome is stored in (ImportedAnnotation). */
export function anchoringColumns(outcome: AnchoringOutcome | { status: "document" }) {
  const none = { startAnchor: null, startOffset: null, endAnchor: null, endOffset: null, anchoredText: null, similarity: null };
  if (outcome.status === "document") return { status: "document" as const, reason: null, ...none };
  if (outcome.status === "orphaned") return { status: "orphaned" as const, reason: outcome.reason, ...none };
  return {
    status: "anchored" as const,
    reason: outcome.reason,
    startAnchor: outcome.start.anchor,
    startOffset: outcome.start.offset,
    endAnchor: outcome.end.anchor,
    endOffset: outcome.end.offset,
    anchoredText: outcome.text,
    similarity: outcome.similarity,
  } satisfies Partial<Prisma.ImportedAnnotationUncheckedCreateInput>;
}
