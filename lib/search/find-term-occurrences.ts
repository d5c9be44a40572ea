/** One match of a term in a folded text, in UTF-16 units of the folded text. */
export interface FoldedMatch {
  start: number;
  end: number;
  /** Index of the query term that matched. */
  term: number;
}

/**
 * Every occurrence of each term, left to right and non-overlapping within a term (what a browser's
 * find and PostgreSQL's `replace` count), merged in text order. Occurrences of different terms may
 * overlap (`网络` and `网络空间`): each is a hit of its own term.
 */
export function findTermOccurrences(folded: string, terms: readonly string[]): FoldedMatch[] {
  const matches: FoldedMatch[] = [];
  terms.forEach((term, index) => {
    if (term === "") return;
    let from = 0;
    for (;;) {
      const at = folded.indexOf(term, from);
      if (at < 0) break;
      matches.push({ start: at, end: at + term.length, term: index });
      from = at + term.length;
    }
  });
  return matches.sort((a, b) => a.start - b.start || a.term - b.term);
}
