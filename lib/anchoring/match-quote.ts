import approxSearch from "approx-string-match";

/**
 * Finding a quoted passage again in text that may have changed, in the manner of the W3C Web Annotation
 * TextQuoteSelector: the quote itself (exact or approximate), the text around it (prefix, suffix) and
 * where it used to be (a position hint) each count towards the best candidate. After hypothesis/client's
 * anchoring (match-quote), on robertknight's approx-string-match.
 */

export interface QuoteContext {
  prefix?: string;
  suffix?: string;
  /** Where the quote started before: breaks ties between equally good candidates. */
  hint?: number;
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** 0..1: how much of the quote matched (1 = exactly). */
  similarity: number;
  score: number;
}

export function matchQuote(text: string, quote: string, context: QuoteContext = {}): QuoteMatch | null {
  return quoteCandidates(text, quote, context)[0] ?? null;
}

/**
 * Every place the quote is found (exactly, or when nowhere exactly, approximately), best first: what
 * matchQuote picks from, for callers that must know whether the best place is the only good one.
 */
export function quoteCandidates(text: string, quote: string, context: QuoteContext = {}): QuoteMatch[] {
  if (quote.length === 0) return [];
  const maxErrors = Math.min(256, Math.floor(quote.length / 2));
  const candidates = exactMatches(text, quote);
  const matches = candidates.length > 0 ? candidates : approxSearch(text, quote, maxErrors);

  const scored: QuoteMatch[] = [];
  for (const match of matches) {
    const similarity = 1 - match.errors / quote.length;
    const prefixScore = context.prefix ? contextSimilarity(text.slice(Math.max(0, match.start - context.prefix.length), match.start), context.prefix) : 1;
    const suffixScore = context.suffix ? contextSimilarity(text.slice(match.end, match.end + context.suffix.length), context.suffix) : 1;
    const positionScore = context.hint === undefined ? 1 : 1 - Math.abs(match.start - context.hint) / Math.max(text.length, 1);
    // Weights as in hypothesis' anchoring: the quote counts most, then its surroundings, then position.
    const score = (50 * similarity + 20 * prefixScore + 20 * suffixScore + 2 * positionScore) / 92;
    scored.push({ start: match.start, end: match.end, similarity, score });
  }
  // Stable: of equal scores the one found first comes first, as matchQuote has always chosen.
  return scored.sort((a, b) => b.score - a.score);
}

function exactMatches(text: string, quote: string): { start: number; end: number; errors: number }[] {
  const found: { start: number; end: number; errors: number }[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return found;
}

function contextSimilarity(actual: string, expected: string): number {
  if (expected.length === 0) return 1;
  if (actual === expected) return 1;
  const [match] = approxSearch(actual, expected, expected.length);
  return match ? 1 - match.errors / expected.length : 0;
}

/** The quote with the text around it, for a selection [start, end) of `text`. */
export function describeQuote(text: string, start: number, end: number, contextLength = 32) {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - contextLength), start),
    suffix: text.slice(end, end + contextLength),
  };
}
