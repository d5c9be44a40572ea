import type { IngestWarning, SourceLines } from "@/lib/model/document-model";
import { findMarkers, parseMarkerLabel, removeMarkers, type MarkerStyle } from "./find-markers";
import type { LayoutLine, PageLayout } from "./layout-pages";
import { latinWidthUncertainty, leadingLatinWidth, lineWidth, type WidthModel } from "./line-width";
import { matchHeading } from "./match-heading";
import { normaliseText } from "./normalise-text";
import { offsetAfterRemoval, pageBreakOffsets, type TextPageBreak } from "./page-break-offsets";
import { endsSentence } from "./sentence-end";

/**
 * Body lines of all pages → headings and paragraphs, with footnote markers taken out of the text.
 * A paragraph runs on across page breaks and interleaved note blocks until a line ends it:
 * a sentence end on a line that falls short of the measure, or a sentence end followed by a line
 * short by an indent (a new paragraph's first line), or a heading.
 */

export interface BodyMarker {
  label: string;
  number: number;
  style: MarkerStyle;
  page: number;
  lineNo: number;
  block: { kind: "heading" | "paragraph"; index: number };
  /** Offset in the owning block's text (markers removed). */
  offset: number;
  /** Body text just before the marker: what its note is about. */
  context: string;
  /** The marker follows a word or quoted term rather than a clause or sentence (typical of glosses). */
  termPosition: boolean;
}

export interface BuiltHeading {
  level: number;
  label: string;
  text: string;
  markers: Array<{ label: string; offset: number }>;
  sourceLines: SourceLines;
  /** Pages that begin inside the heading's text (rarely any). */
  pageBreaks: TextPageBreak[];
}

export interface BuiltParagraph {
  text: string;
  markers: Array<{ label: string; offset: number }>;
  sourceLines: SourceLines;
  /** Index into `headings` of the heading it falls under; null before the first. */
  headingIndex: number | null;
  /** Pages that begin inside the paragraph's text: it runs over from one page onto the next. */
  pageBreaks: TextPageBreak[];
}

export interface BuiltBody {
  headings: BuiltHeading[];
  paragraphs: BuiltParagraph[];
  /** All body markers in document order. */
  markers: BodyMarker[];
  warnings: IngestWarning[];
}

export interface BuildBodyOptions {
  indentMarksParagraphs?: boolean;
  /** Editorial corrections: a paragraph break before this source line (`split`), or none (`join`). */
  breaks?: ReadonlyMap<number, "join" | "split">;
}

