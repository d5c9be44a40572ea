/**
 * Line breaking as a typesetter does it, measured in em: a Han character or Chinese punctuation is 1 em,
 * ASCII and full-width Latin set proportionally ≈ 0.5 em, a space 0.25 em. Punctuation and note markers never
 * start a line (they hang at the end of the previous one). Latin words move to the next line whole unless
 * longer than a line; URLs break anywhere. A word broken inside is marked with the extraction's line-break
 * hyphen `￣` when `hyphenMark` says so, and ordinary words are only ever broken with it (or after a `-`),
 * since nothing else tells a reader, or the parser, that the two halves are one word.
 */

/** Marker placeholders: U+E000 + note index, replaced by the printed label once the page is known. */
export const PLACEHOLDER_BASE = 0xe000;
export const isPlaceholder = (ch: string) => {
  const code = ch.charCodeAt(0);
  return code >= PLACEHOLDER_BASE && code < PLACEHOLDER_BASE + 0x1000;
};

export const LINE_BREAK_HYPHEN = "\uFFE3";
/** Opening brackets and quotes never end a line. */
const NO_LINE_END = new Set(Array.from("“‘（《〈「『«‹("));
const NO_LINE_START = new Set(Array.from("，。、；：？！”’）》〉」』\uA3AC\uA3AE\uA3BB»›:),.;?!"));

export function charWidth(ch: string, markerWidth: number): number {
  if (isPlaceholder(ch)) return markerWidth;
  const code = ch.codePointAt(0)!;
  if (ch === " ") return 0.25;
  if (code < 0x80) return 0.5;
  if ((code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) return 0.5;
  if (code >= 0x2460 && code <= 0x2473) return 0.5;
  return 1;
}

function isLatin(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return (code > 0x20 && code < 0x80) || (code >= 0xff10 && code <= 0xff5a);
}

/** Characters at the start of a URL that stay on one line (`http://www.` and a little more). */
const URL_UNBREAKABLE_HEAD = 14;

const fold = (s: string) => s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

interface Unit {
  text: string;
  width: number;
  latin: boolean;
  url: boolean;
}

function units(text: string, markerWidth: number): Unit[] {
  const out: Unit[] = [];
  const chars = Array.from(text);
  let i = 0;
  while (i < chars.length) {
    if (!isLatin(chars[i]!)) {
      out.push({ text: chars[i]!, width: charWidth(chars[i]!, markerWidth), latin: false, url: false });
      i += 1;
      continue;
    }
    let j = i;
    while (j < chars.length && isLatin(chars[j]!)) j += 1;
    const word = chars.slice(i, j).join("");
    const folded = fold(word);
    out.push({ text: word, width: Array.from(word).reduce((w, c) => w + charWidth(c, markerWidth), 0), latin: true, url: /https?:|www\.|\/|\.(?:htm|html|pdf|cn|org|com)/.test(folded) });
    i = j;
  }
  return out;
}

export interface WrapOptions {
  width: number;
  firstIndent: number;
  markerWidth: number;
  /** Decides, break by break, whether a broken word is marked with `￣`. */
  hyphenMark: () => boolean;
}

export function wrapLines(text: string, options: WrapOptions): string[] {
  const { width, markerWidth } = options;
  const lines: string[] = [];
  let line = "";
  let used = options.firstIndent;
  const newLine = () => {
    lines.push(line.replace(/ +$/, ""));
    line = "";
    used = 0;
  };
  const room = () => width - used;
  for (const unit of units(text, markerWidth)) {
    if (!unit.latin) {
      if (unit.text === " ") {
        if (line === "") continue;
        if (used + unit.width > width) {
          newLine();
          continue;
        }
      } else if (line !== "" && !NO_LINE_START.has(unit.text) && !isPlaceholder(unit.text)) {
        const openerWithoutRoom = NO_LINE_END.has(unit.text) && used + unit.width + 1 > width + 1e-9;
        if (used + unit.width > width + 1e-9 || openerWithoutRoom) newLine();
      }
      line += unit.text;
      used += unit.width;
      continue;
    }
    let rest = Array.from(unit.text);
    while (rest.length > 0) {
      const restWidth = rest.reduce((w, c) => w + charWidth(c, markerWidth), 0);
      if (used + restWidth <= width + 1e-9) {
        line += rest.join("");
        used += restWidth;
        break;
      }
      // A word that fits on a fresh line moves there whole (URLs are broken where the line ends).
      if (!unit.url && line !== "" && restWidth <= width && !NO_LINE_START.has(rest[0]!)) {
        newLine();
        continue;
      }
      const mark = options.hyphenMark();
      // Ordinary words break only with the hyphen mark or after a `-`.
      let take = 0;
      let w = 0;
      const budget = room() - (mark ? 0.5 : 0);
      while (take < rest.length && w + charWidth(rest[take]!, markerWidth) <= budget) {
        w += charWidth(rest[take]!, markerWidth);
        take += 1;
      }
      if (!unit.url && !mark) {
        let hyphenAt = -1;
        for (let k = take - 1; k > 0; k -= 1) if (rest[k] === "-" || rest[k] === "－") { hyphenAt = k + 1; break; }
        take = hyphenAt;
      }
      // Never leave a closing mark to start the next line, and never break inside `http://www.`: a reader
      // (and the parser) can only tell a URL from its scheme.
      while (take > 0 && take < rest.length && NO_LINE_START.has(rest[take]!)) take -= 1;
      if (unit.url && take < URL_UNBREAKABLE_HEAD && /^(?:https?:|www\.)/i.test(fold(rest.join("")))) take = 0;
      if (take <= 0) {
        if (line === "") {
          // Nothing fits even on an empty line: set it overfull rather than loop.
          line += rest.join("");
          used += restWidth;
          break;
        }
        newLine();
        continue;
      }
      line += rest.slice(0, take).join("") + (mark ? LINE_BREAK_HYPHEN : "");
      rest = rest.slice(take);
      newLine();
    }
  }
  if (line !== "") lines.push(line.replace(/ +$/, ""));
  return lines;
}
