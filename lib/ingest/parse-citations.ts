import type { Citation, SourceLines } from "@/lib/model/document-model";
import { findUrls } from "./repair-url";

export interface NoteForCitations {
  anchor: string;
  /**
   * Normalised note text (present or truncated notes). A missing note may be passed with empty text: it
   * yields no citation and, rightly, stops a following 同上 from reaching past it.
   */
  text: string;
  sourceLines: SourceLines;
}

/** The fields of one citation as read from its text, before anchors and 同上 resolution. */
export interface ParsedCitation {
  raw: string;
  /** UTF-16 offset of `raw` in the note text. */
  offset: number;
  authors: string[];
  title: string | null;
  container: string | null;
  date: string | null;
  pages: string | null;
  url: string | null;
  /** 同上 / 同上书 / ibid.: the fields come from the citation before it. */
  ibid: boolean;
}

const OPENERS: Record<string, string> = { "《": "》", "〈": "〉", "“": "”", "（": "）", "(": ")", "「": "」", "『": "』" };
const CLOSERS = new Set(Object.values(OPENERS));

interface Piece {
  text: string;
  start: number;
}

/**
 * Splits at any of `separators` standing outside brackets and quotes. Truncated notes can start inside a
 * bracket or stop before one closes, so depth never goes below zero and an unclosed bracket simply runs to
 * the end.
 */
function splitTopLevel(text: string, separators: string, from = 0): Piece[] {
  const pieces: Piece[] = [];
  const stack: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (ch in OPENERS) stack.push(OPENERS[ch]!);
    else if (CLOSERS.has(ch)) {
      const at = stack.lastIndexOf(ch);
      if (at !== -1) stack.length = at;
    } else if (stack.length === 0 && separators.includes(ch)) {
      pieces.push({ text: text.slice(start, i), start: from + start });
      start = i + 1;
    }
  }
  pieces.push({ text: text.slice(start), start: from + start });
  return pieces;
}

/** Trims whitespace and returns how many characters were cut from the front. */
function trimPiece(piece: Piece): Piece {
  const lead = piece.text.length - piece.text.trimStart().length;
  return { text: piece.text.trim(), start: piece.start + lead };
}

const LEAD_IN = /^(?:参见|参阅|详见|另见|转引自|引自|见|see|See|cf\.|Cf\.)\s*[：:]?\s*/u;
const IBID = /^(?:同上书?|ibid\.?|Ibid\.?)(?=$|[，,。.\s]|第|p)/u;
const AUTHOR_HEAD = /^([^，。；《》“”：:]{1,40})[：:]\s*《/u;
/** An English “Title,” (optionally after "Author,"): the quoted text is Latin, not a Chinese term in quotes. */
const ENGLISH_HEAD = /^(?:[A-Z][^“”《》]{0,120}?[,，]\s*)?“\s*[A-Za-z0-9][^“”\u4E00-\u9FFF]*”/u;
const FRAGMENT_HEAD = /^\d{4}\s*年\s*第\s*\d+\s*期|第\s*\d+\s*(?:[-–－—~]\s*\d+\s*)?页/u;

type Head = "ibid" | "title" | "author" | "english" | "url" | "fragment";

function headOf(sentence: string, firstOfNote: boolean): Head | null {
  if (IBID.test(sentence)) return "ibid";
  if (sentence.startsWith("《")) return "title";
  if (AUTHOR_HEAD.test(sentence)) return "author";
  if (ENGLISH_HEAD.test(sentence)) return "english";
  const url = findUrls(sentence)[0];
  // "Host, URL": an institution's page cited without a title; a URL inside prose is not a citation.
  if (url && !/[。]/.test(sentence.slice(0, url.start)) && url.start <= 40) return "url";
  // A truncated note can begin inside a citation: keep its tail when it carries bibliographic data.
  if (firstOfNote && FRAGMENT_HEAD.test(sentence) && sentence.length <= 60) return "fragment";
  return null;
}

const ROLE_SUFFIX = /(?:等|主编|编著|编|著|译|等著|等编)+$/u;

/**
 * Names in an author field. Chinese lists use 、 or ，; an English field is one name or an institution
 * ("United Nations Conference on Trade and Development"), so it is split only on ";" and "&".
 */