/** An opening quotation mark, title mark or bracket at a line's start (after the extraction's leading space). */
export const OPENING_MARK = /^[\s\u3000]*[“‘《〈（「『【〔«‹(]/u;
/** An opening mark is set one em wide, as a Han character is. */
export const OPENING_MARK_WIDTH = 1;
/** A Chinese paragraph's first line is indented by two characters (2 em). */
export const FIRST_LINE_INDENT = 2;
const CONTEXT_CHARS = 60;
const MAX_UNNUMBERED_HEADING_CHARS = 16;
/**
 * Read without its closing mark, a full line falls short of the measure by the mark's own width (1 em) and the
 * room it left, under one Han character: with half-width letters, digits and spaces (¼–½ em each) that room is
 * commonly up to ¾ em, so without its mark such a line stops up to 1.75 em short. A first line whose mark hung
 * past the measure stops, without it, a whole indent (2 em) short or more: the threshold is ¾ em beyond the usual
 * one, and never beyond the indent itself (a noisy width model raises the usual one).
 */
const HANGING_MARK_SLACK = 0.75;

/**
 * A Han character is 1 em wide: a line left short by more than that, and the half em a compressed mark may leave
 * besides, had room for the next line's first character.
 */
const HAN_WOULD_HAVE_FIT = 1.5;

export function buildBody(pages: readonly PageLayout[], model: WidthModel, options: BuildBodyOptions = {}): BuiltBody {
  const lines = recentred(pages.flatMap((page) => page.body));
  const built: BuiltBody = { headings: [], paragraphs: [], markers: [], warnings: [] };
  // Thresholds in em, widened when the document's width model is noisy. A paragraph's last line falls
  // short of the measure; its first line is short by the indent (about 2 em).
  const strongEnd = Math.max(2, 2.5 * model.spread);
  const weakEnd = Math.max(1.2, 1.5 * model.spread);
  const indentLow = Math.max(1, 1.5 * model.spread);
  const indentHigh = 4.5;
  const isShort = (line: LayoutLine) => line.deficit >= strongEnd;
  // A Latin word, number or address is never broken without a mark: when it does not fit, it moves whole to
  // the next line and leaves this one short by up to its width. That shortfall says nothing about a
  // paragraph's end, or a first line's indent.
  // A paragraph's first line (`indent`: 2 em) is short by its indent as well: only what it lacks beyond that is the
  // word's doing.
  const shortfall = (line: LayoutLine, after: LayoutLine | undefined, indent = 0): number => {
    const run = after === undefined ? 0 : leadingLatinWidth(model, after.raw);
    if (run > 0 && line.deficit - indent <= run + model.spread) return indent;
    return movedOpener(line, after) ? 0 : line.deficit;
  };
  // An opening mark never ends a line: one that does not fit with the character it opens moves on, and leaves the
  // line before short by about its own width (1 em). A paragraph's first line stops short by the indent (2 em)
  // before it too, so only a shortfall within one mark's width (and the model's noise) is the mark's doing.
  const movedOpener = (line: LayoutLine, after: LayoutLine | undefined): boolean =>
    after !== undefined && after.page === line.page && OPENING_MARK.test(after.raw) && line.deficit <= OPENING_MARK_WIDTH + model.spread;

  // After a sentence end, a line set as a heading opens a section: when it falls short of the measure, opens
  // a page, or is followed by a paragraph's indented first line (a heading as wide as the measure does both).
  const headingFollows = (i: number): boolean => {
    const line = lines[i]!;
    const next = lines[i + 1]!;
    if (matchHeading(next.raw) === null) return false;
    if (next.deficit > 0 || next.page !== line.page) return true;
    const after = lines[i + 2];
    // The text's last line: an essay ends on a finished sentence, so a heading-like line that finishes none is no
    // paragraph's last line, however wide the model reads it (issue 11: invented circled 109000751, an unseen range).
    if (after === undefined) return !endsSentence(next.normal);
    if (endsSentence(after.normal) || matchHeading(after.raw) !== null) return false;
    const short = shortfall(after, lines[i + 3]);
    return short >= indentLow && short <= indentHigh;
  };

  // A line fills the measure: short of it by less than an indent, or, when it ends on a closing mark (which may have
  // fitted or hung past the measure), short of it without that mark by less than a full line ending on one can be.
  const fillsMeasure = (line: LayoutLine): boolean => {
    const mark = closingMarkWidth(model, line.raw);
    return mark > 0 ? line.deficit + mark < Math.min(FIRST_LINE_INDENT, indentLow + HANGING_MARK_SLACK) : line.deficit < indentLow;
  };

  const blankEndsBlocks = blankLinesMarkBlocks(lines);
  // Where pages are glued on with the extraction's leading space, a page's first line is indented whatever it
  // opens: there the indent says nothing about a paragraph, and the widths decide as on any other line.
  const pageOpeningsIndented = indentOpensPages(lines);

  let current: LayoutLine[] = [];
  const closeParagraph = () => {
    if (current.length === 0) return;
    emitBlock(built, current, "paragraph", null);
    current = [];
  };

  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    const next = lines[i + 1];

    if (current.length === 0 && options.breaks?.get(line.lineNo) !== "join") {
      const heading = matchHeading(line.raw);
      if (heading && line.deficit > -1) {
        const headingLines = [line];
        // A long heading wraps: its second line is short and ends no sentence.
        if (!isShort(line) && next && !endsSentence(next.normal) && next.deficit > model.measure * 0.3 && !matchHeading(next.raw)) {
          headingLines.push(next);
          i += 1;
        }
        emitBlock(built, headingLines, "heading", heading);
        continue;
      }
      if (isUnnumberedHeading(line, next, model)) {
        emitBlock(built, [line], "heading", { level: 1, label: "", text: "" });
        built.warnings.push({
          code: "heading-uncertain",
          message: `A short stand-alone line without punctuation is read as an unnumbered heading: "${line.normal}".`,
          sourceLines: [line.lineNo, line.lineNo],
        });
        continue;
      }
    }

    current.push(line);
    if (!next) break;
    const forced = options.breaks?.get(next.lineNo);
    if (forced === "split") {
      closeParagraph();
      continue;
    }
    if (forced === "join") continue;
    if (!endsSentence(line.normal)) continue;
    const nextIsText = !endsSentence(next.normal);
    // A paragraph's first line is short by its indent already: only what it lacks beyond that ends it.
    const lineShort = current.length === 1 ? shortfall(line, next, FIRST_LINE_INDENT) - FIRST_LINE_INDENT : shortfall(line, next);
    const nextShort = shortfall(next, lines[i + 2]);
    // Punctuation never opens a line, so a typesetter lets a comma that does not fit hang past the measure: an
    // indented first line ending on one is as wide as a full line ending on a comma that fitted. Without its
    // closing mark, a full line still fills the measure within a mark's width, an indented one stops an indent short.
    const nextShortWithoutMark = nextShort === next.deficit ? next.deficit + closingMarkWidth(model, next.raw) : nextShort;
    // A line before a Latin word that did not fit falls short by less than the word; one that falls short by more
    // and ends no sentence lacks an indent as well: a first line whose last word moved on.
    const movedWord = leadingLatinWidth(model, lines[i + 2]?.raw ?? "");
    const indentBeforeMovedWord = movedWord > 0 && next.deficit > movedWord + model.spread && next.deficit <= movedWord + indentHigh;
    const nextIndented =
      nextIsText &&
      ((nextShort >= indentLow && nextShort <= indentHigh) || (nextShortWithoutMark >= Math.min(FIRST_LINE_INDENT, indentLow + HANGING_MARK_SLACK) && nextShortWithoutMark <= indentHigh) || indentBeforeMovedWord);
    const combined = nextIsText && lineShort >= weakEnd && lineShort + Math.max(0, nextShort) >= 2.4;
    // Where blank lines separate blocks (not every line), a blank line after a sentence ends the paragraph.
    const blankBetween = blankEndsBlocks && next.blankBefore === true && next.page === line.page;
    // The next line is short by an indent and ends a sentence: a paragraph's last line, or a first line whose
    // sentence ends at the margin. When the line after it fills the measure, no paragraph opens there, so the
    // next line cannot have ended one: it opened one. A first line's stop may hang past the measure, as its comma
    // may (nextIndented): then only without the mark is it an indent short. A line the text goes on from, its stop
    // fitted, is short without it by the mark and less than a Han character's room, under 2 em but for what its
    // Latin glyphs may be off by, which is set aside (issue 11: invented bracket 233000363 and circled 233001062, a
    // development range: a paragraph's full last line, then a first line ending a sentence whose stop hung).
    const after = lines[i + 2];
    const firstLineEndingSentence =
      !nextIsText &&
      (nextShort >= indentLow || nextShortWithoutMark - latinWidthUncertainty(model, next.raw) >= Math.min(FIRST_LINE_INDENT, indentLow + HANGING_MARK_SLACK)) &&
      nextShort <= indentHigh &&
      matchHeading(next.raw) === null &&
      after !== undefined &&
      after.page === next.page &&
      !(blankEndsBlocks && after.blankBefore === true) &&
      matchHeading(after.raw) === null &&
      (movedOpener(after, lines[i + 3]) || fillsMeasure(after));
    // A line the text goes on from stops short of the measure only by less than the next line's first character,
    // which did not fit: a Han character, 1 em (shortfall() has already set aside a Latin word or opening mark that
    // moved on). A line ending a sentence that left room for one, beyond what its Latin glyphs may be off by, ends
    // its paragraph, however faint the next line's indent reads.
    const roomLeftForHan = lineShort >= HAN_WOULD_HAVE_FIT + latinWidthUncertainty(model, line.raw);
    const close =
      blankBetween ||
      firstLineEndingSentence ||
      lineShort >= strongEnd ||
      roomLeftForHan ||
      nextIndented ||
      combined ||
      headingFollows(i) ||
      (options.indentMarksParagraphs === true && next.indent && !(pageOpeningsIndented && next.page !== line.page));
    const borderline = close
      ? lineShort < strongEnd && !(nextShort >= indentLow + 0.5 && nextIsText) && matchHeading(next.raw) === null
      : line.deficit >= weakEnd;
    if (borderline) {
      built.warnings.push({
        code: "paragraph-break-uncertain",
        message: close
          ? "Paragraph ended after a sentence on a nearly full line; the next line's indent is faint."
          : "A sentence ends on a line a little short of the measure, but the next line shows no indent: read as one paragraph.",
        sourceLines: [line.lineNo, next.lineNo],
      });
    }
    if (close) closeParagraph();
  }
  closeParagraph();
  return built;
}

