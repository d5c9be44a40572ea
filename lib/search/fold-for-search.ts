/**
 * The search form of a text: what the index stores and what queries are compared with. It is
 * `normaliseForSearch` applied character by character, so that every folded character remembers
 * where it came from and a hit can be mapped back to the exact range of the displayed text.
 */

const DROPPED = /^[\p{P}\p{S}\s\u3000①-⑳]$/u;

export interface FoldedText {
  /** NFKC, lower case, without punctuation, symbols, spaces or circled note numbers. */
  folded: string;
  /** For each UTF-16 unit of `folded`, the UTF-16 offset in the original text of the character it came from. */
  offsets: number[];
}

/** Folds an already normalised text (display text of a block, or a normalised query term). */
export function foldForSearch(text: string): FoldedText {
  let folded = "";
  const offsets: number[] = [];
  let offset = 0;
  for (const ch of text) {
    // NFKC may expand one character (a ligature, ㎞) into several; each keeps the source offset.
    const mapped = ch.normalize("NFKC").toLowerCase();
    for (const out of mapped) {
      if (DROPPED.test(out)) continue;
      folded += out;
      for (let unit = 0; unit < out.length; unit += 1) offsets.push(offset);
    }
    offset += ch.length;
  }
  return { folded, offsets };
}

/**
 * The range of the original text that folded units [start, end) came from: from the first source
 * character to the end of the last one, so dropped punctuation inside a match is covered too.
 */
export function mapFoldedRange(text: string, offsets: readonly number[], start: number, end: number): { start: number; end: number } {
  const first = offsets[start];
  const last = offsets[end - 1];
  if (first === undefined || last === undefined || end <= start) throw new RangeError(`folded range ${start}-${end} is outside the text`);
  const lastChar = text.codePointAt(last) ?? 0;
  return { start: first, end: last + (lastChar > 0xffff ? 2 : 1) };
}
