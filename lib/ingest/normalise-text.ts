/**
 * Repairs for the artefacts PDF text extraction leaves in Chinese scholarly text. Every repair here is
 * listed, with an example and its reason, in docs/ingest-normalisation.md: keep the two in step.
 *
 * The same functions serve ingestion (line by line, then joined into blocks) and search
 * (`normaliseForSearch`), so a query typed as `２０１５ 年` finds text printed `2015年`.
 */

/** Glyphs from fonts whose punctuation extracts as unrelated code points. `ꎬ` is context-dependent (see `mapOddGlyphs`). */
const ODD_GLYPHS: Readonly<Record<string, string>> = {
  "\uA3AE": "。", // ꎮ
  "\uA3BB": "；", // ꎻ
  "\u00AB": "《", // «
  "\u00BB": "》", // »
  "\u2039": "〈", // ‹
  "\u203A": "〉", // ›
};
const ODD_COMMA = "\uA3AC"; // ꎬ

/** Full-width symbols that only ever occur in URLs, page ranges and identifiers; folded with letters and digits. */
const FOLDED_SYMBOLS = "－＿＝／％＆＃＋＠．～［］";

/** The extraction's line-break hyphen (U+FFE3 FULLWIDTH MACRON) at the end of a line. */
const LINE_BREAK_HYPHEN = "\uFFE3";

/** Han ideographs by code point (the regex property test is too slow for per-character use). */
export function isHanCode(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x3134f) ||
    code === 0x3007
  );
}

function isHan(ch: string): boolean {
  return isHanCode(ch.codePointAt(0) ?? 0);
}

/** Characters whose neighbourhood makes a space, or ASCII punctuation, Chinese. */
export function isCjk(ch: string | undefined): boolean {
  if (ch === undefined || ch === "") return false;
  const code = ch.codePointAt(0)!;
  if (isHanCode(code)) return true;
  if (code >= 0x3000 && code <= 0x303f) return true; // CJK symbols and punctuation: 、。《》〈〉【】〔〕
  if (code >= 0xff01 && code <= 0xff60) return true; // remaining full-width forms: ，：；（）！？
  return ch === "—" || ch === "…" || ch === "·" || ch === "•" || ch === "―";
}

const OPENING = new Set(["“", "‘", "(", "（", "《", "〈", "【", "「", "『", "〔", "["]);
const CLOSING = new Set(["”", "’", ")", "）", "》", "〉", "】", "」", "』", "〕", "]"]);
const QUOTES = new Set(["“", "”", "‘", "’"]);
const WS = { test: (ch: string) => ch === " " || ch === "\u3000" || ch === "\t" || ch === "\u00a0" || ch === "\n" || ch === "\r" || ch === "\f" || ch === "\v" };
const URL_PADDING_NEIGHBOURS = "/.-_=?&:#%~";
const ASCII_URL_CHAR = /[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]/;

const ODD_GLYPH_RE = /[\uA3AE\uA3BB\u00AB\u00BB\u2039\u203A]/g;
const FOLDABLE_RE = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A－＿＝／％＆＃＋＠．～［］]/g;

