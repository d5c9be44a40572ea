import { normaliseLine } from "./normalise-text";

/**
 * Section headings by their enumerator, read from the raw printed line: normalisation would delete the
 * space that separates `一` from the heading text in `一　全球…` layouts.
 */
export interface HeadingMatch {
  /** 1 = 一、 / 第一章; 2 = （一） / 第一节; 3 = 1. ; 4 = （1）. */
  level: number;
  /** The enumerator as printed, normalised: "一", "（一）", "1.", "（1）", "第一章". */
  label: string;
  /** Heading text without its enumerator, normalised. */
  text: string;
}

/** The Chinese numerals (one to ten, hundred, zero) that number sections as 一、 or （二）: a character class, not text of any essay. */
const HAN_NUMERAL = "[一二三四五六七八九十百零〇]+";
const DIGITS = "[0-9０-９]{1,2}";
const PATTERNS: ReadonlyArray<{ re: RegExp; level: number; label: (m: RegExpExecArray) => string }> = [
  { re: new RegExp(`^(第${HAN_NUMERAL}章)[\\s\\u3000]*(.+)$`, "u"), level: 1, label: (m) => m[1]! },
  { re: new RegExp(`^(第${HAN_NUMERAL}节)[\\s\\u3000]*(.+)$`, "u"), level: 2, label: (m) => m[1]! },
  { re: new RegExp(`^(${HAN_NUMERAL})(?:[、．.]|[\\s\\u3000]+)[\\s\\u3000]*(.+)$`, "u"), level: 1, label: (m) => m[1]! },
  { re: new RegExp(`^[（(](${HAN_NUMERAL})[）)][\\s\\u3000]*(.+)$`, "u"), level: 2, label: (m) => `（${m[1]!}）` },
  { re: new RegExp(`^(${DIGITS})(?:[.．、](?![0-9０-９])|[\\s\\u3000]{2,})[\\s\\u3000]*(.+)$`, "u"), level: 3, label: (m) => `${fold(m[1]!)}.` },
  { re: new RegExp(`^[（(](${DIGITS})[）)][\\s\\u3000]*(.+)$`, "u"), level: 4, label: (m) => `（${fold(m[1]!)}）` },
];

/** Longest heading text accepted: headings are short; a long enumerated line is a list paragraph. */
const MAX_HEADING_CHARS = 40;

export function matchHeading(rawLine: string): HeadingMatch | null {
  const line = rawLine.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, "");
  for (const pattern of PATTERNS) {
    const m = pattern.re.exec(line);
    if (!m) continue;
    const text = normaliseLine(m[m.length - 1]!);
    if (text === "" || Array.from(text).length > MAX_HEADING_CHARS) return null;
    // A heading does not end like a sentence or a clause (a Latin full stop included: `37.pdf.`, the end of a web
    // address wrapped after its year's first digits, is no heading `37.` titled `pdf.`).
    if (/[。，；,;、.]$/u.test(text.replace(/[①-⑳]|\[\d{1,3}\]$/gu, ""))) return null;
    // Sentences opening with a numeral ("一是…", "二十国…") never match: the patterns need a separator.
    return { level: pattern.level, label: pattern.label(m), text };
  }
  return null;
}

function fold(digits: string): string {
  return digits.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}
