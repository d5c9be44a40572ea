/**
 * How many documents cite a work: its citations' distinct documents. Counted whenever the work's citations
 * are regrouped (updateSources reads every citation of each work it touches), and stored with the work, so
 * the catalogue's source facet lists the most cited works without counting every citation of the corpus.
 */
export function countCitingDocuments(citations: readonly { documentSlug: string }[]): number {
  return new Set(citations.map((citation) => citation.documentSlug)).size;
}