export function splitAuthors(text: string): string[] {
  const separator = /[\u4E00-\u9FFF]/u.test(text) ? /[、，,;；]/u : /\s*[;；&]\s*/u;
  return text
    .split(separator)
    .map((name) => name.trim().replace(ROLE_SUFFIX, "").trim())
    .filter((name) => name.length > 0 && name !== "等");
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_NAME = "(January|February|March|April|May|June|July|August|September|October|November|December)";

const pad = (n: string | number) => String(n).padStart(2, "0");

/** The most precise date the text gives, ISO-like ("2015-12-16", "2022-07", "2019"), or null. */
export function parseDate(text: string): string | null {
  let m = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u.exec(text);
  if (m) return `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  m = /(\d{4})\s*年\s*(\d{1,2})\s*月/u.exec(text);
  if (m) return `${m[1]}-${pad(m[2]!)}`;
  m = new RegExp(`${MONTH_NAME}\\s+(\\d{1,2})[,，]?\\s*(\\d{4})`, "i").exec(text);
  if (m) return `${m[3]}-${pad(MONTHS.indexOf(m[1]!.toLowerCase()) + 1)}-${pad(m[2]!)}`;
  m = new RegExp(`(\\d{1,2})\\s+${MONTH_NAME}[,，]?\\s+(\\d{4})`, "i").exec(text);
  if (m) return `${m[3]}-${pad(MONTHS.indexOf(m[2]!.toLowerCase()) + 1)}-${pad(m[1]!)}`;
  m = new RegExp(`${MONTH_NAME}[,，]?\\s+(\\d{4})`, "i").exec(text);
  if (m) return `${m[2]}-${pad(MONTHS.indexOf(m[1]!.toLowerCase()) + 1)}`;
  m = /(\d{4})\s*年/u.exec(text) ?? /(?<![\d.])((?:19|20)\d{2})(?![\d.])/u.exec(text);
  return m ? m[1]! : null;
}

export function parsePages(text: string): string | null {
  let m = /第\s*(\d+)\s*(?:[-–－—~]\s*(\d+)\s*)?页/u.exec(text);
  if (m) return m[2] ? `${m[1]}-${m[2]}` : m[1]!;
  m = /\bpp?\.\s*([0-9ivxlc]+)(?:\s*[-–]\s*([0-9ivxlc]+))?/iu.exec(text);
  if (m) return m[2] ? `${m[1]}-${m[2]}` : m[1]!;
  return null;
}

/** Words that follow a title to say what kind of document it is; never a container. */
const GENRE_WORD = /^(?:白皮书|全文|报告|研究报告|讲话|讲话全文|文件)$/u;
const DATE_PIECE = /^(?:\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\s*第\s*\d+\s*期|\s*版)?|[A-Za-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Za-z]+\.?\s+\d{4}|[A-Za-z]+\.?\s+\d{4}|\d{4})$/u;
const PAGE_PIECE = /^(?:第\s*[\d\s\-–－—~]+页|pp?\.\s*\S+)$/iu;

interface Tail {
  container: string | null;
  date: string | null;
  pages: string | null;
}

/** Reads what follows a title: container (载《…》, a host, a publisher), date and pages. */
function parseTail(text: string): Tail {
  const tail: Tail = { container: null, date: parseDate(text), pages: parsePages(text) };
  for (const piece of splitTopLevel(text, "，,")) {
    let part = piece.text.trim().replace(/^[：:]\s*/u, "");
    if (part.length === 0 || GENRE_WORD.test(part)) continue;
    const journal = /^(?:载|见|in)?\s*《([^》]+)》/u.exec(part);
    if (journal) {
      tail.container ??= journal[1]!.trim();
      continue;
    }
    const publisher = /^(.{1,30}?出版社)/u.exec(part);
    if (publisher) {
      tail.container ??= publisher[1]!;
      continue;
    }
    part = part.replace(/\s+/g, " ");
    if (DATE_PIECE.test(part) || PAGE_PIECE.test(part) || /^\d/.test(part)) continue;
    if (part.length <= 40 && tail.container === null) tail.container = part;
  }
  return tail;
}

/** Reads one citation (lead-in already removed, final 。 excluded). */
export function parseCitationText(raw: string, head: Head): Omit<ParsedCitation, "offset"> {
  const url = findUrls(raw)[0] ?? null;
  // Remove the URL before reading fields: dates and commas inside it are not the citation's.
  const text = url ? raw.slice(0, url.start) + raw.slice(url.end) : raw;
  const base = { raw, authors: [] as string[], title: null as string | null, url: url?.url ?? null, ibid: false };

  if (head === "ibid") {
    return { ...base, container: null, date: null, pages: parsePages(text), ibid: true };
  }
  if (head === "title" || head === "author") {
    const open = text.indexOf("《");
    const authors = head === "author" ? splitAuthors(text.slice(0, open).replace(/[：:]\s*$/u, "")) : [];
    // Find the 》 that closes the title, allowing nested 〈〉 and 《》 inside it.
    let depth = 0;
    let close = -1;
    for (let i = open; i < text.length; i += 1) {
      if (text[i] === "《") depth += 1;
      else if (text[i] === "》") {
        depth -= 1;
        if (depth === 0) {
          close = i;
          break;
        }
      }
    }
    // An unclosed title is a truncated note: keep what survives.
    const title = (close === -1 ? text.slice(open + 1) : text.slice(open + 1, close)).trim();
    const rest = close === -1 ? "" : text.slice(close + 1);
    return { ...base, authors, title: title.length > 0 ? title : null, ...parseTail(rest) };
  }
  if (head === "english") {
    const open = text.indexOf("“");
    const close = text.indexOf("”", open + 1);
    const authors = splitAuthors(text.slice(0, open).replace(/[,，]\s*$/u, ""));
    const title = (close === -1 ? text.slice(open + 1) : text.slice(open + 1, close)).replace(/[,，.]\s*$/u, "").trim();
    const rest = close === -1 ? "" : text.slice(close + 1);
    return {
      ...base,
      authors,
      title: title.length > 0 ? title : null,
      container: null,
      date: parseDate(rest),
      pages: parsePages(rest),
    };
  }
  return { ...base, ...parseTail(text) };
}

/**
 * The citations in one note, in order. A note may cite several works separated by `；`; commentary (in
 * whole segments or in sentences before a 参见) yields nothing. A citation starts a sentence with a title in
 * 《》, an author and a title, an English “title,”, a host and URL, or 同上.
 */
export function splitNoteCitations(text: string): ParsedCitation[] {
  const citations: ParsedCitation[] = [];
  const segments = splitTopLevel(text, "；;");
  segments.forEach((segment, segmentIndex) => {
    const sentences = splitTopLevel(segment.text, "。", segment.start);
    sentences.forEach((rawSentence, sentenceIndex) => {
      let sentence = trimPiece(rawSentence);
      const lead = LEAD_IN.exec(sentence.text);
      if (lead) sentence = { text: sentence.text.slice(lead[0].length), start: sentence.start + lead[0].length };
      // An English citation ends with its own full stop; a Chinese one was cut at its 。.
      const raw = sentence.text.replace(/[\s.]+$/u, "");
      if (raw.length === 0) return;
      const head = headOf(raw, segmentIndex === 0 && sentenceIndex === 0);
      if (head === null) return;
      citations.push({ ...parseCitationText(raw, head), offset: sentence.start });
    });
  });
  return citations;
}

/**
 * Splits every note into its citations, in document order, resolving 同上 ("ibid.") to the citation it
 * repeats: the one just before it, in the same note or at the end of the previous note. Returns the
 * citations of each note keyed by the note's anchor.
 */
export function parseNoteCitations(notes: readonly NoteForCitations[]): Map<string, Citation[]> {
  const result = new Map<string, Citation[]>();
  let previousNote: Citation[] = [];
  for (const note of notes) {
    const drafts: Citation[] = [];
    for (const parsed of splitNoteCitations(note.text)) {
      const anchor = `${note.anchor}-c${drafts.length + 1}`;
      const draft: Citation = {
        anchor,
        raw: parsed.raw,
        authors: parsed.authors,
        title: parsed.title,
        container: parsed.container,
        date: parsed.date,
        pages: parsed.pages,
        url: parsed.url,
        repeats: null,
        sourceLines: note.sourceLines,
      };
      if (parsed.ibid) {
        const target = drafts.at(-1) ?? previousNote.at(-1);
        if (target) {
          draft.repeats = target.anchor;
          draft.authors = [...target.authors];
          draft.title = target.title;
          draft.container = target.container;
          draft.date = target.date;
          draft.url = target.url;
          draft.pages = parsed.pages ?? target.pages;
        }
      }
      drafts.push(draft);
    }
    result.set(note.anchor, drafts);
    previousNote = drafts;
  }
  return result;
}