/**
 * Body lines that end on a Han character, mid-sentence, fill the measure exactly (a Han character is 1 em and
 * the next did not fit), or the measure less the indent when they are a paragraph's first line. The width
 * model's measure is fitted on the whole text, notes included, and can sit off the body's; these lines say where
 * the body's full lines really stand. Each such line is exact (no proportional glyph ends it), so a few say it: on a
 * short text, too short to fit widths on, the measure is only a guess among the long lines (first lines included) and
 * may sit an indent too narrow, hiding every paragraph end and indent (issue 11: invented bracket 129001715, 129001799,
 * 129001695, a used range; 177000416 and 177000903 too). Fewer than three, and one first line decides.
 */
const MIN_LINES_TO_RECENTRE = 3;
/**
 * The full lines are the widest of them, the first lines 2 em narrower; where paragraphs are short, first lines
 * are half of them or more (a two-line paragraph's only line ending mid-sentence is its first), so the median
 * can fall among the first lines. The quarter widest still stands among the full lines unless they are fewer.
 */
const FULL_LINE_QUANTILE = 0.25;

/** Body lines with their shortfall measured from the body's own full lines (see MIN_LINES_TO_RECENTRE). */
function recentred(lines: readonly LayoutLine[]): LayoutLine[] {
  const full = lines
    .filter((line) => /\p{Script=Han}$/u.test(line.raw.trimEnd()) && !endsSentence(line.normal) && matchHeading(line.raw) === null)
    .map((line) => line.deficit)
    .sort((a, b) => a - b);
  if (full.length < MIN_LINES_TO_RECENTRE) return [...lines];
  const centre = full[Math.floor(full.length * FULL_LINE_QUANTILE)]!;
  return lines.map((line) => ({ ...line, deficit: line.deficit - centre }));
}

