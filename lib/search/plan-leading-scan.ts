/** What PostgreSQL's statistics say about the search index (`most_common_elems` of `search_grams`). */
export interface GramStatistics {
  /** For each of the most common grams, the fraction of blocks that contain it. */
  frequency: ReadonlyMap<string, number>;
  /** Blocks in the searched table, and the pages they fill. */
  rows: number;
  pages: number;
}

/**
 * What reading one block in table order (strpos and the occurrence count) costs, in entries of a GIN
 * posting list read into the bitmap: about 2.5 µs against 0.09 µs, measured at 1,000× the corpus
 * (docs/search.md).
 */
export const SCAN_ROW_COST_IN_POSTINGS = 28;

/**
 * How many leading pages of the table to read in order before the index is used, to find the first
 * `wanted` blocks that contain every term; 0 to use only the index. Both ways find the same blocks, in
 * the same (table) order: this only picks the cheaper one. The index reads a term's whole posting list,
 * 130,000 entries for `的` at 1,000×, to keep the first 1,001; when most blocks contain the terms,
 * reading blocks in order finds as many sooner. Only terms the index answers alone (1 or 2
 * characters) have a known frequency; the others are left to the index. The pages planned are twice
 * what the frequency predicts, so that a frequency a little off does not fall back to the index.
 */
export function planLeadingScan(terms: readonly string[], wanted: number, statistics: GramStatistics | null): number {
  if (statistics === null || statistics.rows <= 0 || statistics.pages <= 0) return 0;
  let fraction = 1;
  let postings = 0;
  for (const term of new Set(terms)) {
    const frequency = Array.from(term).length <= 2 ? statistics.frequency.get(term) : undefined;
    if (frequency === undefined || frequency <= 0) return 0;
    // Blocks containing all terms, as if the terms were independent.
    fraction *= frequency;
    postings += frequency * statistics.rows;
  }
  const rowsToScan = wanted / fraction;
  if (rowsToScan * SCAN_ROW_COST_IN_POSTINGS >= postings) return 0;
  const rowsPerPage = statistics.rows / statistics.pages;
  return Math.ceil((2 * rowsToScan) / rowsPerPage);
}
