/**
 * URLs in extracted notes carry the PDF's debris: full-width letters, spaces padding every `/` and `.`,
 * breaks at the end of a printed line (sometimes with a line-break hyphen), and the sentence's own
 * punctuation glued to the end. These functions find a URL in normalised note text and give back its real
 * form. Pure: text in, text out.
 */

/** The private line-break hyphen glyph of the extraction (U+FFE3); it never belongs to a URL. */
const LINE_BREAK_HYPHEN = "\uFFE3";

/** Characters that may appear in a URL (RFC 3986, minus those that end a citation in practice). */
const URL_CHAR = /[A-Za-z0-9\-._~/?#@!$&'()*+=%:\uFFE3\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF3F\uFF0D\uFF0E\uFF0F\uFF1D\uFF1F\uFF06\uFF03\uFF05]/;

/** Characters after which a URL obviously continues across a gap (a printed line break or padding). */
const CONTINUES_AFTER = /[/.\-_?=&#:%\uFFE3]$/;
/** Characters with which a continuation piece obviously starts. */
const CONTINUES_WITH = /^[/.\-_?=&#%]/;
/** A piece that looks like part of a path rather than a word of prose. */
const PATH_LIKE = /[/._=?&#-]/;

const SCHEME = /h\s*t\s*t\s*p\s*(s?)\s*[:\uFF1A]\s*\/\s*\//giu;

/** Punctuation a sentence leaves at the end of a URL. `/` is kept: it is part of many real URLs. */
const TRAILING_PUNCTUATION = /[\s.,;:!?'"\u3002\uFF0C\uFF1B\uFF1A\u3001\uFF01\uFF1F\u201D\u2019\uFF09\u300B]+$/u;

export interface UrlSpan {
  /** UTF-16 offset of the first character of the URL in the searched text. */
  start: number;
  /** Offset just past the last character that belongs to the URL (trailing punctuation excluded). */
  end: number;
  /** The text as it stands, debris included. */
  raw: string;
  /** The repaired URL. */
  url: string;
}

function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

function stripTrailingPunctuation(text: string): string {
  let out = text.replace(TRAILING_PUNCTUATION, "");
  // A closing parenthesis is punctuation only when the URL did not open one.
  while (out.endsWith(")") && (out.match(/\(/g) ?? []).length < (out.match(/\)/g) ?? []).length) {
    out = out.slice(0, -1).replace(TRAILING_PUNCTUATION, "");
  }
  return out;
}

/**
 * The real form of a URL as printed: half-width, no padding spaces, joined across lines, line-break
 * hyphens removed, real hyphens kept, trailing punctuation excluded.
 *
 * A plain `-` before a line break is kept in the path (`2018-` / `11` is a date) but dropped inside the
 * host name, where a break-hyphen is the only plausible reading.
 */
export function repairUrl(raw: string): string {
  let text = toHalfWidth(raw.normalize("NFC"));
  text = text.split(LINE_BREAK_HYPHEN).join("");
  text = text.replace(/[\u00AD\u2010]\s*/g, "");
  const scheme = /^\s*(https?)\s*:\s*\/\s*\/\s*/i.exec(text);
  let rest = scheme ? text.slice(scheme[0].length) : text.trimStart();
  const slash = rest.indexOf("/");
  const host = slash === -1 ? rest : rest.slice(0, slash);
  const path = slash === -1 ? "" : rest.slice(slash);
  rest = host.replace(/-\s+/g, "").replace(/\s+/g, "").toLowerCase() + path.replace(/\s+/g, "");
  const url = scheme ? `${scheme[1]!.toLowerCase()}://${rest}` : rest;
  return stripTrailingPunctuation(url);
}

/** Whether the gap between two pieces of a URL is padding or a line break inside the URL. */
function continuesAcross(previous: string, next: string): boolean {
  if (CONTINUES_WITH.test(next)) return true;
  if (CONTINUES_AFTER.test(previous)) {
    // After a final "." only a lower-case or digit piece continues (". htm", ". com"); "Title" is prose.
    if (previous.endsWith(".")) return /^[a-z0-9]/.test(next);
    return true;
  }
  // Both sides alphanumeric: a break inside a token ("…b5d2d4a39865" / "2ed253cea8eb1.shtml").
  if (PATH_LIKE.test(next)) return true;
  return /^[0-9a-f]+$/i.test(next) && /[0-9]$/.test(previous);
}

/** Every URL in a normalised text, in order. */
export function findUrls(text: string): UrlSpan[] {
  const spans: UrlSpan[] = [];
  SCHEME.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = SCHEME.exec(text)) !== null) {
    const start = match.index;
    let end = start + match[0].length;
    // Padding after "//" belongs to the URL.
    while (end < text.length && /\s/.test(text[end]!)) end += 1;
    let pieceStart = end;
    for (;;) {
      while (end < text.length && URL_CHAR.test(text[end]!)) {
        // "….htm.(" is a sentence that ended and a parenthesis of prose that began.
        if (text[end] === "(" && text[end - 1] === ".") break;
        end += 1;
      }
      const piece = text.slice(pieceStart, end);
      let gapEnd = end;
      while (gapEnd < text.length && /\s/.test(text[gapEnd]!)) gapEnd += 1;
      if (gapEnd === end && piece.length > 0) break;
      let nextEnd = gapEnd;
      while (nextEnd < text.length && URL_CHAR.test(text[nextEnd]!)) nextEnd += 1;
      const next = text.slice(gapEnd, nextEnd);
      if (next.length === 0) break;
      const previous = text.slice(start, end).replace(/\s+$/, "");
      if (piece.length > 0 && !continuesAcross(previous, next)) break;
      pieceStart = gapEnd;
      end = gapEnd;
    }
    let raw = text.slice(start, end);
    const trimmed = stripTrailingPunctuation(raw);
    end = start + trimmed.length;
    raw = trimmed;
    spans.push({ start, end, raw, url: repairUrl(raw) });
    SCHEME.lastIndex = Math.max(end, start + match[0].length);
  }
  return spans;
}

/**
 * Why a repaired URL is probably not what the author printed: it still has spaces or non-ASCII, its
 * host has no top-level domain, or it stops where a truncated line would (a dangling `_`, `-`, `=`,
 * an empty host label).
 */
export function urlProblems(url: string): string[] {
  const problems: string[] = [];
  const match = /^(https?):\/\/([^/?#]*)(.*)$/i.exec(url);
  if (!match) return ["no http(s) scheme"];
  const host = match[2] ?? "";
  const rest = match[3] ?? "";
  if (/\s/.test(url)) problems.push("contains whitespace");
  if (/[^\x21-\x7E]/.test(url)) problems.push("contains non-ASCII characters");
  if (host.length === 0) problems.push("no host");
  else if (!/\.[a-z]{2,6}$/i.test(host.replace(/:\d+$/, "")) || /^www\.[^.]+$/i.test(host)) {
    problems.push("host has no top-level domain");
  }
  if (/\.\./.test(host) || host.startsWith(".") || host.startsWith("-")) problems.push("empty host label");
  if (/[_\-=&?.]$/.test(rest) || (rest === "" && /[-.]$/.test(host))) problems.push("looks truncated");
  return problems;
}

export function isSuspiciousUrl(url: string): boolean {
  return urlProblems(url).length > 0;
}
