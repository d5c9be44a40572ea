/** A keyword-in-context line: the match with up to `radius` characters either side. */
export interface Snippet {
  snippet: string;
  /** UTF-16 offsets of the match inside `snippet`. */
  matchStart: number;
  matchEnd: number;
}

const ELLIPSIS = "…";

/** Cuts a KWIC line around text[start, end); never splits a surrogate pair, marks cut ends with "…". */
export function makeSnippet(text: string, start: number, end: number, radius = 30): Snippet {
  let from = start;
  for (let taken = 0; taken < radius && from > 0; taken += 1) from -= isLowSurrogateAt(text, from - 1) && from > 1 ? 2 : 1;
  let to = end;
  for (let taken = 0; taken < radius && to < text.length; taken += 1) to += isHighSurrogateAt(text, to) && to + 1 < text.length ? 2 : 1;
  const prefix = from > 0 ? ELLIPSIS : "";
  const suffix = to < text.length ? ELLIPSIS : "";
  return {
    snippet: prefix + text.slice(from, to) + suffix,
    matchStart: prefix.length + (start - from),
    matchEnd: prefix.length + (end - from),
  };
}

function isLowSurrogateAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

function isHighSurrogateAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff;
}
