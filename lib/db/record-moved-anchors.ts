import "server-only";
import { type AnchoredBlock, remapAnchors } from "@/lib/anchoring/remap-anchors";
import type { DocumentStructure } from "@/lib/model/document-model";
import type { DatabaseTransaction } from "./prisma-client";

/**
 * Before a document's rows are replaced: every anchor of the old version that the new version lacks
 * is recorded as moved (to the block where its passage now begins) or orphaned, so that links made
 * before the re-ingest keep working. Earlier aliases whose destination disappeared are re-resolved
 * from their stored passage; an alias whose anchor exists again is dropped.
 */
export async function recordMovedAnchors(
  documentId: string,
  document: DocumentStructure,
  tx: DatabaseTransaction,
): Promise<{ moved: number; orphaned: string[] }> {
  const where = { documentId };
  // One after another: a transaction is one connection, which runs one query at a time.
  const headings = await tx.heading.findMany({ where, orderBy: { ordinal: "asc" }, select: { anchor: true, text: true } });
  const paragraphs = await tx.paragraph.findMany({ where, orderBy: { ordinal: "asc" }, select: { anchor: true, text: true } });
  const footnotes = await tx.footnote.findMany({ where, orderBy: { ordinal: "asc" }, select: { anchor: true, text: true } });
  const aliases = await tx.anchorAlias.findMany({ where, select: { anchor: true, blockKind: true, quote: true, targetAnchor: true } });
  if (headings.length + paragraphs.length + footnotes.length === 0) return { moved: 0, orphaned: [] };

  const current: AnchoredBlock[] = [
    ...document.headings.map((h) => ({ anchor: h.anchor, kind: "heading" as const, text: h.text })),
    ...document.paragraphs.map((p) => ({ anchor: p.anchor, kind: "paragraph" as const, text: p.text })),
    ...document.footnotes.map((n) => ({ anchor: n.anchor, kind: "footnote" as const, text: n.text })),
  ];
  const currentAnchors = new Set(current.map((block) => block.anchor));
  const previous: AnchoredBlock[] = [
    ...headings.map((h) => ({ ...h, kind: "heading" as const })),
    ...paragraphs.map((p) => ({ ...p, kind: "paragraph" as const })),
    ...footnotes.map((n) => ({ ...n, kind: "footnote" as const })),
    ...aliases
      .filter((alias) => !currentAnchors.has(alias.anchor) && (alias.targetAnchor === null || !currentAnchors.has(alias.targetAnchor)))
      .map((alias) => ({ anchor: alias.anchor, kind: alias.blockKind, text: alias.quote })),
  ];
  const moves = remapAnchors(previous, current);

  await tx.anchorAlias.deleteMany({ where: { documentId, anchor: { in: [...currentAnchors] } } });
  for (const move of moves) {
    const data = {
      blockKind: move.kind,
      status: move.status,
      targetAnchor: move.status === "moved" ? move.targetAnchor : null,
      targetOffset: move.status === "moved" ? move.targetOffset : null,
      quote: move.quote,
    };
    await tx.anchorAlias.upsert({
      where: { documentId_anchor: { documentId, anchor: move.anchor } },
      create: { documentId, anchor: move.anchor, ...data },
      update: data,
    });
  }
  return {
    moved: moves.filter((m) => m.status === "moved").length,
    orphaned: moves.filter((m) => m.status === "orphaned").map((m) => m.anchor),
  };
}
