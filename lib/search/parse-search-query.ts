import { normaliseText } from "@/lib/ingest/normalise-text";
import { foldForSearch } from "./fold-for-search";

export const MAX_QUERY_LENGTH = 100;
export const MAX_TERMS = 8;

export interface SearchTerm {
  /** As typed (without its quotes). */
  text: string;
  /** Search form, compared with `SearchBlock.folded`. */
  folded: string;
  phrase: boolean;
}

export type ParsedQuery = { ok: true; terms: SearchTerm[] } | { ok: false; reason: string };

const OPENING_QUOTES = new Set(['"', "“", "＂", "「"]);
const CLOSING_OF: Readonly<Record<string, string>> = { '"': '"', "“": "”", "＂": "＂", "「": "」" };
const SPACE = /[\s\u3000]/u;

/**
 * Splits a query into terms that must all occur in one block. Whitespace separates terms; a quoted
 * phrase is one term. Each term gets ingestion's normalisation and then the search folding, so spacing,
 * punctuation, width and case never prevent a match: inside a phrase too, spaces are not required to be
 * word breaks in the text ("cyber space" finds "cyberspace"), because the folded index has no spaces.
 */
export function parseSearchQuery(raw: string): ParsedQuery {
  const query = raw.trim();
  if (query === "") return { ok: false, reason: "the query is empty" };
  if (query.length > MAX_QUERY_LENGTH) return { ok: false, reason: `the query is longer than ${MAX_QUERY_LENGTH} characters` };
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u.test(query)) return { ok: false, reason: "the query contains control characters" };

  const pieces: { text: string; phrase: boolean }[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query[i]!;
    if (SPACE.test(ch)) {
      i += 1;
      continue;
    }
    if (OPENING_QUOTES.has(ch)) {
      const closing = CLOSING_OF[ch]!;
      const end = query.indexOf(closing, i + 1);
      if (end < 0) return { ok: false, reason: `the quote opened with ${ch} is not closed` };
      pieces.push({ text: query.slice(i + 1, end), phrase: true });
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < query.length && !SPACE.test(query[end]!) && !OPENING_QUOTES.has(query[end]!)) end += 1;
    pieces.push({ text: query.slice(i, end), phrase: false });
    i = end;
  }

  const terms: SearchTerm[] = [];
  for (const piece of pieces) {
    const { folded } = foldForSearch(normaliseText(piece.text));
    if (folded === "" || terms.some((term) => term.folded === folded)) continue;
    terms.push({ text: piece.text.trim(), folded, phrase: piece.phrase });
  }
  if (terms.length === 0) return { ok: false, reason: "the query has no letters, digits or characters to search for" };
  if (terms.length > MAX_TERMS) return { ok: false, reason: `the query has more than ${MAX_TERMS} terms` };
  return { ok: true, terms };
}
