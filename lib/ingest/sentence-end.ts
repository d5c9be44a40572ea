import { findUrlSpans } from "./normalise-text";

/**
 * Whether a normalised line ends a sentence (or a clause that can close a paragraph: `；` `：`), allowing
 * closing quotes and brackets and note markers after the punctuation. A `.` that only breaks a URL
 * (`…/c_1234.` + `htm` on the next line) does not count; `…/ .` closing an English citation does.
 */
export function endsSentence(normalised: string): boolean {
  const text = normalised.replace(/[\s\u3000]+$/u, "");
  const match = /([。！？!?；;：:…．.])[”’」』）)》〉\]]*(?:[\u2460-\u2473]|\[\d{1,3}\])*$/u.exec(text);
  if (!match) return false;
  if (match[1] !== "." ) return true;
  const at = match.index;
  const before = text[at - 1] ?? "";
  if (before === "/" || before === " " || before === "”" || before === '"') return true;
  // A URL continued from the previous line has no `http` left to recognise it by: judge by its last token.
  const lastToken = /[^\s\u3000\p{Script=Han}，。；：、（）《》]*$/u.exec(text.slice(0, at + 1))?.[0] ?? "";
  if (/\/|_/.test(lastToken) && /[A-Za-z0-9]\.$/.test(lastToken)) return false;
  const spans = findUrlSpans(text);
  const last = spans[spans.length - 1];
  return !(last !== undefined && last[1] >= at + 1 && last[0] < at);
}

/** Ends with a full stop, question or exclamation mark: a note or a paragraph can end here. */
export function endsFullStop(normalised: string): boolean {
  return endsSentence(normalised) && !/[；;：:]["”’」』）)》〉\]]*(?:[\u2460-\u2473]|\[\d{1,3}\])*$/u.test(normalised.trimEnd());
}