/**
 * Below this share of a page's body lines preceded by a blank line, blank lines separate blocks rather than
 * follow every printed line (a blank after every line, as some extractions print, puts the share near 1; a
 * blank after each heading and paragraph puts it at one line in three or fewer, headings and one-line
 * paragraphs included).
 */
const BLOCK_BLANK_SHARE = 0.6;
/** Fewer body lines than this, and the share says nothing. */
const MIN_LINES_FOR_BLANK_SHARE = 10;

/** Whether the text's blank lines stand between blocks only: some body lines follow one, most do not. */
export function blankLinesMarkBlocks(lines: readonly LayoutLine[]): boolean {
  const within = lines.filter((line, i) => i > 0 && lines[i - 1]!.page === line.page);
  if (within.length < MIN_LINES_FOR_BLANK_SHARE) return false;
  const blank = within.filter((line) => line.blankBefore === true).length;
  return blank > 0 && blank < BLOCK_BLANK_SHARE * within.length;
}

/**
 * A paragraph opens a page about as often as any line is a paragraph's first line: with paragraphs of three lines
 * or more, on a third of the pages or fewer. When at least half the pages open on an indented line, the indent
 * comes with the page, not the paragraph.
 */
const PAGE_OPENING_INDENT_SHARE = 0.5;
/** Fewer page openings than this (a single page break), and the share says nothing. */
const MIN_PAGE_OPENINGS = 2;

/** Whether the extraction indents the first line of (most) pages, as it does when it glues pages together. */
function indentOpensPages(lines: readonly LayoutLine[]): boolean {
  const openings = lines.filter((line, i) => i > 0 && lines[i - 1]!.page !== line.page);
  if (openings.length < MIN_PAGE_OPENINGS) return false;
  return openings.filter((line) => line.indent).length >= PAGE_OPENING_INDENT_SHARE * openings.length;
}

/**
 * Width in em of the punctuation mark a line ends on (a comma, stop or closing quote that may hang past the
 * measure), 0 when it ends on anything else.
 */
export function closingMarkWidth(model: WidthModel, raw: string): number {
  const mark = /[，。、；：！？,.;:!?\uA3AC\uA3AE\uA3BB”’」』）)》〉»›]$/u.exec(raw.trimEnd())?.[0];
  return mark === undefined ? 0 : lineWidth(model, mark);
}

