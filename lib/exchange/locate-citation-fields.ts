import type { Citation } from "@/lib/model/document-model";

/**
 * Where a parsed citation's fields stand in its raw text (`citation.raw`, as the note prints it), so that the
 * TEI can mark them up in place without changing a character. A field is located only where the raw text says
 * exactly what the field holds (a date, where its year, month and day read as the date's); the spans never
 * overlap. What cannot be located is listed, for the caller to state another way or leave out.
 */
export type CitationField = "url" | "title" | "container" | "author" | "pages" | "date";

export interface FieldSpan {
  field: CitationField;
  /** UTF-16 offsets into `citation.raw`. */
  start: number;
  end: number;
  /** The author's name, for `author` spans (a citation may have several). */
  value: string;
}

export interface LocatedFields {
  spans: FieldSpan[];
  /** Fields the citation has whose text is not in `raw` (for authors, the names). */
  unlocated: { field: CitationField; value: string }[];
}

export function locateCitationFields(citation: Citation): LocatedFields {
  const { raw } = citation;
  const spans: FieldSpan[] = [];
  const unlocated: LocatedFields["unlocated"] = [];
  const free = (start: number, end: number) => spans.every((span) => end <= span.start || span.end <= start);
  const take = (field: CitationField, value: string, found: { start: number; end: number } | null) => {
    if (found) spans.push({ field, start: found.start, end: found.end, value });
    else unlocated.push({ field, value });
  };
  /** The first occurrence of `needle` (optionally inside `open…close`) at or after `from` that overlaps no span. */
  const find = (needle: string, from = 0, open = "", close = ""): { start: number; end: number } | null => {
    const wrapped = open + needle + close;
    for (let at = raw.indexOf(wrapped, from); at !== -1; at = raw.indexOf(wrapped, at + 1)) {
      const start = at + open.length;
      if (free(start, start + needle.length)) return { start, end: start + needle.length };
    }
    return null;
  };

  if (citation.url !== null) take("url", citation.url, find(citation.url));
  if (citation.title !== null) take("title", citation.title, find(citation.title, 0, "《", "》") ?? find(citation.title));
  if (citation.container !== null) take("container", citation.container, find(citation.container, 0, "《", "》") ?? find(citation.container));
  let from = 0;
  for (const author of citation.authors) {
    const found = find(author, from);
    take("author", author, found);
    if (found) from = found.end;
  }
  if (citation.pages !== null) take("pages", citation.pages, findMatching(raw, PAGE_PATTERNS, citation.pages, free));
  if (citation.date !== null) take("date", citation.date, findMatching(raw, DATE_PATTERNS, citation.date, free));
  spans.sort((a, b) => a.start - b.start);
  return { spans, unlocated };
}

type Reading = (match: RegExpExecArray) => string;

const pad = (value: string | undefined) => (value ?? "").padStart(2, "0");
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_NAME = "(January|February|March|April|May|June|July|August|September|October|November|December)";
const month = (name: string | undefined) => pad(String(MONTHS.indexOf((name ?? "").toLowerCase()) + 1));

/** How the parser reads dates (lib/ingest/parse-citations.ts), each with the ISO-like value it gives. */
const DATE_PATTERNS: [RegExp, Reading][] = [
  [/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/gu, (m) => `${m[1]}-${pad(m[2])}-${pad(m[3])}`],
  [/(\d{4})\s*年\s*(\d{1,2})\s*月/gu, (m) => `${m[1]}-${pad(m[2])}`],
  [new RegExp(`${MONTH_NAME}\\s+(\\d{1,2})[,，]?\\s*(\\d{4})`, "giu"), (m) => `${m[3]}-${month(m[1])}-${pad(m[2])}`],
  [new RegExp(`(\\d{1,2})\\s+${MONTH_NAME}[,，]?\\s+(\\d{4})`, "giu"), (m) => `${m[3]}-${month(m[2])}-${pad(m[1])}`],
  [new RegExp(`${MONTH_NAME}[,，]?\\s+(\\d{4})`, "giu"), (m) => `${m[2]}-${month(m[1])}`],
  [/(\d{4})\s*年/gu, (m) => m[1]!],
  [/(?<![\d.])((?:19|20)\d{2})(?![\d.])/gu, (m) => m[1]!],
];

/** How the parser reads page ranges: the whole 第…页 / p. … is the span. */
const PAGE_PATTERNS: [RegExp, Reading][] = [
  [/第\s*(\d+)\s*(?:[-–－—~]\s*(\d+)\s*)?页/gu, (m) => (m[2] ? `${m[1]}-${m[2]}` : m[1]!)],
  [/\bpp?\.\s*([0-9ivxlc]+)(?:\s*[-–]\s*([0-9ivxlc]+))?/giu, (m) => (m[2] ? `${m[1]}-${m[2]}` : m[1]!)],
];

function findMatching(
  raw: string,
  patterns: readonly [RegExp, Reading][],
  value: string,
  free: (start: number, end: number) => boolean,
): { start: number; end: number } | null {
  for (const [pattern, read] of patterns) {
    for (const match of raw.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (read(match as RegExpExecArray) === value && free(start, end)) return { start, end };
    }
  }
  return null;
}
