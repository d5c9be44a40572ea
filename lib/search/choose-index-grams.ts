import type { GramStatistics } from "./plan-leading-scan";

/**
 * How many character pairs of a longer term the index is asked for. Every block containing the term
 * contains all of its pairs, so any of them finds a superset of the blocks, which `strpos` then checks.
 * Measured at 1,000× (docs/search.md): the index reads the whole posting list of every pair it is given,
 * 20–50 ms for the seven pairs of `网络空间命运共同`, all of them frequent; the two rarest already leave
 * as few candidates as all seven (47,841 either way), in 5 ms. One pair alone left up to three times
 * the candidates, each a page read and rejected.
 */
export const PAIRS_PER_TERM = 2;

/**
 * The grams the GIN index over `search_grams` is asked for: a 1- or 2-character term itself (the index
 * answers it exactly), and for a longer term its PAIRS_PER_TERM rarest character pairs by the index's
 * statistics. A pair the statistics do not list is rarer than every pair they do. Without statistics,
 * every pair.
 */
export function chooseIndexGrams(terms: readonly string[], statistics: GramStatistics | null): string[] {
  const grams = new Set<string>();
  for (const term of terms) {
    const chars = Array.from(term);
    if (chars.length <= 2) {
      grams.add(term);
      continue;
    }
    const pairs = [...new Set(chars.slice(1).map((char, index) => chars[index]! + char))];
    if (statistics === null) {
      for (const pair of pairs) grams.add(pair);
      continue;
    }
    const frequency = (pair: string) => statistics.frequency.get(pair) ?? 0;
    // Array.prototype.sort is stable: equally rare pairs keep their order in the term.
    for (const pair of pairs.sort((a, b) => frequency(a) - frequency(b)).slice(0, PAIRS_PER_TERM)) grams.add(pair);
  }
  return [...grams];
}
