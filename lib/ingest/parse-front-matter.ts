import type { IngestWarning, SourceLines } from "@/lib/model/document-model";
import { closingMarkWidth, FIRST_LINE_INDENT, OPENING_MARK, OPENING_MARK_WIDTH } from "./build-body";
import { findMarkers } from "./find-markers";
import { FOLIO } from "./layout-pages";
import { leadingLatinWidth, lineDeficit, lineWidth, type WidthModel } from "./line-width";
import { matchHeading } from "./match-heading";
import { normaliseLine, normaliseText } from "./normalise-text";
import { endsFullStop, endsSentence } from "./sentence-end";

/**
 * The block before the body on an essay's first page: title (possibly wrapped over several lines),
 * authors, abstract, keywords and classification lines. Everything here is read from position and
 * shape: short centred lines first, a short line of names, then labelled blocks.
 */
export interface FrontMatter {
  title: string | null;
  titleLines: SourceLines | null;
  authors: string[];
  abstract: string | null;
  abstractLines: SourceLines | null;
  /** 0-based index of the first body line. */
  bodyStart: number;
  /** Keyword and classification lines: kept as provenance, not body text. */
  other: Array<{ text: string; line: number }>;
  warnings: IngestWarning[];
}

const ABSTRACT_LABEL = /^[\s\u3000]*[〔【[（(]?[\s\u3000]*(?:内[\s\u3000]*容[\s\u3000]*)?(?:提[\s\u3000]*要|摘[\s\u3000]*要)[\s\u3000]*[〕】\]）)]?[\s\u3000]*[:：]?/u;
const KEYWORD_LABEL = /^[\s\u3000]*[〔【[（(]?[\s\u3000]*关[\s\u3000]*键[\s\u3000]*(?:词|字)[\s\u3000]*[〕】\]）)]?/u;
/** Library classification lines and similar labelled metadata: 〔中图分类号〕, 【文献标识码】, DOI: … */
const OTHER_LABEL = /^[\s\u3000]*(?:[〔【[][\s\u3000]*\p{Script=Han}[\p{Script=Han}\s\u3000]{1,8}[〕】\]]|(?:中图分类号|文献标识码|文章编号|DOI|doi)[\s\u3000]*[:：])/u;
const AUTHOR_NAME = "(?:[\\p{Script=Han}·]{2,4}|[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){1,3})";
const AUTHOR_LINE = new RegExp(`^(?:作者[:：])?\\s*${AUTHOR_NAME}(?:\\s*[、，,\\s]\\s*${AUTHOR_NAME})*\\s*[*＊]?$`, "u");
const SENTENCE_END = /[。！？!?]["”’」』）)]*$/u;
const LEADING_SPACE = /^[ \u3000\t]/u;
/**
 * A line printed with its indent: a leading space, then text set in full-width or Han type (not a folio or a number
 * set right, which are ASCII).
 */
const INDENTED_TEXT = /^[ \u3000\t]+[^\s\x21-\x7E]/u;

export function isLabelLine(line: string): boolean {
  return ABSTRACT_LABEL.test(line) || KEYWORD_LABEL.test(line) || OTHER_LABEL.test(line);
}

export function parseFrontMatter(lines: readonly string[], model: WidthModel): FrontMatter {
  const front: FrontMatter = {
    title: null,
    titleLines: null,
    authors: [],
    abstract: null,
    abstractLines: null,
    bodyStart: 0,
    other: [],
    warnings: [],
  };
  let i = skipBlank(lines, 0);
  // The first page's folio, printed above the title where folios stand at the head of the page (pdftotext
  // prints it first, on a line of its own): page furniture, never a title line.
  while (i < lines.length && FOLIO.test(lines[i]!)) i = skipBlank(lines, i + 1);
  if (i >= lines.length) return front;

  // Title: up to four short lines (blank lines may separate them) that do not end a sentence.
  const titleIndexes: number[] = [];
  while (i < lines.length && titleIndexes.length < 4) {
    const line = lines[i]!;
    const normal = normaliseLine(line);
    if (isLabelLine(line) || matchHeading(line) !== null) break;
    if (titleIndexes.length > 0 && looksLikeAuthors(line, lines[titleIndexes[titleIndexes.length - 1]!]!)) break;
    // A title line is short, unless the author line or the abstract follows it at once: a long title
    // set in a narrow measure fills the line.
    const wide = lineWidth(model, line) > model.measure * 0.92;
    if (SENTENCE_END.test(normal) || (wide && !frontMatterFollows(lines, i, titleIndexes.length > 0 ? lines[titleIndexes[titleIndexes.length - 1]!]! : line))) break;
    if (titleIndexes.length > 0 && LEADING_SPACE.test(line) && !LEADING_SPACE.test(lines[titleIndexes[0]!]!)) break;
    titleIndexes.push(i);
    i = skipBlank(lines, i + 1);
  }
  if (titleIndexes.length > 0) {
    front.title = normaliseText(titleIndexes.map((k) => lines[k]!).join("\n"));
    front.titleLines = [titleIndexes[0]! + 1, titleIndexes[titleIndexes.length - 1]! + 1];
    front.bodyStart = i;
  } else {
    front.warnings.push({ code: "title-missing", message: "No title found at the top of the text.", sourceLines: [i + 1, i + 1] });
  }

  if (titleIndexes.length > 0 && i < lines.length && looksLikeAuthors(lines[i]!, lines[titleIndexes[titleIndexes.length - 1]!]!)) {
    front.authors = splitAuthors(lines[i]!);
    i = skipBlank(lines, i + 1);
    front.bodyStart = i;
  }

  // Labelled blocks, in any order.
  while (i < lines.length) {
    const line = lines[i]!;
    if (ABSTRACT_LABEL.test(line) && front.abstract === null) {
      const end = blockEnd(lines, i, model);
      const text = normaliseText(lines.slice(i, end).join("\n")).replace(ABSTRACT_LABEL, "").trim();
      front.abstract = text === "" ? null : text;
      front.abstractLines = [i + 1, lastNonBlank(lines, i, end) + 1];
      i = skipBlank(lines, end);
      front.bodyStart = i;
      continue;
    }
    if (KEYWORD_LABEL.test(line) || OTHER_LABEL.test(line)) {
      const end = KEYWORD_LABEL.test(line) ? labelledLinesEnd(lines, i) : i + 1;
      for (let k = i; k < end; k += 1) if (lines[k]!.trim() !== "") front.other.push({ text: lines[k]!.trim(), line: k + 1 });
      i = skipBlank(lines, end);
      front.bodyStart = i;
      continue;
    }
    break;
  }
  return front;
}

/** Names are read from the raw line: normalisation would close the space between two Han names. */
function looksLikeAuthors(raw: string, previousTitleLine: string): boolean {
  const names = splitAuthors(raw);
  if (names.length === 0 || !names.every((name) => AUTHOR_LINE.test(name))) return false;
  // A title wrapped after a conjunction or enumeration comma continues; a name line never follows one.
  return !/[、：:—与和及的之]$/u.test(normaliseLine(previousTitleLine));
}

function splitAuthors(raw: string): string[] {
  return raw
    .trim()
    .replace(/^作者[:：]/u, "")
    .replace(/[*＊]$/u, "")
    .split(/[、，,\u3000]|\s+(?=\p{Script=Han})|(?<=\p{Script=Han})\s+/u)
    .map((name) => normaliseLine(name))
    .filter((name) => name !== "");
}

/** The next non-blank line after `i` (or the one after it) is a line of names or a labelled block. */
function frontMatterFollows(lines: readonly string[], i: number, titleLine: string): boolean {
  const next = skipBlank(lines, i + 1);
  if (next >= lines.length) return false;
  if (isLabelLine(lines[next]!) || looksLikeAuthors(lines[next]!, titleLine)) return true;
  const after = skipBlank(lines, next + 1);
  return after < lines.length && !SENTENCE_END.test(normaliseLine(lines[next]!)) && (isLabelLine(lines[after]!) || looksLikeAuthors(lines[after]!, lines[next]!));
}

function skipBlank(lines: readonly string[], from: number): number {
  let i = from;
  while (i < lines.length && lines[i]!.trim() === "") i += 1;
  return i;
}

function lastNonBlank(lines: readonly string[], from: number, end: number): number {
  let last = from;
  for (let k = from; k < end; k += 1) if (lines[k]!.trim() !== "") last = k;
  return last;
}

/**
 * A labelled block's line that finishes a sentence this far short of the measure (em) is its last: the strong
 * paragraph end the body reads (build-body.ts: 2 em, or 2.5 times the width model's own noise when it is noisy).
 */
const BLOCK_END_SHORTFALL_EM = 2;
const BLOCK_END_SHORTFALL_SPREADS = 2.5;

/**
 * Where a labelled front-matter block (the abstract) ends: before the next line that opens a new text
 * block (a leading space), two blank lines, another label or a section heading; or after a line that finishes a
 * sentence well short of the measure with the next line printed straight after it, as a paragraph's last line
 * is. Text printed with a block's lines together and no indent (poppler's pdftotext on a page set with tight
 * leading) runs the abstract and the first body paragraph together with nothing else between them. Where a blank
 * line follows, the blank lines may stand between every printed line and say nothing: the block goes on.
 */
function blockEnd(lines: readonly string[], start: number, model: WidthModel): number {
  let blanks = 0;
  for (let k = start + 1; k < lines.length; k += 1) {
    const line = lines[k]!;
    if (line.trim() === "") {
      blanks += 1;
      if (blanks >= 2) return k - blanks + 1;
      continue;
    }
    if (LEADING_SPACE.test(line) || isLabelLine(line) || matchHeading(line) !== null) return k;
    if (blanks === 0 && endsShortOfMeasure(lines[k - 1]!, line, model)) return k;
    if (blanks === 0 && opensParagraphAfterSentence(lines, start, k, model)) return k;
    // An abstract carries no note markers (a note on it is set on the title or an author's name): a line holding one
    // after a finished sentence is the body's, however full its width reads (a bracketed marker, set raised and
    // small, reads wider as text than it was printed).
    if (blanks === 0 && endsFullStop(normaliseLine(lines[k - 1]!)) && findMarkers(normaliseLine(line)).length > 0) return k;
    blanks = 0;
  }
  return lines.length;
}

/**
 * A paragraph's first line is short of the measure by its indent (2 em, build-body's FIRST_LINE_INDENT): read as
 * build-body reads one, short by at least this much (or this many times the width model's noise, when it is noisy)…
 */
const INDENT_SHORTFALL_LOW_EM = 1;
const INDENT_SHORTFALL_LOW_SPREADS = 1.5;
/** …and by no more than this: a line shorter still ends its paragraph or is no body line at all. */
const INDENT_SHORTFALL_HIGH_EM = 4.5;
/**
 * A closing mark a first line ends on may hang past the measure (punctuation never opens a line): without it, the
 * line stops an indent short, less the room a full line ending on a mark that fitted leaves (build-body's
 * HANGING_MARK_SLACK beyond the usual threshold, never beyond the indent).
 */
const HANGING_MARK_SLACK_EM = 0.75;

/**
 * Line `k` of the labelled block opened at `start` follows a line that finished a sentence, ends no sentence itself
 * (or does, after a line that stopped at the measure: see below) and stops short of the measure by a paragraph's
 * indent (beyond what a Latin word or an opening mark that moved on to the next line leaves): the first line of a new paragraph, its indent dropped (poppler's pdftotext prints an
 * abstract and the first body paragraph as one block, without indents, where the leading is tight). An abstract is
 * one block: none of its lines is short by an indent but its first, which opens on the label. The measure is the
 * width model's, or wider where the block's own lines say so (on a short text the model may be fitted on the body's
 * first lines, the only ones there that stop mid-sentence); a line's closing mark does not count, as it may hang.
 */
function opensParagraphAfterSentence(lines: readonly string[], start: number, k: number, model: WidthModel): boolean {
  const line = lines[k]!;
  const previous = lines[k - 1]!;
  if (!endsFullStop(normaliseLine(previous))) return false;
  let measure = model.measure;
  for (let j = start; j < k; j += 1) if (lines[j]!.trim() !== "") measure = Math.max(measure, lineWidth(model, lines[j]!) - closingMarkWidth(model, lines[j]!));
  const low = Math.max(INDENT_SHORTFALL_LOW_EM, INDENT_SHORTFALL_LOW_SPREADS * model.spread);
  // A line that ends a sentence an indent short may be the abstract's last line as well as a one-sentence first line.
  // Where the text prints indents (a later line opens on a leading space before text), a first line would show
  // its own: the line is the abstract's. Where it prints none and the line before stopped at the measure on a full
  // stop, nothing in the text says which: the line is read as the body's, so that no body text goes into the abstract
  // (an abstract losing its last sentence to the body keeps the words in the text; a paragraph read into the abstract
  // loses them from the body).
  if (endsSentence(normaliseLine(line)) && (measure - lineWidth(model, previous) >= low || printsIndents(lines, k))) return false;
  const next = k + 1 < lines.length ? lines[k + 1]! : "";
  const shortfall = measure - lineWidth(model, line);
  // A Latin word, number or address that did not fit moved whole to the next line and left the line short by up to
  // its width; so does an opening mark that moved on with what it opens. Only what the line lacks beyond that can be
  // an indent.
  const movedWord = leadingLatinWidth(model, next);
  const moved = Math.max(movedWord, OPENING_MARK.test(next) ? OPENING_MARK_WIDTH : 0);
  // A first line before a Latin word that did not fit is short by its indent and by less than the word: as short as
  // an abstract's line before a word that did not fit. Where the line before stopped at the measure on a full stop
  // and the text prints no indents, nothing says which, and the line is read as the body's, as above (issue 11:
  // pdftotext default mode, invented circled and bracket 249100001 #19 a5, a never-seen range: a first paragraph whose
  // first line's last word moved on, 129 body characters read into the abstract).
  if (movedWord > 0 && shortfall <= movedWord + model.spread && shortfall >= low && measure - lineWidth(model, previous) < low && !printsIndents(lines, k)) return true;
  if (moved > 0 && shortfall <= moved + model.spread) return false;
  const indent = shortfall - moved;
  const indentWithoutMark = indent + closingMarkWidth(model, line);
  return (
    (indent >= low && indent <= INDENT_SHORTFALL_HIGH_EM) ||
    (indentWithoutMark >= Math.min(FIRST_LINE_INDENT, low + HANGING_MARK_SLACK_EM) && indentWithoutMark <= INDENT_SHORTFALL_HIGH_EM)
  );
}

/** A line after `k` opens on a leading space before text: the text prints paragraphs' indents. */
function printsIndents(lines: readonly string[], k: number): boolean {
  for (let j = k + 1; j < lines.length; j += 1) if (INDENTED_TEXT.test(lines[j]!)) return true;
  return false;
}

/**
 * `line` finishes a sentence short of the measure by more than a Latin word moved to the `next` line
 * (`leadingLatinWidth`) would leave it: a paragraph's last line.
 */
function endsShortOfMeasure(line: string, next: string, model: WidthModel): boolean {
  if (!endsFullStop(normaliseLine(line))) return false;
  const deficit = lineDeficit(model, line);
  return deficit >= Math.max(BLOCK_END_SHORTFALL_EM, BLOCK_END_SHORTFALL_SPREADS * model.spread) && deficit > leadingLatinWidth(model, next) + model.spread;
}

/** Keywords run to the end of their sentence-less list: at most three lines, stopping at a blank-separated new block. */
function labelledLinesEnd(lines: readonly string[], start: number): number {
  let k = start + 1;
  while (k < lines.length && k < start + 3 && lines[k]!.trim() !== "" && !isLabelLine(lines[k]!) && !LEADING_SPACE.test(lines[k]!)) k += 1;
  return k;
}
