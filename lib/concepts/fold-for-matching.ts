/**
 * The comparison form shared by the concept dictionary (to decide whether two variants are "the same
 * wording") and by mention finding (to match variants in block text). Both sides must fold identically,
 * so the rules live here once.
 *
 * Folding works per code point and never merges or splits characters, so every folded character keeps
 * the UTF-16 span it came from; that is what lets a match be mapped back to offsets in the original text.
 */

/** Dropped: text extracted from PDFs still carries line-break leftovers and invisible joiners inside words. */
const IGNORED = new Set([
  "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad",
  // Line-break hyphen of essay 000's font; if the normaliser left one inside a word it must not split it.
  "\uffe3",
  // Quotation marks: “网络主权” and 网络主权 are the same wording, and a variant like 和平、主权、共治、普惠四项原则
  // must match whether or not the source quoted the list.
  "\u201c", "\u201d", "\u2018", "\u2019", '"', "'", "\u300c", "\u300d", "\u300e", "\u300f", "\u301d", "\u301e",
  "\uff02", "\uff07",
]);

/** List punctuation is folded to one mark so a variant written with ， also matches 、 or ； in the text. */
const COMMA_CLASS = new Set(["，", ",", "、", "；", ";", "ꎬ", "ꎻ"]);
export const FOLDED_COMMA = "、";

export interface FoldedText {
  /** One folded code point per entry. */
  chars: string[];
  /** UTF-16 start offset in the original text of each folded character. */
  starts: number[];
  /** UTF-16 end offset (exclusive) in the original text of each folded character. */
  ends: number[];
}

function foldChar(ch: string): string | null {
  if (IGNORED.has(ch) || /\s/u.test(ch)) return null;
  if (COMMA_CLASS.has(ch)) return FOLDED_COMMA;
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCodePoint(code - 0xfee0).toLowerCase();
  if (code < 0x80) return ch.toLowerCase();
  return ch;
}

export function foldForMatching(text: string): FoldedText {
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const ch of text) {
    const folded = foldChar(ch);
    if (folded !== null) {
      chars.push(folded);
      starts.push(offset);
      ends.push(offset + ch.length);
    }
    offset += ch.length;
  }
  return { chars, starts, ends };
}

/** The folded wording as one string: two variants with equal keys are the same wording. */
export function matchKey(text: string): string {
  return foldForMatching(text).chars.join("");
}

export function isAsciiWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /^[a-z0-9]$/.test(ch);
}
