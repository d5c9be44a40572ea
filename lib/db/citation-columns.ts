import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Citation } from "@/lib/model/document-model";

/**
 * The columns a citation of the document model is rebuilt from, and how. Apart from the readers because the
 * corpus-wide derivations read citations back this way too (sources are grouped from them), so this file shapes
 * stored rows and is fingerprinted by the pipeline version; the readers are not.
 */
export const citationSelect = {
  anchor: true,
  raw: true,
  authors: true,
  title: true,
  container: true,
  date: true,
  pages: true,
  url: true,
  repeatsAnchor: true,
  lineFrom: true,
  lineTo: true,
} as const;

/** A Citation row as `citationSelect` reads it. */
export type CitationColumns = Prisma.CitationGetPayload<{ select: typeof citationSelect }>;

/** A citation of the model from its columns. */
export function citationOf(row: CitationColumns): Citation {
  return {
    anchor: row.anchor,
    raw: row.raw,
    authors: row.authors,
    title: row.title,
    container: row.container,
    date: row.date,
    pages: row.pages,
    url: row.url,
    repeats: row.repeatsAnchor,
    sourceLines: [row.lineFrom, row.lineTo],
  };
}
