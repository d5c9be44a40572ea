import { MAX_QUERY_LENGTH } from "./parse-search-query";

/**
 * The quote an exact-phrase query is written in. A quote character inside the words is punctuation, which
 * search folds away, so it is dropped from them: the phrase searched for is the same, and never closed early.
 */
const QUOTE = '"';

export interface ExactPhraseQuery {
  /** The search box's text: the words as one quoted phrase (parseSearchQuery's one phrase term). */
  query: string;
  /** The words searched for: all of them, or their beginning when the whole would be too long a query. */
  words: string;
  cut: boolean;
}

/**
 * A search for exactly these words, in one block (as search finds any phrase: spacing and punctuation
 * folded away). Words longer than a query may be are cut to the beginning that fits, and say so: that search
 * then finds the blocks holding their beginning, the essays holding them among them.
 */
export function exactPhraseQuery(words: string): ExactPhraseQuery {
  const whole = words.replaceAll(QUOTE, " ").trim();
  const room = MAX_QUERY_LENGTH - 2 * QUOTE.length;
  let kept = whole;
  if (kept.length > room) {
    kept = "";
    // By code points: a character beyond the BMP is never split.
    for (const ch of whole) {
      if (kept.length + ch.length > room) break;
      kept += ch;
    }
    kept = kept.trimEnd();
  }
  return { query: `${QUOTE}${kept}${QUOTE}`, words: kept, cut: kept !== whole };
}
