import "server-only";
import { getDatabase, type Database } from "./prisma-client";

export interface ImportedAnnotationView {
  externalId: string;
  format: string;
  status: "anchored" | "orphaned" | "document";
  /** Why orphaned, or how anchored when not by an exact quote found once; null otherwise. */
  reason: string | null;
  /** The quote as the annotation gives it (its TextQuoteSelector), when it has one. */
  quote: string | null;
  /** Where it is anchored now: start block and offset, and the words there. */
  anchor: { block: string; offset: number; text: string; similarity: number } | null;
  bodyText: string | null;
  tags: string[];
  creator: string | null;
  created: string | null;
}

/**
 * The annotations imported on a document, as the reader lists them: anchored ones in reading order, then the
 * notes on the whole document, then the orphans, each with what it says and who said it. Empty when there
 * are none or no such document.
 */
export async function listImportedAnnotations(slug: string, db: Database = getDatabase()): Promise<ImportedAnnotationView[]> {
  const document = await db.document.findUnique({ where: { slug }, select: { id: true } });
  if (!document) return [];
  const rows = await db.importedAnnotation.findMany({
    where: { documentId: document.id },
    orderBy: [{ created: "asc" }, { externalId: "asc" }],
    select: {
      externalId: true,
      format: true,
      status: true,
      reason: true,
      selectors: true,
      startAnchor: true,
      startOffset: true,
      anchoredText: true,
      similarity: true,
      bodyText: true,
      tags: true,
      creator: true,
      created: true,
    },
  });
  if (rows.length === 0) return [];
  const blocks = await db.searchBlock.findMany({ where: { documentId: document.id }, select: { blockAnchor: true, ordinal: true } });
  const ordinals = new Map(blocks.map((block) => [block.blockAnchor, block.ordinal]));
  const statusOrder = { anchored: 0, document: 1, orphaned: 2 } as const;
  const place = (row: (typeof rows)[number]) => [statusOrder[row.status], ordinals.get(row.startAnchor ?? "") ?? 0, row.startOffset ?? 0] as const;
  const sorted = [...rows].sort((a, b) => {
    const [pa, pb] = [place(a), place(b)];
    return pa[0] - pb[0] || pa[1] - pb[1] || pa[2] - pb[2];
  });
  return sorted.map((row) => ({
    externalId: row.externalId,
    format: row.format,
    status: row.status,
    reason: row.reason,
    quote: quoteOf(row.selectors),
    anchor:
      row.status === "anchored" && row.startAnchor !== null && row.startOffset !== null && row.anchoredText !== null
        ? { block: row.startAnchor, offset: row.startOffset, text: row.anchoredText, similarity: row.similarity ?? 1 }
        : null,
    bodyText: row.bodyText,
    tags: row.tags,
    creator: row.creator,
    created: row.created,
  }));
}

/** The exact text of the first TextQuoteSelector among stored selectors (as given), or null. */
function quoteOf(selectors: unknown): string | null {
  if (!Array.isArray(selectors)) return null;
  for (const selector of selectors) {
    if (typeof selector !== "object" || selector === null) continue;
    const { type, exact, refinedBy } = selector as { type?: unknown; exact?: unknown; refinedBy?: unknown };
    if (type === "TextQuoteSelector" && typeof exact === "string") return exact;
    const refined = quoteOf([refinedBy]);
    if (refined) return refined;
  }
  return null;
}
