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
 * (docs/search.md). Re-measured at 1,003 generated essays (57,000 blocks) as PostgreSQL CPU time, which a
 * loaded host inflates less than wall time: 0.83 µs a row read in order (an absent term over every row)
 * against 0.03–0.05 µs an entry (the whole posting list of a term in 31% of the blocks, one row fetched),
 * 17–28: left as it was.
 */
export const SCAN_ROW_COST_IN_POSTINGS = 28;

/**
 * What fetching one matching block through the bitmap costs, in posting-list entries: the index pays it for
 * every match it returns, as reading in order pays SCAN_ROW_COST_IN_POSTINGS for every row it reads. A block
 * fetched through the bitmap costs more than one read in order (3–4 µs against 0.83, PostgreSQL CPU time at
 * 1,003 essays: the statement finding 1,001 matches through the index took 6–7.5 ms for terms in 5–20% of the
 * blocks, whose posting lists differ sixfold). Measured there, the same statement with the leading scan against
 * the index alone, CPU per statement: 23.3 / 7.1 ms at 5% of the blocks, 12.9 / 6.3 at 10%, 10.8 / 7.5 at 13%,
 * 8.8 / 6.3 at 20%, 7.9 / 10.0 at 30%, 6.7 / 10.4 at 40%: the break-even near 26%, which this prices (27%); with
 * the posting lists alone priced (as before), reading in order won there only above 70%.
 */
export const BITMAP_FETCH_COST_IN_POSTINGS = 90;

/**
 * How many leading pages of the table to read in order before the index is used, to find the first
 * `wanted` blocks that contain every term; 0 to use only the index. Both ways find the same blocks, in
 * the same (table) order: this only picks the cheaper one. The index reads a term's whole posting list,
 * 130,000 entries for `的` at 1,000×, to keep the first 1,001, and fetches each match it keeps from its page;
 * when most blocks contain the terms, reading blocks in order finds as many sooner. Only terms the index answers alone (1 or 2
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
  // The index fetches every match it finds, up to the `wanted` the statement keeps.
  const fetched = Math.min(wanted, fraction * statistics.rows);
  if (rowsToScan * SCAN_ROW_COST_IN_POSTINGS >= postings + fetched * BITMAP_FETCH_COST_IN_POSTINGS) return 0;
  const rowsPerPage = statistics.rows / statistics.pages;
  return Math.ceil((2 * rowsToScan) / rowsPerPage);
}