/** Steps 1–3: glyph map, full-width folding, em-dash runs. Works on one line or a joined block. */
function mapOddGlyphs(s: string): string {
  let out = s;
  if (out.includes(ODD_COMMA)) {
    const chars = Array.from(out);
    out = chars.map((ch, i) => (ch === ODD_COMMA ? (isLatinComma(chars, i) ? "," : "，") : ch)).join("");
  }
  out = out.replace(ODD_GLYPH_RE, (ch) => ODD_GLYPHS[ch] ?? ch).replace(FOLDABLE_RE, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  // The extraction turns a two-em dash into three (or more) em dashes.
  return out.includes("———") ? out.replace(/—{3,}/g, "——") : out;
}

/** `ꎬ` inside an English citation (`London,” …`, `2011, p.10`) is an ASCII comma. */
function isLatinComma(chars: readonly string[], i: number): boolean {
  const before = foldFullwidth(chars[i - 1] ?? "");
  const after = chars[i + 1] ?? "";
  if (!/[A-Za-z0-9.)’”]/.test(before)) return false;
  if (after === "”" || after === '"') return true;
  // Whatever whitespace follows (a space, a line break, both), the next word decides; at the very end of a
  // text (a note cut by the page end), the Latin word before it does.
  if (after === "") return true;
  if (after !== " " && after !== "\n") return false;
  const next = nextNonSpace(chars, i);
  return next === undefined || /[A-Za-z0-9“"]/.test(foldFullwidth(next));
}

function foldFullwidth(ch: string): string {
  if (ch === "") return ch;
  const code = ch.codePointAt(0) ?? 0;
  const isAlnum = (code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a);
  if (isAlnum || FOLDED_SYMBOLS.includes(ch)) return String.fromCodePoint(code - 0xfee0);
  return ch;
}

function prevNonSpace(chars: readonly string[], i: number): string | undefined {
  for (let j = i - 1; j >= 0; j -= 1) if (!WS.test(chars[j]!)) return chars[j];
  return undefined;
}

function nextNonSpace(chars: readonly string[], i: number): string | undefined {
  for (let j = i + 1; j < chars.length; j += 1) if (!WS.test(chars[j]!)) return chars[j];
  return undefined;
}

const FULL_WIDTH_OF: Readonly<Record<string, string>> = { ":": "：", ";": "；", ",": "，", "?": "？", "!": "！" };

/** Step 4: ASCII `: ; , ? ! ( )` standing in Chinese context become their full-width forms. */
function widenCjkPunctuation(s: string): string {
  if (!/[:;,?!()]/.test(s)) return s;
  const chars = Array.from(s);
  const urlSpans = findUrlSpans(s);
  const inUrl = new Array<boolean>(chars.length).fill(false);
  if (urlSpans.length > 0) {
    // findUrlSpans works in UTF-16 offsets; walk them alongside the code points.
    let unit = 0;
    let span = 0;
    for (let index = 0; index < chars.length; index += 1) {
      while (span < urlSpans.length && urlSpans[span]![1] <= unit) span += 1;
      const current = urlSpans[span];
      if (current !== undefined && unit >= current[0] && unit < current[1]) inUrl[index] = true;
      unit += chars[index]!.length;
    }
  }

  for (let i = 0; i < chars.length; i += 1) {
    const ch = chars[i]!;
    const wide = FULL_WIDTH_OF[ch];
    if (wide === undefined || inUrl[i]) continue;
    const before = prevNonSpace(chars, i);
    const after = nextNonSpace(chars, i);
    if (ch === ":" && /\d/.test(before ?? "") && /\d/.test(after ?? "")) continue; // 10:30
    const beforeCjk = isCjk(before) || (before !== undefined && QUOTES.has(before) && isCjk(prevNonSpace(chars, chars.lastIndexOf(before, i - 1))));
    const afterCjk = isCjk(after) || (after === "“" && isCjk(nextNonSpace(chars, chars.indexOf("“", i + 1))));
    if (beforeCjk || (afterCjk && !/[A-Za-z0-9]/.test(before ?? ""))) chars[i] = wide;
  }

  // Parentheses go in pairs: the pair is Chinese if it touches Chinese outside or holds any inside.
  const stack: number[] = [];
  for (let i = 0; i < chars.length; i += 1) {
    if (chars[i] === "(" && !inUrl[i]) stack.push(i);
    else if (chars[i] === ")" && !inUrl[i]) {
      const open = stack.pop();
      if (open === undefined) {
        if (isCjk(prevNonSpace(chars, i)) || isCjk(nextNonSpace(chars, i))) chars[i] = "）";
        continue;
      }
      const inside = chars.slice(open + 1, i);
      if (isCjk(prevNonSpace(chars, open)) || isCjk(nextNonSpace(chars, i)) || inside.some(isHan)) {
        chars[open] = "（";
        chars[i] = "）";
      }
    }
  }
  for (const open of stack) {
    if (isCjk(prevNonSpace(chars, open)) || isCjk(nextNonSpace(chars, open))) chars[open] = "（";
  }
  return chars.join("");
}

/** Quotes count as Chinese when the character on their far side is Chinese. */
function sideIsCjk(chars: readonly string[], i: number, direction: -1 | 1): boolean {
  const ch = chars[i];
  if (ch === undefined) return false;
  if (QUOTES.has(ch)) return isCjk(chars[i + direction]);
  return isCjk(ch);
}

/** Step 5: spaces. Dropped next to Chinese, inside brackets, around `/`; collapsed to one space elsewhere. */
function resolveSpaces(s: string): string {
  const chars = Array.from(s);
  let out = "";
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i]!;
    if (!WS.test(ch)) {
      out += ch;
      i += 1;
      continue;
    }
    let j = i;
    while (j < chars.length && WS.test(chars[j]!)) j += 1;
    const before = i > 0 ? chars[i - 1] : undefined;
    const after = j < chars.length ? chars[j] : undefined;
    const drop =
      before === undefined ||
      after === undefined ||
      OPENING.has(before) ||
      CLOSING.has(after) ||
      sideIsCjk(chars, i - 1, -1) ||
      sideIsCjk(chars, j, 1) ||
      (before === "/" && /\S/.test(after)) ||
      (after === "/" && /\S/.test(before)) ||
      (before === "-" && /\d/.test(chars[i - 2] ?? "") && /\d/.test(after)) ||
      /^[①-⑳]$/u.test(before) ||
      /^[①-⑳]$/u.test(after);
    if (!drop) out += " ";
    i = j;
  }
  return out;
}

/**
 * Where URLs stand in `s` (UTF-16 offsets, end exclusive). A URL may be padded with spaces around
 * its punctuation (`http: / / www. example. com / a`), which counts as part of it.
 */