/** A short line with no punctuation, standing between finished paragraphs, followed by a paragraph start. */
function isUnnumberedHeading(line: LayoutLine, next: LayoutLine | undefined, model: WidthModel): boolean {
  const chars = Array.from(line.normal);
  if (chars.length === 0 || chars.length > MAX_UNNUMBERED_HEADING_CHARS) return false;
  if (/[\p{P}\p{S}]/u.test(line.normal.replace(/[“”‘’《》〈〉：:—·]/gu, ""))) return false;
  if (/[\u2460-\u2473]|\[\d{1,3}\]/u.test(line.normal)) return false;
  if (line.deficit < model.measure * 0.4) return false;
  return next !== undefined && !endsSentence(line.normal) && next.deficit < model.measure * 0.5;
}

function emitBlock(
  built: BuiltBody,
  blockLines: readonly LayoutLine[],
  kind: "heading" | "paragraph",
  heading: { level: number; label: string; text: string } | null,
): void {
  const first = blockLines[0]!;
  const last = blockLines[blockLines.length - 1]!;
  const sourceLines: SourceLines = [first.lineNo, last.lineNo];

  let joined = normaliseText(blockLines.map((l) => l.raw).join("\n"));
  if (kind === "heading" && heading) {
    // The enumerator is kept apart from the heading text.
    const body = heading.label === "" ? joined : (matchHeading(blockLines.map((l) => l.raw).join(""))?.text ?? heading.text);
    joined = body;
  }
  // A note mark follows the word it calls the note on and hangs at the end of a line rather than open one: a
  // label opening a printed line, run straight into its text, is an enumerator or a note's own label read among
  // the body lines (pdftotext -raw prints a page's note lines where the content stream has them, labels run in),
  // never a marker. It stays text. (Matched to the labels in the joined text by their order, when the counts agree.)
  const lineLabels = blockLines.flatMap((l) => findMarkers(l.normal).map((m) => ({ label: m.label, line: l, opensLine: m.index === 0 && /^[^\s\u3000]/u.test(l.normal.slice(m.label.length)) })));
  const opensLine = findMarkers(joined).length === lineLabels.length ? lineLabels.map((m) => m.opensLine) : [];
  const { text, markers, removed } = removeMarkers(joined, (k) => opensLine[k] === true);
  if (text.trim() === "") return;
  const pageBreaks = (pageBreakOffsets(blockLines, joined, { startOmitted: kind === "heading" }) ?? []).map((pageBreak) => ({
    ...pageBreak,
    offset: offsetAfterRemoval(pageBreak.offset, removed),
  }));

  // Which printed line (and so which page) each marker stood on.
  const perLine = lineLabels.filter((_, k) => opensLine[k] !== true);
  const index = kind === "heading" ? built.headings.length : built.paragraphs.length;
  markers.forEach((marker, k) => {
    const parsed = parseMarkerLabel(marker.label)!;
    const source = perLine[k]?.label === marker.label ? perLine[k]!.line : (perLine.find((p) => p.label === marker.label)?.line ?? last);
    const previousOffset = k > 0 ? markers[k - 1]!.offset : 0;
    built.markers.push({
      label: marker.label,
      number: parsed.number,
      style: parsed.style,
      page: source.page,
      lineNo: source.lineNo,
      block: { kind, index },
      offset: marker.offset,
      context: contextBefore(text, Math.max(previousOffset, marker.offset - CONTEXT_CHARS), marker.offset),
      termPosition: isTermPosition(text, marker.offset),
    });
  });

  if (kind === "heading" && heading) {
    built.headings.push({ level: heading.level, label: heading.label, text, markers, sourceLines, pageBreaks });
  } else {
    built.paragraphs.push({
      text,
      markers,
      sourceLines,
      headingIndex: built.headings.length > 0 ? built.headings.length - 1 : null,
      pageBreaks,
    });
  }
}

/** The text before a marker, not starting inside a number (a cut year would read as another number). */
function contextBefore(text: string, from: number, to: number): string {
  let start = from;
  while (start > 0 && start < to && /[0-9]/.test(text[start]!) && /[0-9]/.test(text[start - 1]!)) start -= 1;
  return text.slice(start, to);
}

/**
 * `“某某原则”⑤。` or `特点②，` (a term, then the marker, then punctuation) rather than `…。⑥` or `…为准。”⑦`
 * (a finished clause or quotation): notes on terms tend to explain them (即…).
 */
function isTermPosition(text: string, offset: number): boolean {
  const before = text[offset - 1] ?? "";
  const beforeThat = text[offset - 2] ?? "";
  if (/[\p{Script=Han}A-Za-z0-9]/u.test(before)) return true;
  if (/[”’》〉）」』]/u.test(before)) return !/[。！？，；：、!?,;:]/u.test(beforeThat);
  return false;
}

