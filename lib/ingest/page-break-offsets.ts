import type { PageBreak } from "@/lib/model/document-model";
import { normaliseLine } from "./normalise-text";

/**
 * Where, in a block's normalised text, each new printed page begins. A block is printed lines joined and
 * repaired (normalise-text.ts): line-break hyphens dropped, URLs closed up, Chinese joined without a space, Latin
 * words with one. Those repairs add, drop or collapse only whitespace and the line-break hyphen, and map every
 * other character to exactly one (a full-width letter to its half-width form, an odd glyph to its punctuation),
 * and each of them does the same to a line whether it is repaired alone or inside its block. So the line on which
 * a page begins opens at the character reached by counting, from the block's end, as many non-space characters
 * as the lines from it to the end hold, each repaired alone. Counting from the end keeps the count right when the
 * block's text leaves out something at its start (a heading's printed enumerator).
 *
 * When the block's text holds more non-space characters than its lines (a repair this reasoning does not know
 * of), no break is placed: a page break at a wrong character would be invented.
 */

export interface PagedLine {
  /** The line as printed (what was joined into the block). */
  raw: string;
  /** 1-based page, as the layout stage counts pages. */
  page: number;
}

/** A page break of a block's text, before the page's printed folio is known. */
export type TextPageBreak = Omit<PageBreak, "folio">;

/**
 * The pages that begin inside `text`, made from `lines` (in order): one break per page, at the first character of
 * the first line printed on it; pages that hold no line of the block begin at the same offset as the next that
 * does. `startOmitted`: the text leaves out the start of its first line (a heading's enumerator, a note's
 * label). Null when the text and its lines do not count alike (see above).
 */
export function pageBreakOffsets(lines: readonly PagedLine[], text: string, options: { startOmitted?: boolean } = {}): TextPageBreak[] | null {
  const textCount = countNonSpace(text);
  let linesCount = 0;
  const suffixCounts = new Array<number>(lines.length);
  for (let k = lines.length - 1; k >= 0; k -= 1) {
    linesCount += countNonSpace(normaliseLine(lines[k]!.raw));
    suffixCounts[k] = linesCount;
  }
  if (options.startOmitted === true ? textCount > linesCount : textCount !== linesCount) return null;
  const breaks: TextPageBreak[] = [];
  for (let k = 1; k < lines.length; k += 1) {
    const before = lines[k - 1]!.page;
    const page = lines[k]!.page;
    if (page <= before) continue;
    // Counted from the end: the enumerator a heading's text leaves out is at its start.
    const offset = offsetOfTail(text, suffixCounts[k]!);
    if (offset === null) continue;
    for (let begun = before + 1; begun <= page; begun += 1) breaks.push({ offset, page: begun });
  }
  return breaks;
}

/**
 * An offset into a text, moved to the text with `removed` taken out (half-open ranges of the original, not overlapping:
 * the note markers find-markers.ts `removeMarkers` took out). An offset inside a removed range moves to where
 * the range was: a page that begins with a marker begins where the marker stood.
 */
export function offsetAfterRemoval(offset: number, removed: readonly (readonly [number, number])[]): number {
  let shift = 0;
  for (const [from, to] of removed) {
    if (from >= offset) continue;
    shift += Math.min(to, offset) - from;
  }
  return offset - shift;
}

/** Whitespace as normalise-text counts it (what the repairs may add, drop or collapse). */
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x3000 || code === 0x09 || code === 0xa0 || code === 0x0a || code === 0x0d || code === 0x0c || code === 0x0b;
}

/** The extraction's line-break hyphen (U+FFE3), which the repair drops wherever it stands. */
const LINE_BREAK_HYPHEN = 0xffe3;

function countNonSpace(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (!isSpace(code) && code !== LINE_BREAK_HYPHEN) count += 1;
  }
  return count;
}

/** The offset of the character that has `tail` counted characters from it to the end (itself included); null when the text holds fewer. */
function offsetOfTail(text: string, tail: number): number | null {
  if (tail === 0) return text.length;
  let seen = 0;
  for (let i = text.length - 1; i >= 0; i -= 1) {
    const code = text.charCodeAt(i);
    if (isSpace(code) || code === LINE_BREAK_HYPHEN) continue;
    seen += 1;
    if (seen === tail) return i;
  }
  return null;
}