export function findUrlSpans(s: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const start = /https?:|www\./gi;
  let match: RegExpExecArray | null;
  while ((match = start.exec(s)) !== null) {
    let end = match.index;
    let i = match.index;
    while (i < s.length) {
      const ch = s[i]!;
      if (ASCII_URL_CHAR.test(ch)) {
        i += 1;
        end = i;
        continue;
      }
      if (WS.test(ch)) {
        let j = i;
        while (j < s.length && WS.test(s[j]!)) j += 1;
        const before = s[i - 1] ?? "";
        const after = s[j] ?? "";
        // `…/report.pdf. Accessed` ends the URL: a capital after a full stop starts a sentence.
        const sentenceAfterStop = before === "." && /[A-Z]/.test(after);
        const padded =
          ASCII_URL_CHAR.test(after) && !sentenceAfterStop && (URL_PADDING_NEIGHBOURS.includes(before) || URL_PADDING_NEIGHBOURS.includes(after));
        if (!padded) break;
        i = j;
        continue;
      }
      break;
    }
    // A URL does not end in sentence punctuation (the `.` of `…/ .` closes an English sentence).
    while (end > match.index && /[,;:!?]/.test(s[end - 1]!)) end -= 1;
    spans.push([match.index, end]);
    start.lastIndex = Math.max(end, match.index + 1);
  }
  return spans;
}

/** Step 6: remove the padding spaces inside URLs. */
function closeUrlGaps(s: string): string {
  const spans = findUrlSpans(s);
  if (spans.length === 0) return s;
  let out = "";
  let last = 0;
  for (const [from, to] of spans) {
    out += s.slice(last, from) + s.slice(from, to).replace(/[\s\u3000\u00a0]+/gu, "");
    last = to;
  }
  return out + s.slice(last);
}

/** True when `line` (already glyph-mapped) ends inside a URL, so the next line continues it with no space. */
function endsInsideUrl(line: string): boolean {
  // Only the end matters; looking at a bounded tail keeps joining long blocks linear.
  const trimmed = line.slice(-400).replace(/[\s\u3000]+$/u, "");
  const spans = findUrlSpans(trimmed);
  const lastSpan = spans[spans.length - 1];
  return lastSpan !== undefined && lastSpan[1] === trimmed.length;
}

const BRACKET_MARKER_AT_END = /\[\d{1,3}\]$/u;

/**
 * Joins printed lines into one block of text. A line ending in the line-break hyphen `￣`, inside a URL or
 * with a hyphen continues with no space; Chinese on either side of the break joins with no space;
 * two Latin words get one space.
 */
function joinLines(block: string): string {
  // Glyphs are mapped over the whole block: whether `ꎬ` is an English comma can depend on the next line.
  const lines = mapOddGlyphs(block.replace(/\n[\s\u3000]*\n/g, "\n")).split("\n");
  let out = "";
  for (const rawLine of lines) {
    const line = rawLine.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, "");
    if (line === "") continue;
    if (out === "") {
      out = line;
      continue;
    }
    if (out.endsWith(LINE_BREAK_HYPHEN)) {
      out = out.slice(0, -1) + line;
      continue;
    }
    const last = out[out.length - 1]!;
    const first = line[0]!;
    // Digits broken across lines belong to one number (typesetters do not break numbers).
    const digits = /[0-9]/.test(last) && /[0-9]/.test(first);
    // A bracket note marker after Chinese (`采纳。[2]` ⏎ `2002年`) is Chinese text's: taking it out must leave no space.
    const markerAfterCjk = BRACKET_MARKER_AT_END.exec(out.slice(-8)) !== null && isCjk(out[out.lastIndexOf("[") - 1] ?? "");
    const glue = isCjk(last) || isCjk(first) || last === "-" || digits || endsInsideUrl(out) || /^[①-⑳]$/u.test(first) || markerAfterCjk ? "" : " ";
    out += glue + line;
  }
  return out.endsWith(LINE_BREAK_HYPHEN) ? out.slice(0, -1) : out;
}

/** The full repair pipeline on a block of one or more printed lines (newline-separated). */
export function normaliseText(s: string): string {
  const joined = joinLines(s);
  return closeUrlGaps(resolveSpaces(widenCjkPunctuation(joined))).replace(new RegExp(LINE_BREAK_HYPHEN, "g"), "");
}

/** One printed line, repaired on its own (what the layout stage compares and reports). */
export function normaliseLine(line: string): string {
  const cached = lineCache.get(line);
  if (cached !== undefined) return cached;
  const normal = normaliseText(line.replace(/\n/g, " "));
  if (lineCache.size >= LINE_CACHE_LIMIT) lineCache.clear();
  lineCache.set(line, normal);
  return normal;
}

/** Stages look at the same printed lines several times; the repair is pure, so it is remembered. */
const LINE_CACHE_LIMIT = 20_000;
const lineCache = new Map<string, string>();

/**
 * Search key: the normalised text folded further, so that a query and the text meet whatever their
 * spacing, punctuation, width or case: NFKC, lower case, and no punctuation, symbols, spaces or note markers.
 */
export function normaliseForSearch(s: string): string {
  return normaliseText(s)
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s\u3000]/gu, "")
    .replace(/[①-⑳]/gu, "");
}

/** Text reduced to what identifies it: no punctuation, symbols or whitespace (used for anchors and comparisons). */
export function compactText(s: string): string {
  return s.replace(/[\p{P}\p{S}\s\u3000]/gu, "").replace(/[①-⑳]/gu, "");
}
