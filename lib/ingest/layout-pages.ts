import type { IngestWarning } from "@/lib/model/document-model";
import { closingMarkWidth, FIRST_LINE_INDENT } from "./build-body";
import { findMarkers, leadingNoteLabel, markerListLabels, parseMarkerLabel } from "./find-markers";
import { LATIN_WIDTH_UNCERTAINTY, latinWidthUncertainty, leadingLatinWidth, lineDeficit, lineWidth, wideLineLimit, type WidthModel } from "./line-width";
import { compactText, findUrlSpans, normaliseLine, normaliseText } from "./normalise-text";
import { matchHeading } from "./match-heading";
import { continuesAddress } from "./match-notes";
import { endsFullStop, endsSentence } from "./sentence-end";
import { endsCitation, goesOnInLatin, isGloss, mayContinueNote, opensLikeCitation, opensLikeNote } from "./split-notes";

/**
 * Printed lines → pages. Each page keeps its body lines and its note-area lines apart; running heads,
 * folios, marker lists and editorial tags are taken out as debris. Pages are found from structure only:
 * runs of blank lines, running heads, the end of a note area, and lines with a leading space (the
 * extraction starts every new text block, a page's body or a note block, with one).
 */

export interface LayoutLine {
  /** 1-based line number in the source. */
  lineNo: number;
  raw: string;
  /** The line repaired on its own (see normalise-text). */
  normal: string;
  /** 1-based page. */
  page: number;
  /** The line starts with whitespace: the extraction opened a new text block here. */
  indent: boolean;
  /** Shortfall from the body measure in em (negative for lines wider than body lines, as notes are). */
  deficit: number;
  /** A blank line stands right before it in the source (text sources only). */
  blankBefore?: boolean;
}

export interface PageLayout {
  page: number;
  body: LayoutLine[];
  /** Note-area text lines, in order, marker lists removed. */
  notes: LayoutLine[];
  /** Labels of the marker lists found in this page's note area. */
  markerList: Array<{ label: string; lineNo: number }>;
}

export type DebrisKind = "running-head" | "folio" | "marker-list" | "other";

export interface Debris {
  kind: DebrisKind;
  text: string;
  line: number;
}

export interface Layout {
  pages: PageLayout[];
  debris: Debris[];
  warnings: IngestWarning[];
  /** Journal running head (`某某研究 2021年第3期`), when the pages carry one. */
  journal: string | null;
  issue: string | null;
  year: string | null;
  /** Leading spaces mark paragraphs (not blocks) in this text: too many to be page or note-block starts. */
  indentMarksParagraphs: boolean;
}

export interface LayoutInput {
  lines: readonly string[];
  /** 0-based index of the first body line (after the front matter). */
  bodyStart: number;
  title: string | null;
  model: WidthModel;
  /** 1-based lines an editorial correction says are debris. */
  debrisLines?: ReadonlySet<number>;
  /** 0-based lines that certainly open a new page (form feeds). */
  pageBreaks?: ReadonlySet<number>;
  /**
   * What a PDF's geometry says about each 0-based line (lib/ingest/pdf): its page and role. When given, pages,
   * note areas and furniture are taken from it instead of being inferred from the text's shape.
   */
  geometry?: readonly (LineGeometry | undefined)[];
}

/** A line's role on a PDF page, read from its position and type size. */
export type PdfLineRole = "running-head" | "folio" | "note" | "heading" | "body";

/** Geometric evidence about one source line from a PDF. */
export interface LineGeometry {
  /** 1-based physical page of the PDF. */
  page: number;
  role: PdfLineRole;
  /** A body line indented from the body's left edge: a paragraph's first line. */
  paragraphStart: boolean;
  /** Glyph runs set raised and smaller (superscripts: note markers), by offset in the line's text. */
  raised: Array<{ offset: number; text: string }>;
  /** Furniture only: the page number it prints (a folio, or one at either end of a running head). */
  folio?: string;
  /** The line's box(es) on its page, in PDF points from the top-left corner (a wrapped heading has two). */
  boxes: Array<{ page: number; x: number; y: number; width: number; height: number }>;
}

/** A line that is only a page number (a folio), perhaps between dashes or after a bullet. */
export const FOLIO = /^[\s\u3000]*[-－—·•]?[\s\u3000]*[0-9０-９]{1,4}[\s\u3000]*[-－—·•]?[\s\u3000]*$/u;
const LEADING_FOLIO = /^[\s\u3000]*[0-9０-９]{1,4}[\s\u3000]+/u;
const TRAILING_FOLIO = /[\s\u3000]+[0-9０-９]{1,4}[\s\u3000]*$/u;
const JOURNAL_ISSUE = /^(.{2,30}?)(\d{4})年第(\d{1,2})期$/u;
const EDITORIAL_TAG = /^[\s\u3000]*[【〔][\s\u3000]*\p{Script=Han}{2,8}[\s\u3000]*[:：][^】〕]*[】〕][\s\u3000]*$/u;
const INDENT = /^[ \u3000\t]/u;
const BLANK_RUN_PAGE_BREAK = 3;
/**
 * Weights of the evidence that a text block is notes: a line wider than the body measure cannot be body;
 * a full body line that stops mid-sentence cannot be a note's last line and no other note line is that
 * narrow; an opening like a citation's is suggestive only (body sentences open with 《 or “ too).
 */
const WIDE_LINE_WEIGHT = 2;
const FULL_LINE_WEIGHT = 2;
const OPENING_WEIGHT = 1;
/** A note marker inside a line's text: only body text calls notes, so this outweighs any width evidence. */
const MARKER_IN_TEXT_WEIGHT = 4;
/**
 * Fewer characters than this (punctuation included) make no paragraph of an essay: a one-line paragraph
 * is at least a clause. A line that short standing alone between paragraphs and notes is a note's end.
 */
const MIN_PARAGRAPH_CHARS = 8;
/**
 * A body line that stops mid-sentence falls short of the measure by at most a paragraph's first-line indent
 * (2 em); shorter than that and followed by a full line, it is no body line (see stopsShortMidSentence).
 */
const MID_SENTENCE_SHORTFALL = 2;
/** Marks an unnumbered heading may carry (quotes, titles, a colon, a dash): any other punctuation is a sentence's. */
const HEADING_PUNCTUATION = /[“”‘’《》〈〉：:—·]/gu;
/** A note carried over to the next page's foot is its tail: a few lines at most. */
const MAX_CARRIED_LINES = 3;

type LineKind = "blank" | "folio" | "running-head" | "editorial" | "marker-list" | "labelled-note" | "text";

interface Classified {
  kind: LineKind;
  labels?: string[];
}

export function layoutPages(input: LayoutInput): Layout {
  const { lines, bodyStart, model } = input;
  const heads = findRunningHeads(lines, bodyStart, input.title, model, input.pageBreaks);
  if (input.geometry) return layoutFromGeometry(input, input.geometry, heads.journal);
  const wideLimit = wideLineLimit(model);
  // Where form feeds mark the pages (as pdftotext prints them), they are the page breaks: a run of blank lines is
  // then only space on a page (pdftotext -layout prints one between a short page's body and its notes).
  const pagesFormFed = (input.pageBreaks?.size ?? 0) > 0;
  const blankRunBreaksPage = (k: number): boolean => !pagesFormFed && blankRunFrom(lines, k) >= BLANK_RUN_PAGE_BREAK;

  const made = (k: number): LayoutLine => ({
    lineNo: k + 1,
    raw: lines[k]!,
    normal: normaliseLine(lines[k]!),
    page: 0,
    indent: INDENT.test(lines[k]!),
    deficit: lineDeficit(model, lines[k]!),
    blankBefore: k > 0 && lines[k - 1]!.trim() === "",
  });

  const classifyOnce = (k: number): Classified => {
    const raw = lines[k]!;
    if (raw.trim() === "") return { kind: "blank" };
    if (input.debrisLines?.has(k + 1)) return { kind: "editorial" };
    if (FOLIO.test(raw)) return { kind: "folio" };
    if (heads.has(k)) return { kind: "running-head" };
    if (EDITORIAL_TAG.test(raw)) return { kind: "editorial" };
    const labels = markerListLabels(raw);
    if (labels) return { kind: "marker-list", labels };
    const lead = leadingNoteLabel(raw);
    if (lead && lead.rest.trim() !== "") {
      const wide = lineDeficit(model, raw) < wideLimit;
      // Typesetters never start a body line with a note mark (it hangs at the end of the previous line),
      // so a label followed by a space at a line start opens a note. A label run straight into text
      // (`①技术…`) may be an enumerator: a note only when set wider than the body.
      if (lead.separator !== "none" || wide) return { kind: "labelled-note" };
    }
    return { kind: "text" };
  };
  const classified: Classified[] = lines.map((_, k) => (k >= bodyStart ? classifyOnce(k) : { kind: "blank" }));
  const classify = (k: number): Classified => classified[k]!;
  // Where every marker the text calls has its labelled note at the end, no text before those notes is note text.
  const endnotesFrom = endnotesStart(lines, bodyStart, classified);
  const beforeEndnotes = (k: number): boolean => endnotesFrom !== null && k < endnotesFrom;

  // A new text block (after a leading space, page furniture or a label list) is weighed line by line:
  // note lines are set wider than the body measure; a body line that fills the measure mid-sentence, a
  // heading, or a marker inside the text is body; a line that opens like a citation after a finished one
  // leans to notes. Positive: notes.
  const fullTolerance = Math.max(1.5, 2 * model.spread);
  const blockEnd = (start: number): number => {
    let k = start + 1;
    for (; k < lines.length; k += 1) {
      if (input.pageBreaks?.has(k)) break;
      const kind = classify(k).kind;
      if (kind === "folio" || kind === "running-head" || kind === "marker-list" || kind === "editorial" || kind === "labelled-note") break;
      if (INDENT.test(lines[k]!) && lines[k]!.trim() !== "") break;
      // (A blank run ends a block also where it is no page break.)
      if (kind === "blank" && blankRunFrom(lines, k) >= BLANK_RUN_PAGE_BREAK) break;
    }
    return k;
  };
  const blockScore = (start: number): { score: number; anyFull: boolean; next: LineKind | null; lines: number; endsPage: boolean; lastTextLine: number; textAfter: boolean } => {
    let score = 0;
    let anyFull = false;
    let previousEnded = true;
    // A block after this page's body opens where the body's last line stopped: an address there may run on from
    // that line's last word (a page break or a leading space cuts no sentence; after notes, a note's line precedes).
    let previousNormal = inNotes ? "" : (page.body[page.body.length - 1]?.normal ?? "");
    const end = blockEnd(start);
    // A line wider than the body sets the block at a wider measure: a line there with Latin words that reads as
    // exactly full is a wider line whose proportional Latin glyphs the model underestimated, no full body line.
    let anyWide = false;
    for (let k = start; k < end; k += 1) if (classify(k).kind !== "blank" && lineDeficit(model, lines[k]!) < wideLimit) anyWide = true;
    for (let k = start; k < end; k += 1) {
      if (classify(k).kind === "blank") continue;
      const raw = lines[k]!;
      const normal = normaliseLine(raw);
      const deficit = lineDeficit(model, raw);
      const widthUnsure = anyWide && /[A-Za-z]{3,}/u.test(normal);
      // A web address no wider than the body, run straight on from a Chinese word (`…数据均可在` ending the line
      // before, or `可在http://…` opening this one), goes on a body sentence; in a note the address follows a
      // comma (`…2011年6月22日，`).
      const addressRunOn = (/^https?:\/\/\S+$/u.test(normal) && /\p{Script=Han}$/u.test(previousNormal)) || /^\p{Script=Han}+https?:\/\/\S+$/u.test(normal);
      // (Its width is mostly proportional Latin glyphs, which the model only estimates: it may read wider.)
      const addressSlack = LATIN_WIDTH_UNCERTAINTY * lineWidth(model, /https?:\/\/\S+$/u.exec(normal)?.[0] ?? "");
      const addressInSentence = addressRunOn && deficit >= -(fullTolerance + addressSlack);
      // Wider than the body beyond what its Latin glyphs' estimated widths may be off by: a note line.
      const wide = deficit < wideLimit - LATIN_WIDTH_UNCERTAINTY * latinWidth(raw);
      // The block's indented first line fills the measure but for a paragraph's indent, mid-sentence, and the
      // block goes on below it or the page's labelled notes do: a body paragraph's first line, as full as a full
      // line (pdftotext -layout prints the indent as spaces; a note opens on its label at the margin, and its
      // lines, in smaller type, run wider than the body's). Followed by another block's text, it would leave its
      // sentence unfinished: no first line.
      const fullFirstLine = k === start && INDENT.test(raw) && Math.abs(deficit - FIRST_LINE_INDENT) <= fullTolerance && (hasTextLine(k + 1, end) || notesFollow(end));
      if ((wide && !addressInSentence) || (isLatinLine(normal) && !addressInSentence)) score += WIDE_LINE_WEIGHT;
      else if ((Math.abs(deficit) <= fullTolerance || fullFirstLine) && !endsSentence(normal) && !widthUnsure) {
        score -= FULL_LINE_WEIGHT;
        anyFull = true;
      }
      if (stopsShortMidSentence(k, end)) score += WIDE_LINE_WEIGHT;
      if (matchHeading(raw) !== null && deficit > 0) score -= FULL_LINE_WEIGHT;
      if (findMarkers(normal).some((m) => m.index > 0)) score -= MARKER_IN_TEXT_WEIGHT;
      if (previousEnded && opensLikeNote(normal)) score += OPENING_WEIGHT;
      previousEnded = endsFullStop(normal);
      previousNormal = normal;
    }
    let next: LineKind | null = null;
    const endsPage = end >= lines.length || input.pageBreaks?.has(end) === true || (classify(end).kind === "blank" && blankRunBreaksPage(end));
    let textLines = 0;
    let lastTextLine = start;
    for (let k = start; k < end; k += 1) {
      if (classify(k).kind === "blank") continue;
      textLines += 1;
      lastTextLine = k;
    }
    for (let k = end; k < lines.length && next === null; k += 1) {
      const kind = classify(k).kind;
      if (kind !== "blank") next = kind;
      else if (blankRunBreaksPage(k)) next = "blank";
    }
    let textAfter = false;
    for (let k = end; k < lines.length && !textAfter; k += 1) {
      const kind = classify(k).kind;
      textAfter = kind === "text" || kind === "labelled-note" || kind === "marker-list";
    }
    return { score, anyFull, next, lines: textLines, endsPage, lastTextLine, textAfter };
  };
  /**
   * Line `k` of a block ending at `end` stops mid-sentence well short of the measure and the block's next line
   * fills it: no body text is set that way. A paragraph's last line ends a sentence; its first line is short by
   * the indent only; a line left short by a Latin word that did not fit is short by at most that word (which
   * opens the next line); a heading is whole (it leaves no title open and has no sentence punctuation inside)
   * and a paragraph's indented first line follows it. A note cut short (its tail lost) before the next note is.
   */
  const stopsShortMidSentence = (k: number, end: number): boolean => {
    let j = k + 1;
    while (j < end && classify(j).kind === "blank") j += 1;
    if (j >= end) return false;
    const raw = lines[k]!;
    const normal = normaliseLine(raw);
    const deficit = lineDeficit(model, raw);
    if (deficit <= MID_SENTENCE_SHORTFALL + fullTolerance || endsSentence(normal) || matchHeading(raw) !== null) return false;
    if (!leavesTitleOpen(normal) && !/[\p{P}\p{S}]/u.test(normal.replace(HEADING_PUNCTUATION, ""))) return false;
    const next = lines[j]!;
    if (Math.abs(lineDeficit(model, next)) > fullTolerance) return false;
    return deficit > leadingLatinWidth(model, next) + fullTolerance;
  };
  /** The first line from `k` on that is not blank opens labelled notes or is a label list. */
  const notesFollow = (k: number): boolean => {
    let j = k;
    while (j < lines.length && classify(j).kind === "blank") j += 1;
    return j < lines.length && (classify(j).kind === "labelled-note" || classify(j).kind === "marker-list");
  };
  /** Some line in [from, to) holds text. */
  const hasTextLine = (from: number, to: number): boolean => {
    for (let j = from; j < to; j += 1) if (classify(j).kind !== "blank") return true;
    return false;
  };
  /** Estimated width of a line's Latin letters, digits and symbols (set proportionally: the least certain part). */
  const latinWidth = (raw: string): number => lineWidth(model, raw.replace(/[^!-~\uFF01-\uFF5E]/gu, ""));
  /** Every text line in [from, to) finishes a sentence short of the measure, with no marker and no heading in it. */
  const shortSentencesOnly = (from: number, to: number): boolean => {
    for (let k = from; k < to; k += 1) {
      if (classify(k).kind === "blank") continue;
      const normal = normaliseLine(lines[k]!);
      if (!endsFullStop(normal) || lineDeficit(model, lines[k]!) <= fullTolerance || findMarkers(normal).length > 0 || matchHeading(lines[k]!) !== null) return false;
    }
    return true;
  };
  /**
   * Whether the block starting at `start` is note text. `afterList`: the page's label list was printed
   * and no note text has followed it yet, so texts are expected. A block of short lines only that runs
   * straight into labelled notes or a label list is the head of that note area (a note carried over).
   */
  const blockIsNotes = (start: number, afterList = false): boolean => {
    // A line carrying a paragraph's indent opens a paragraph: no note text opens that way.
    if (TYPESET_INDENT.test(lines[start]!) || beforeEndnotes(start)) return false;
    const { score, anyFull, next, lines: blockLines, endsPage, lastTextLine, textAfter } = blockScore(start);
    const endsAtFurniture = next === "folio" || next === "running-head";
    // Only the body has headings: a block the extraction opened on a heading (a page glued on, a leading space
    // after a label list whose texts are lost) goes on the body, whatever the page's missing notes suggest.
    if (matchHeading(lines[start]!) !== null) return false;
    // The only text between page furniture and the text's last furniture, with nothing after it, is a page's body:
    // furniture is printed on pages that have body text (at their top, their foot, or between body and notes), and
    // the last furniture's page has no other (issue 11: invented bracket 113001210, an unseen range, where the last
    // page's two lines, glued on after the page before's foot, were read as that page's missing notes).
    if (afterFurniture(start) && !textAfter && endsAtFurniture) return false;
    // Right after the first page's label list, the text's last block, ended by the text's only furniture: were it
    // that page's notes, the whole essay would be one printed page, the furniture its foot's. An essay runs longer,
    // and its first page may print no furniture (it has a layout of its own: corpus 000's has none), so a page turned
    // there unmarked (pages glued, where a leading space opens blocks, not paragraphs). The body does not go on below
    // its own notes, so the turn is after the list: the block is the next page's, and a page with furniture has body
    // text (issue 11: invented 121001195 and 121001583, a dev range, where it was kept as an unattached note text).
    if (afterList && !textAfter && endsAtFurniture && pages.length === 0 && !indentMarksParagraphs && !furnitureBefore(start)) return false;
    // After a body broken off mid-sentence, the next body text finishes that sentence: only a line no body
    // line can be (wider than the measure, a Latin citation) keeps such a block in the notes, unless it
    // opens like a citation or a gloss; right after a label list too (whose texts may all be lost).
    const lastBody = page.body[page.body.length - 1];
    // The body left a web address open and the block goes on with it straight into Chinese words: a body sentence
    // quoting an address, whatever its Latin glyphs weigh (a page's last note may have left an address open too).
    if (lastBody !== undefined && addressRunsIntoSentence(lastBody.normal, start)) return false;
    const firstNormal = normaliseLine(lines[start]!);
    // (Not when the block closes a title that sentence never opened: it cannot finish it.)
    // A heading ends without a full stop, but leaves no sentence open for the next block to finish.
    const bodyFinished = lastBody !== undefined && (endsSentence(lastBody.normal) || matchHeading(lastBody.raw) !== null);
    const bodyBrokeOff =
      lastBody !== undefined && !bodyFinished && !opensLikeCitation(firstNormal) && !isGloss(firstNormal) && !closesUnopened(openSentence(page.body), firstNormal);
    // The body broke off mid-sentence and the block opens on a web address that runs straight into Chinese words
    // (`http://…/report.h` + `tm查阅。`): the sentence goes on, overleaf past the page's notes, however wide its Latin
    // glyphs make the address's line read. A note gives its address last and closes it with punctuation.
    if (lastBody !== undefined && !bodyFinished && opensAddressIntoSentence(start)) return false;
    // Two or more short lines that each finish a sentence are not a paragraph (only its last line is short),
    // nor a run of one-line paragraphs where a broken-off sentence must go on: they are short notes. Unless no
    // text follows them: an essay does not end mid-sentence, so the last text there is finishes it (its last
    // line, then one-line paragraphs).
    if (bodyBrokeOff && blockLines >= 2 && textAfter && shortSentencesOnly(start, blockEnd(start))) return true;
    // One line too short to be a paragraph (`上。`, `第12页。`), after this page's body finished its sentence (so it
    // finishes none), on a page that calls notes none of which has appeared: what is left of one of them, also where
    // page furniture stands between it and the body (the last page's, printed between its body and its notes).
    const onlyNormal = normaliseLine(lines[lastTextLine]!);
    const tooShortForParagraph = blockLines === 1 && endsFullStop(onlyNormal) && Array.from(compactText(onlyNormal)).length < MIN_PARAGRAPH_CHARS;
    const callsNotesNoneAppeared = page.notes.length === 0 && page.markerList.length === 0 && page.body.some((l) => findMarkers(l.normal).length > 0);
    if (!inNotes && bodyFinished && tooShortForParagraph && callsNotesNoneAppeared && !blockHasMarker(start) && !blockHasHeading(start)) return true;
    // Between the page's label list and a page break the text itself marks (a form feed, a blank run) stands
    // only the page's note area: the body never goes on below its own notes, and overleaf is past the break.
    // (Past the page's own folio or running head printed at its foot: that furniture only ends the page.)
    let breakAt = blockEnd(start);
    while (breakAt < lines.length && !input.pageBreaks?.has(breakAt) && (isFurniture(breakAt) || (classify(breakAt).kind === "blank" && !blankRunBreaksPage(breakAt)))) breakAt += 1;
    const markedBreakAfter = input.pageBreaks?.has(breakAt) === true || (breakAt < lines.length && classify(breakAt).kind === "blank" && blankRunBreaksPage(breakAt));
    if (afterList && markedBreakAfter && !blockHasMarker(start) && !blockHasHeading(start)) return true;
    const opensOwnBlock = INDENT.test(lines[start]!) && !indentMarksParagraphs;
    // A block the extraction opened on its own after this page's body, that a page break or another block opened
    // on its own ends after a few lines with text still to come, is no page of its own (no page is that short):
    // it is this page's notes, and the body goes on overleaf.
    const end = blockEnd(start);
    const nextOpensOwnBlock = end < lines.length && INDENT.test(lines[end]!) && lines[end]!.trim() !== "" && classify(end).kind === "text";
    // Ended by a page break the text marks (a blank run, a form feed), it is no page of its own whatever its widths
    // say (a note's truncated line may read as a full body line); after page furniture too, unless a line reads
    // as full (the furniture may be a body line read as a folio or running head, and the block the page's end).
    // Ended by page furniture with another page after the text that follows it, it is no page either, whatever its
    // widths say: a page that short is the last (its furniture, printed between its body and its notes, is then
    // the text's last), and where the furniture is printed at the top or the foot, the block ends the page it is on.
    const tooShortForPage =
      textAfter &&
      blockLines <= MAX_CARRIED_LINES &&
      ((opensOwnBlock && endsPage) ||
        (opensOwnBlock && nextOpensOwnBlock && !anyFull) ||
        (afterFurniture(start) && endsPage && !anyFull) ||
        (opensOwnBlock && endsAtFurniture && anotherPageAfterText(end)));
    // Right after the page's label list too, though the body broke off: the sentence goes on overleaf.
    if (afterList && tooShortForPage && !blockHasMarker(start) && !blockHasHeading(start)) return true;
    // Right after the page's label list, a few lines that page furniture ends, with text still to come, are what
    // survives of the page's notes, though the body broke off: the body does not go on below its own label list, and
    // the furniture ends this page or opens the next, whose body starts after it. (Not when a line reads as full:
    // then the block may be the next page's body, glued on without its furniture, and the furniture its foot's.)
    if (afterList && textAfter && endsAtFurniture && blockLines <= MAX_CARRIED_LINES && !anyFull && !blockHasMarker(start) && !blockHasHeading(start)) return true;
    // A few lines the extraction opened on their own that stop on a bare `http://` which the next text does not go on
    // with: a body sentence goes on with its address in its next line (overleaf too), a note cut at the page's foot
    // in the next page's note area.
    if (opensOwnBlock && textAfter && blockLines <= MAX_CARRIED_LINES && leavesSchemeOpen(start) && !blockHasMarker(start) && !blockHasHeading(start)) return true;
    if (inNotes && bodyBrokeOff) return score >= WIDE_LINE_WEIGHT;
    if (afterList) return score > -FULL_LINE_WEIGHT;
    const pageEnds = endsPage || next === "folio" || next === "running-head";
    // The rules below read a short block at a page's foot as a note. At the very end of the text it may as
    // well be the essay's last lines, so they stand aside there.
    // At the very end of the text, a block the extraction opened on its own (a leading space where spaces do
    // not mark paragraphs) after a finished sentence is not the essay's last lines either: those would run on.
    const afterThisPagesBody = !inNotes && page.body.length > 0 && (textAfter || (opensOwnBlock && bodyFinished));
    // The end of the previous page's unfinished note, carried over to the foot of this page (after its
    // body, before the page ends): a few lines that pick up mid-sentence.
    // (At the end of the text too, when the body before it finished its sentence.)
    const carryRoom = !inNotes && page.body.length > 0 && (textAfter || bodyFinished);
    // The note area may go on after it (the page's own notes, labelled or after their label list).
    const noteAreaFollows = next === "labelled-note" || next === "marker-list";
    if (carryPending && carryRoom && !anyFull && score > -FULL_LINE_WEIGHT && blockLines <= MAX_CARRIED_LINES && (pageEnds || noteAreaFollows) && mayContinueNote(firstNormal)) return true;
    const lastNormal = normaliseLine(lines[lastTextLine]!);
    if (!inNotes && page.body.length > 0 && tooShortForPage && !blockHasMarker(start) && !blockHasHeading(start)) return true;
    if (!inNotes && bodyBrokeOff) return score >= WIDE_LINE_WEIGHT;
    if (score > 0) return true;
    // After this page's body finished its sentence, a few lines that open mid-sentence (no paragraph opens on
    // a closing bracket or a title it never opened) and close like a citation are a note that lost its start,
    // also past a folio or running head printed between the body and the notes (which reads as a page break).
    if (
      !inNotes &&
      lastBody !== undefined &&
      endsFullStop(lastBody.normal) &&
      opensMidSentence(firstNormal) &&
      blockLines <= MAX_CARRIED_LINES &&
      endsCitation(lastNormal) &&
      !blockHasMarker(start)
    )
      return true;
    // After this page's body broke off mid-sentence, a few lines that close a title that sentence never opened and
    // close like a citation are a note that lost its start, past a folio or running head printed between the body
    // and the notes too (read as a page break, so the line-by-line rule below never sees them): no paragraph opens
    // on a closing mark, and the sentence the page cut cannot go on with a title it never opened (issue 11: invented
    // bracket 217000084, a used range, pages glued, head between body and notes: 21 note chars added to the body).
    if (
      !inNotes &&
      lastBody !== undefined &&
      !bodyFinished &&
      closesUnopened(openSentence(page.body), firstNormal) &&
      blockLines <= MAX_CARRIED_LINES &&
      endsCitation(lastNormal) &&
      !blockHasMarker(start) &&
      !blockHasHeading(start)
    )
      return true;
    // A few lines closing like a citation, the last thing before the page ends, on a page that calls
    // notes none of which has appeared: a note that lost its start (no page is that short).
    const pageCallsNotes = page.notes.length === 0 && page.body.some((l) => findMarkers(l.normal).length > 0);
    // A text block opened by a leading space there is the same (a page that short does not follow).
    if (afterThisPagesBody && !anyFull && score > -FULL_LINE_WEIGHT && blockLines <= MAX_CARRIED_LINES && pageEnds && pageCallsNotes && (opensOwnBlock || endsCitation(normaliseLine(lines[lastTextLine]!)))) return true;
    // Body text at a page's foot either ends its paragraph (a sentence end) or runs on overleaf (a full
    // line); a short line that does neither, with no heading in it, is what is left of a note.
    if (afterThisPagesBody && !anyFull && score >= 0 && blockLines <= MAX_CARRIED_LINES && pageEnds && pageCallsNotes && !endsSentence(lastNormal) && lineDeficit(model, lines[lastTextLine]!) > fullTolerance) return true;
    // Nor does the essay end on an unfinished sentence: a block the extraction opened on its own after this page's
    // finished body, the last text there is, that stops mid-sentence cannot run on overleaf however full its lines
    // read. On a page that calls notes none of which has appeared, it is one of them, cut short.
    if (!inNotes && !textAfter && opensOwnBlock && bodyFinished && pageCallsNotes && blockLines <= MAX_CARRIED_LINES && !endsSentence(lastNormal) && !blockHasMarker(start) && !blockHasHeading(start)) return true;
    // A block that weighs neither way right before the note area is its head (a note carried over), unless it opens
    // as a paragraph does where the text prints paragraph indents.
    return score === 0 && !anyFull && (next === "labelled-note" || next === "marker-list") && !opensIndentedParagraph(start);
  };

  /**
   * The block starting at `start` opens on a paragraph's indent, as pdftotext -layout prints one (spaces an indent
   * wide), right after this page's body finished a sentence or a heading, in text whose indents mark paragraphs:
   * the paragraph the sentence's end or the heading opens. A note area opens on a label at the margin, and a note's
   * carried-over rest goes on at the margin too (issue 11: invented circled 177000001 #10 and #18, 185000001 #0 and
   * #3 in -layout mode, where a one-line paragraph at the page's foot, weighing neither way, was read as the head of
   * the notes below it).
   */
  const opensIndentedParagraph = (start: number): boolean => {
    if (inNotes || !pagesFormFed || !indentMarksParagraphs || !LAYOUT_INDENT.test(lines[start]!)) return false;
    const lastBody = page.body[page.body.length - 1];
    return lastBody !== undefined && (endsSentence(lastBody.normal) || matchHeading(lastBody.raw) !== null);
  };

  /**
   * The block starting at `start` goes on with the web address `before` left open (`…相关数据可在http://`) and runs
   * it straight into Chinese words (`www.example.org/report.htm` + `查阅。`): only a sentence does that. A note gives
   * its address last and closes it with punctuation, so a note's open address never goes on that way.
   */
  const addressRunsIntoSentence = (before: string, start: number): boolean => {
    if (!goesOnAddress(before, normaliseLine(lines[start]!))) return false;
    // (An address's rest has a path or domain in it: `22日，` after `…2021-05` is a date opening a note's line.)
    return /^[!-~]*[/.][!-~]*\p{Script=Han}/u.test(blockText(start));
  };

  /**
   * The block starting at `start` opens on a web address (`http://`, `www.`) whose characters run straight into
   * Chinese words (`…/report.htm查阅。`), across the block's line breaks: only a sentence quotes an address that way.
   * The word must follow a character of the address itself (ADDRESS_RUNS_INTO_WORDS): a note that closes its
   * address with a Latin full stop (`…/activities/.`) is followed, in the same block, by the next note's Chinese.
   */
  const opensAddressIntoSentence = (start: number): boolean => ADDRESS_RUNS_INTO_WORDS.test(blockText(start));

  /** The block starting at `start` as one normalised text (its lines joined as the body joins them), leading space dropped. */
  const blockText = (start: number): string => {
    const raws: string[] = [];
    for (let k = start; k < blockEnd(start); k += 1) if (classify(k).kind !== "blank") raws.push(lines[k]!);
    return normaliseText(raws.join("\n")).trimStart();
  };

  /**
   * The block starting at `start` ends on a bare address scheme (`…，http://`) and the next text (past furniture) is
   * no labelled note or label list and does not go on with address characters.
   */
  const leavesSchemeOpen = (start: number): boolean => {
    const end = blockEnd(start);
    let last = end - 1;
    while (last > start && classify(last).kind === "blank") last -= 1;
    const lastNormal = normaliseLine(lines[last]!).trimEnd();
    if (!/https?:\/\/$/u.test(lastNormal)) return false;
    for (let k = end; k < lines.length; k += 1) {
      const kind = classify(k).kind;
      if (kind === "blank" || isFurniture(k) || kind === "editorial") continue;
      return kind === "text" && !goesOnAddress(lastNormal, normaliseLine(lines[k]!));
    }
    return false;
  };

  /**
   * Past the page furniture at `end` (and any more furniture or blank lines), text follows, and after that text a
   * page is marked again (furniture, a form feed or a blank run): the page after the furniture is not the text's last.
   */
  const anotherPageAfterText = (end: number): boolean => {
    let k = end;
    while (k < lines.length && (isFurniture(k) || classify(k).kind === "blank")) k += 1;
    let textSeen = false;
    for (; k < lines.length; k += 1) {
      if (textSeen && (input.pageBreaks?.has(k) === true || isFurniture(k) || (classify(k).kind === "blank" && blankRunBreaksPage(k)))) return true;
      if (classify(k).kind !== "blank" && !isFurniture(k)) textSeen = true;
    }
    return false;
  };

  /** Line `k` is page furniture: a folio or a running head. */
  const isFurniture = (k: number): boolean => classify(k).kind === "folio" || classify(k).kind === "running-head";

  /** The last line before `start` that is not blank is page furniture. */
  const afterFurniture = (start: number): boolean => {
    let k = start - 1;
    while (k >= 0 && classify(k).kind === "blank") k -= 1;
    return k >= 0 && isFurniture(k);
  };

  /** Some line of the body before `start` is page furniture. */
  const furnitureBefore = (start: number): boolean => {
    for (let k = bodyStart; k < start; k += 1) if (isFurniture(k)) return true;
    return false;
  };

  /** Some line of the block starting at `start` is a heading: only the body has headings. */
  const blockHasHeading = (start: number): boolean => {
    for (let k = start; k < blockEnd(start); k += 1) if (classify(k).kind !== "blank" && matchHeading(lines[k]!) !== null) return true;
    return false;
  };

  /** A note marker stands inside some line of the block starting at `start`: only body text calls notes. */
  const blockHasMarker = (start: number): boolean => {
    for (let k = start; k < blockEnd(start); k += 1) if (classify(k).kind !== "blank" && findMarkers(normaliseLine(lines[k]!)).length > 0) return true;
    return false;
  };

  /** The kind of the next line that is not blank, within the page (null at a page break or the text's end). */
  const nextKind = (k: number): LineKind | null => {
    for (let j = k + 1; j < lines.length; j += 1) {
      if (input.pageBreaks?.has(j)) return null;
      const kind = classify(j).kind;
      if (kind !== "blank") return kind;
      if (blankRunBreaksPage(j)) return null;
    }
    return null;
  };

  const indented = lines.slice(bodyStart).filter((l) => INDENT.test(l) && l.trim() !== "" && !FOLIO.test(l));
  const indentCount = indented.length;
  const textCount = lines.slice(bodyStart).filter((l) => l.trim() !== "").length;
  // Too many leading spaces to be page or note-block starts, and nearly all where a paragraph may start: a paragraph
  // opens after a sentence ends (or a heading), while a page the extraction glued on, or a note block, opens wherever
  // the page cut the text. (Short pages glued on with their notes make many leading spaces too, but at most about
  // half of them, those after a note's end, follow a sentence's end.)
  // Where form feeds mark the pages (as pdftotext prints them) and every leading space is an indent's width of spaces
  // (pdftotext -layout places a line by its x), none marks a page glued on or a block the extraction opened (one
  // space), so their count need not be large to read them: a short text's few indents, all after a sentence's end or
  // a heading, open paragraphs, not pages or note blocks of their own.
  // A text that carries the indent itself, as two ideographic spaces (text copied out of a typeset page, not placed
  // by an extractor, which opens a block or a glued page with one plain space), marks paragraphs with it however few.
  const layoutIndents = indentCount > 0 && indented.every((l) => (pagesFormFed && LAYOUT_INDENT.test(l)) || TYPESET_INDENT.test(l));
  const enoughIndents = layoutIndents || indentCount > Math.max(MIN_PARAGRAPH_INDENTS, textCount / 10);
  const indentMarksParagraphs = enoughIndents && indentsAfterSentenceShare(lines, bodyStart, formFedPageTops(lines, bodyStart, input.pageBreaks, heads)) >= PARAGRAPH_INDENT_SHARE;

  const pages: PageLayout[] = [];
  const debris: Debris[] = [];
  const warnings: IngestWarning[] = [];
  let page: PageLayout = { page: 1, body: [], notes: [], markerList: [] };
  let inNotes = false;
  let pendingBreak = false;
  /** The pending break is certain (a blank run or a form feed), not only page furniture. */
  let hardBreak = false;
  let blankRun = 0;
  /** Where form feeds mark the pages, the line follows a blank run: it opens a block, not a page. */
  let blankRunBefore = false;

  const hasContent = (p: PageLayout) => p.body.length > 0 || p.notes.length > 0 || p.markerList.length > 0;
  const newPage = () => {
    if (!hasContent(page)) return;
    pages.push(page);
    page = { page: page.page + 1, body: [], notes: [], markerList: [] };
  };
  const addBody = (k: number) => {
    const line = made(k);
    line.page = page.page;
    page.body.push(line);
  };
  const addNote = (k: number) => {
    const line = made(k);
    line.page = page.page;
    page.notes.push(line);
  };
  const enterNotes = () => {
    inNotes = true;
    pendingBreak = false;
    hardBreak = false;
  };
  // A note that lost its first line (and so its label) stands between the body and the labelled notes:
  // the page's last body lines, after a finished sentence, when they close the way a citation closes
  // and carry no marker, are that note's surviving end.
  const reclaimNoteTail = (atPageEnd = false, nextLabel?: string) => {
    if (reclaimCarriedRest()) return;
    const body = page.body;
    // Every marker's note is among the labelled notes still to come: no body line is what is left of one.
    const lastLine = body[body.length - 1];
    if (lastLine !== undefined && beforeEndnotes(lastLine.lineNo - 1)) return;
    // At a page's end, only where the page calls notes that have not appeared.
    if (atPageEnd && (page.notes.length > 0 || !body.some((l) => findMarkers(l.normal).length > 0))) return;
    // The labelled notes start at a marker the page's body calls after earlier ones, and no note of the page has
    // appeared: the earlier markers' notes stand right before it, or are lost. Their surviving end is there.
    const calls = body.flatMap((l) => findMarkers(l.normal).map((m) => m.number));
    const nextNumber = nextLabel === undefined ? undefined : parseMarkerLabel(nextLabel)?.number;
    const earlierNotesMissing = page.notes.length === 0 && nextNumber !== undefined && calls.includes(nextNumber) && calls.some((n) => n < nextNumber);
    for (let n = 1; n <= Math.min(MAX_CARRIED_LINES, body.length - 1); n += 1) {
      const tail = body.slice(body.length - n);
      const before = body[body.length - n - 1]!;
      // A single line closing like a citation at the foot of a page whose notes are missing is one even
      // after a sentence the page break cut: that sentence goes on overleaf. So is one right before labelled
      // notes that skip the page's earlier markers (the page turn cut the sentence, and the notes came first).
      // So are lines set wider than any body line (a note's measure) after a sentence cut anywhere: the body
      // goes on after the notes.
      const widerThanBody = tail.some((l) => l.deficit < -fullTolerance);
      if (!endsFullStop(before.normal) && !((atPageEnd || earlierNotesMissing) && n === 1) && !widerThanBody) continue;
      // A web address the line before left open (`…可在http://`) goes on in the tail's first line: the tail
      // cannot start there, it can only take that line with it.
      if (goesOnAddress(before.normal, tail[0]!.normal)) continue;
      const last = tail[tail.length - 1]!;
      // A line ending in the extraction's line-break hyphen goes on in the next line: it closes nothing.
      if (last.raw.trimEnd().endsWith(LINE_BREAK_HYPHEN)) return;
      // A line too short to be a paragraph of its own (`上。`, `第12页。`) after a paragraph's short last line or a
      // heading, right before the labelled notes or at the foot of a page whose notes have not appeared, is the
      // end of a note too, whatever it closes with.
      const tooShortForParagraph =
        n === 1 &&
        endsFullStop(last.normal) &&
        Array.from(compactText(last.normal)).length < MIN_PARAGRAPH_CHARS &&
        before.deficit > fullTolerance &&
        (endsSentence(before.normal) || matchHeading(before.raw) !== null);
      // Lines wider than the body may close on a web address of any shape (`…?from=…。`).
      // Lines all set wider than the body measure beyond what their Latin glyphs may be off by, the last finishing its
      // sentence, right after a full body line the page cut mid-sentence and wider than that line too: a note's end (a
      // gloss closes on a full stop, not a citation's mark); no body line is that wide. (The line before is the measure
      // at hand: on a short text the fitted measure may be off.)
      const beforeCut = Math.abs(before.deficit) <= fullTolerance && !endsSentence(before.normal) && matchHeading(before.raw) === null;
      const wholeAtNoteMeasure =
        beforeCut && endsFullStop(last.normal) && tail.every((l) => Math.max(l.deficit, l.deficit - before.deficit) < wideLimit - LATIN_WIDTH_UNCERTAINTY * latinWidth(l.raw));
      const closes = endsCitation(last.normal) || tooShortForParagraph || wholeAtNoteMeasure || (widerThanBody && endsOnAddress(normaliseText(tail.map((l) => l.raw).join("\n"))));
      if (tail.some((l) => findMarkers(l.normal).length > 0 || matchHeading(l.raw) !== null)) return;
      // A last line that closes nothing on its own (`id=1234567。`, an address's end) may still close a longer tail:
      // the note's earlier lines, set wider than the body, above it.
      if (!closes) continue;
      // A note's lines before its last fill the note measure, wider than the body's (notes are set in smaller
      // type); one that is not wider and stops mid-sentence may as well be the body's last line, cut by the page
      // turn (a line short of the measure too: a Latin word wrapped early), so the tail is not taken.
      if (tail.slice(0, -1).some((l) => l.deficit >= -fullTolerance && !endsSentence(l.normal))) return;
      // Lines right above the tail that are set wider than any body line and stop mid-sentence are the same
      // note's earlier lines: a body line is never wider than the measure, and a note's last line ends it.
      let taken = n;
      for (; taken < body.length - 1; taken += 1) {
        const above = body[body.length - taken - 1]!;
        if (above.deficit >= wideLimit || endsFullStop(above.normal) || findMarkers(above.normal).length > 0 || matchHeading(above.raw) !== null) break;
      }
      page.notes.push(...body.splice(body.length - taken, taken));
      return;
    }
  };

  // The last note of the page before stopped unfinished: its end may stand at this page's foot.
  let carryPending = false;
  /**
   * The last note of the page before stopped unfinished, and this page's last body line, where the note area opens
   * (before its labelled notes, or at the page's foot), is nothing but what that note lacks: the rest of the web
   * address it stopped inside (`ns/2005/03/brief_3890.pdf。`), or, after an English citation cut between words, Latin
   * words that close a citation (`Series, No.4, April 2006, p.39.`). The note ran on overleaf and its end is printed at
   * the head of this page's note area, which pdftotext prints straight after the body. No body line is that alone
   * unless the line before it left the address or the Latin phrase open (then it is the body's own, and stays). Taken
   * into the note area, its head, where match-notes joins it to the note it finishes.
   */
  const reclaimCarriedRest = (): boolean => {
    if (!carryPending || page.notes.length > 0 || page.markerList.length > 0) return false;
    const previous = pages[pages.length - 1];
    const last = page.body[page.body.length - 1];
    if (previous === undefined || previous.page !== page.page - 1 || last === undefined) return false;
    const before = page.body.length >= 2 ? page.body[page.body.length - 2] : previous.body[previous.body.length - 1];
    if (before !== undefined && (goesOnAddress(before.normal, last.normal) || goesOnInLatin(before.normal, last.normal))) return false;
    const cut = lastNoteText(previous.notes);
    const addressRest = ADDRESS_REST_ONLY.test(last.normal) && continuesAddress(cut, last.normal);
    const latinRest = LATIN_ONLY.test(last.normal) && endsCitation(last.normal) && goesOnInLatin(cut, last.normal);
    if (!addressRest && !latinRest) return false;
    page.notes.push(page.body.pop()!);
    return true;
  };
  const resumeBody = () => {
    const last = page.notes[page.notes.length - 1];
    carryPending = last !== undefined && !endsFullStop(last.normal);
    newPage();
    inNotes = false;
    pendingBreak = false;
    hardBreak = false;
  };

  for (let k = bodyStart; k < lines.length; k += 1) {
    const raw = lines[k]!;
    const { kind, labels } = classify(k);
    if (input.pageBreaks?.has(k)) {
      if (!inNotes) reclaimNoteTail(true);
      pendingBreak = true;
      hardBreak = true;
    }
    if (kind === "blank") {
      blankRun += 1;
      if (blankRun === BLANK_RUN_PAGE_BREAK && pagesFormFed) blankRunBefore = true;
      else if (blankRun === BLANK_RUN_PAGE_BREAK) {
        if (!inNotes) reclaimNoteTail(true);
        pendingBreak = true;
        hardBreak = true;
      }
      continue;
    }
    blankRun = 0;
    const afterBlankRun = blankRunBefore;
    blankRunBefore = false;
    switch (kind) {
      case "folio":
      case "running-head":
      case "editorial":
        debris.push({ kind: kind === "editorial" ? "other" : kind, text: raw.trim(), line: k + 1 });
        if (kind !== "editorial") pendingBreak = true;
        continue;
      case "marker-list":
        debris.push({ kind: "marker-list", text: raw.trim(), line: k + 1 });
        if (!inNotes && pendingBreak && page.body.length > 0 && page.markerList.length > 0) newPage();
        enterNotes();
        for (const label of labels ?? []) page.markerList.push({ label, lineNo: k + 1 });
        continue;
      case "labelled-note":
        if (!inNotes) reclaimNoteTail(false, leadingNoteLabel(raw)?.label);
        enterNotes();
        addNote(k);
        continue;
      default:
        break;
    }

    // A new block begins at a leading space or after page furniture; a blank run or form feed ends the page.
    // Where leading spaces mark paragraphs, one still opens a block that may be notes, but never a page.
    const indent = INDENT.test(raw);
    const hard = hardBreak;
    const opensBlock = indent || pendingBreak || afterBlankRun;
    const opensPage = (indent && !indentMarksParagraphs) || pendingBreak;
    if (inNotes) {
      if (hard) {
        resumeBody();
        addBody(k);
      } else if (opensBlock) {
        if (blockIsNotes(k, page.markerList.length > 0 && page.notes.length === 0 && !pendingBreak)) {
          pendingBreak = false;
          addNote(k);
        } else {
          resumeBody();
          addBody(k);
        }
      } else addNote(k);
      hardBreak = false;
      continue;
    }

    if (!hard && opensBlock && page.body.length > 0 && blockIsNotes(k)) {
      enterNotes();
      addNote(k);
      hardBreak = false;
      continue;
    }
    if (opensPage && page.body.length > 0) {
      // A page the extraction glued on (a leading space) or opened after its furniture ends this one as a blank
      // run or form feed would: a note's surviving end may stand at its foot.
      if (!hard) reclaimNoteTail(true);
      newPage();
      carryPending = false;
    }
    pendingBreak = false;
    hardBreak = false;
    // No paragraph opens on a closing bracket or a comma: after a finished sentence, such a line that
    // closes like a citation is a note that lost its start.
    // Nor does a line that closes a title the body's unfinished sentence never opened continue it: when it
    // closes like a citation, ends its own sentence off the body measure (short of it or wider) or right before
    // the page's notes, or is set wider than the body, it is a note that lost its start.
    const lastBody = page.body[page.body.length - 1];
    const normal = normaliseLine(raw);
    const wide = lineDeficit(model, raw) < wideLimit;
    const noteAreaNext = nextKind(k) === "labelled-note" || nextKind(k) === "marker-list";
    const noteAfterSentence = lastBody !== undefined && endsFullStop(lastBody.normal) && opensMidSentence(normal) && (endsCitation(normal) || TITLE_CITATION_END.test(normal));
    const noteInBrokenSentence =
      lastBody !== undefined &&
      !endsSentence(lastBody.normal) &&
      closesUnopened(openSentence(page.body), normal) &&
      (endsCitation(normal) || (endsFullStop(normal) && (Math.abs(lineDeficit(model, raw)) > fullTolerance || noteAreaNext)) || wide);
    // A line wider than the body that closes like a citation, right before the page's labelled notes or label
    // list, is the end of a note that lost its start (a body line is never wider than the measure).
    const noteBeforeNotes = wide && endsCitation(normal) && noteAreaNext;
    // Only body text calls notes: a line with a marker in it is never one.
    if (!opensPage && findMarkers(normal).length === 0 && (noteAfterSentence || noteInBrokenSentence || noteBeforeNotes)) {
      enterNotes();
      addNote(k);
      continue;
    }
    addBody(k);
  }
  if (!inNotes) reclaimNoteTail(true);
  if (hasContent(page)) pages.push(page);
  for (let p = 0; p + 1 < pages.length; p += 1) reclaimTailBeforeRunOn(pages[p]!, pages[p + 1]!, model, fullTolerance);

  const journalHead = heads.journal;
  return {
    pages,
    debris: debris.sort((a, b) => a.line - b.line),
    warnings,
    journal: journalHead?.journal ?? null,
    issue: journalHead ? `${journalHead.year}年第${journalHead.number}期` : null,
    year: journalHead?.year ?? null,
    indentMarksParagraphs,
  };
}

/**
 * Endnotes: the 0-based line of the first labelled note when the labelled notes from there on carry, in order, exactly
 * the labels of the markers the text calls before it, numbered through without restarting (null otherwise). Every
 * marker then has its note there, so none of the text before is a note's text, whatever its widths and blocks suggest
 * (a short essay's one-line paragraphs read as the unlabelled notes of pages supposed between them). Footnotes restart
 * their numbers on every page: where a later page calls notes, its markers repeat earlier numbers or follow the first
 * note, and a page that lost a note's label (a note cut at its head) leaves a marker without its label there.
 */
function endnotesStart(lines: readonly string[], bodyStart: number, classified: readonly Classified[]): number | null {
  let first: number | null = null;
  const called: number[] = [];
  const labelled: number[] = [];
  for (let k = bodyStart; k < lines.length; k += 1) {
    const kind = classified[k]!.kind;
    if (kind === "marker-list" && first === null) return null;
    if (kind === "labelled-note") {
      first ??= k;
      const label = leadingNoteLabel(lines[k]!)?.label;
      const number = label === undefined ? undefined : parseMarkerLabel(label)?.number;
      if (number === undefined) return null;
      labelled.push(number);
    } else if (kind === "text" && first === null) called.push(...findMarkers(normaliseLine(lines[k]!)).map((m) => m.number));
  }
  if (first === null || called.length === 0 || called.length !== labelled.length) return null;
  for (let i = 0; i < called.length; i += 1) {
    if (called[i] !== labelled[i] || (i > 0 && called[i]! <= called[i - 1]!)) return null;
  }
  return first;
}

/**
 * A paragraph's first line is indented by two characters (2 em): a line short of the measure by less than half that
 * is no first line.
 */
const HALF_INDENT = 1;
/**
 * Lines ending on a Han character mid-sentence fill the measure, or the measure less the indent when they are first
 * lines: the widest quarter of them stands among the full lines (FULL_LINE_QUANTILE in build-body). Fewer than this,
 * and one line misread decides.
 */
const RUN_ON_FULL_LINE_QUANTILE = 0.25;
const MIN_RUN_ON_FULL_LINES = 4;

/**
 * The page's last body line finishes a sentence short of the measure, right after a full line the page cut
 * mid-sentence, and the next page's body opens on a line that fills the measure. Were that last line the body's, it
 * would end a paragraph, and the next page would open one: on a first line short by its indent, or a heading. It opens
 * none: the body's cut sentence goes on there, so the line between is no body text but what survives of one of this
 * page's notes, printed below the body after losing its start (and its label with it). Only where the page calls a
 * note whose text has not appeared before that line: none of the page's notes has, or its labelled notes open past an
 * earlier marker the page calls.
 * The same where the line before left a web address open (`…可在http://www.example.org`) that the last line does not
 * go on with and the next page's body opens on the address's path (`/data/report.htm查阅。`): the body's sentence
 * goes on there, inside its address, whatever the lines' widths say (an address wraps early).
 */
function reclaimTailBeforeRunOn(page: PageLayout, nextPage: PageLayout, model: WidthModel, fullTolerance: number): void {
  const last = page.body[page.body.length - 1];
  const before = page.body[page.body.length - 2];
  const opening = nextPage.body[0];
  if (last === undefined || before === undefined || opening === undefined) return;
  if (!endsFullStop(last.normal) || last.deficit <= fullTolerance || findMarkers(last.normal).length > 0 || matchHeading(last.raw) !== null) return;
  if (endsSentence(before.normal) || matchHeading(before.raw) !== null || goesOnAddress(before.normal, last.normal)) return;
  // (A path, not only address characters: a paragraph may open on a figure, `2021年…`, after an address that ended.)
  const addressGoesOnOverleaf = goesOnAddress(before.normal, opening.normal) && ADDRESS_PATH_REST.test(opening.normal.trimStart());
  if (!addressGoesOnOverleaf && !opensNoParagraph(page, nextPage, model, fullTolerance)) return;
  const called = page.body.flatMap((line) => findMarkers(line.normal).map((m) => m.number));
  if (called.length === 0) return;
  // (The labelled notes may follow other texts that lost their start, and their labels with it.)
  const firstLabel = page.notes.map((line) => leadingNoteLabel(line.raw)?.label).find((label) => label !== undefined);
  const firstNumber = firstLabel === undefined ? undefined : parseMarkerLabel(firstLabel)?.number;
  const noteMissing = (page.notes.length === 0 && page.markerList.length === 0) || (firstNumber !== undefined && called.some((n) => n < firstNumber));
  if (!noteMissing) return;
  page.notes.unshift(page.body.pop()!);
}

/**
 * Read without the closing mark it ends on (1 em), a full line stops short by that mark's width at most, 1 em; a first
 * line whose mark hung past the measure, by its whole indent, 2 em. Short of the measure by less than the midpoint
 * without its mark, a line ending on one is no first line. A line ending on a run of marks (`”。`) is read without the
 * whole run (closingRunWidth): a full line with its last mark hung then stops short by the rest of the run, 1 em for
 * two marks, a first line with the whole run hung still by its indent (one with none hung, as short, is given up).
 */
const MARK_LINE_FULL_SHORTFALL = (1 + FIRST_LINE_INDENT) / 2;

/**
 * The width of the run of closing marks a line ends on (`”。`: 2 em). No line opens on any of them, so the whole run
 * may have hung past the measure, not only its last mark (issue 11: a simulated layout whose next page opened a
 * paragraph on a quotation closed by `”。`, its indent dropped and both marks hung; read without its `。` only, it
 * read full, and the page's last body line was taken for a lost note's end: 8 body characters lost, a wrong attachment).
 */
function closingRunWidth(model: WidthModel, raw: string): number {
  let text = raw.trimEnd();
  let width = 0;
  for (let mark = closingMarkWidth(model, text); mark > 0; mark = closingMarkWidth(model, text)) {
    width += mark;
    text = text.slice(0, -1);
  }
  return width;
}

/**
 * The page's last body line but one is full (or a paragraph's first line, short by its indent, after a finished
 * sentence or a heading: cut mid-sentence all the same) and the next page's body opens on a line that fills the
 * measure: it opens no paragraph, so the page's last line ended none (reclaimTailBeforeRunOn).
 */
function opensNoParagraph(page: PageLayout, nextPage: PageLayout, model: WidthModel, fullTolerance: number): boolean {
  const before = page.body[page.body.length - 2]!;
  const opening = nextPage.body[0]!;
  const aboveBefore = page.body[page.body.length - 3];
  // (Issue 11: invented circled 241001155, a dev range: the page's last paragraph opened under a heading, its first
  // line was cut by the page turn, and `上。`, a note's surviving end, stayed in the body.)
  const firstLineCut =
    aboveBefore !== undefined &&
    (endsSentence(aboveBefore.normal) || matchHeading(aboveBefore.raw) !== null) &&
    Math.abs(before.deficit - FIRST_LINE_INDENT) <= fullTolerance;
  if (Math.abs(before.deficit) > fullTolerance && !firstLineCut) return false;
  // The next page's first line fills the measure, however much its proportional Latin glyphs may be off, and is no
  // wider than a body line: no first line, no note line. Only a line that stops on a Han character says so: one
  // ending on a mark or a marker may have let them hang past the measure, and an indented first line would read full.
  // The measure is the one these pages' own full lines show (lines either page cut mid-sentence on a Han character,
  // read at their widest quarter, as build-body recentres), not the fitted one, which on a short text may sit an
  // indent too narrow.
  const endsOnHan = (line: LayoutLine) => /\p{Script=Han}$/u.test(line.raw.trimEnd()) && !endsSentence(line.normal) && matchHeading(line.raw) === null;
  const full = [...page.body, ...nextPage.body.slice(1)].filter(endsOnHan).map((line) => line.deficit).sort((a, b) => a - b);
  if (full.length < MIN_RUN_ON_FULL_LINES) return false;
  const measureShortfall = full[Math.floor(full.length * RUN_ON_FULL_LINE_QUANTILE)]!;
  const latinSlack = latinWidthUncertainty(model, opening.raw);
  if (opening.deficit < -fullTolerance) return false;
  if (endsOnHan(opening)) return opening.deficit - measureShortfall + latinSlack < HALF_INDENT;
  // A line ending on a closing mark that may have hung past the measure is no first line when, read without it, it still
  // stops short by less than an indented first line would (issue 11: invented circled 241001049, a dev range: the next
  // page opened `显加快。①…共同承担，`, and a note's surviving end stayed in the body). Not a line ending on a marker,
  // whose width the model only estimates.
  const marks = closingRunWidth(model, opening.raw);
  return marks > 0 && opening.deficit + marks - measureShortfall + latinSlack < MARK_LINE_FULL_SHORTFALL;
}

/** A text opening on the rest of a web address with a path in it (`/data/…`, `example.org/report.htm`), before any Han text. */
const ADDRESS_PATH_REST = /^[!-~]*\//u;

/**
 * Pages as the PDF has them: each line goes where its geometry puts it (furniture out as debris, note area,
 * body); only what geometry cannot say is still read from the text: a note-area line that is a bare label
 * list, and an editor's debris correction.
 */
function layoutFromGeometry(input: LayoutInput, geometry: readonly (LineGeometry | undefined)[], journal: RunningHeads["journal"]): Layout {
  const { lines, bodyStart, model } = input;
  const pages: PageLayout[] = [];
  const debris: Debris[] = [];
  const pageOf = (number: number): PageLayout => {
    let page = pages[pages.length - 1];
    if (page === undefined || page.page !== number) {
      page = { page: number, body: [], notes: [], markerList: [] };
      pages.push(page);
    }
    return page;
  };
  for (let k = bodyStart; k < lines.length; k += 1) {
    const raw = lines[k]!;
    const evidence = geometry[k];
    if (raw.trim() === "" || evidence === undefined) continue;
    if (input.debrisLines?.has(k + 1)) {
      debris.push({ kind: "other", text: raw.trim(), line: k + 1 });
      continue;
    }
    if (evidence.role === "running-head" || evidence.role === "folio") {
      debris.push({ kind: evidence.role, text: raw.trim(), line: k + 1 });
      continue;
    }
    const page = pageOf(evidence.page);
    const line: LayoutLine = { lineNo: k + 1, raw, normal: normaliseLine(raw), page: evidence.page, indent: INDENT.test(raw), deficit: lineDeficit(model, raw) };
    if (evidence.role === "note") {
      const labels = markerListLabels(raw);
      if (labels) {
        debris.push({ kind: "marker-list", text: raw.trim(), line: k + 1 });
        for (const label of labels) page.markerList.push({ label, lineNo: k + 1 });
      } else page.notes.push(line);
    } else page.body.push(line);
  }
  return {
    pages: pages.filter((page) => page.body.length > 0 || page.notes.length > 0 || page.markerList.length > 0),
    debris,
    warnings: [],
    journal: journal?.journal ?? null,
    issue: journal ? `${journal.year}年第${journal.number}期` : null,
    year: journal?.year ?? null,
    indentMarksParagraphs: false,
  };
}

/** Text that cannot open a paragraph: it starts with closing punctuation, or closes a title it never opened. */
function opensMidSentence(normal: string): boolean {
  if (/^[）)》〉」』”’，。、；：,.;:]/u.test(normal)) return true;
  const close = normal.search(/[》〉”]/u);
  const open = normal.search(/[《〈“]/u);
  return close !== -1 && (open === -1 || close < open);
}

/**
 * A line that ends on a title and a full stop (`…某某报告（摘要）》。`) closes the way a citation of that title alone
 * does; it says so only where the text cannot be a body sentence's: one that opens inside a title no sentence
 * before it left open.
 */
const TITLE_CITATION_END = /[》〉][。.]$/u;

/** The extraction's line-break hyphen (U+FFE3 FULLWIDTH MACRON): the word or address goes on in the next line. */
const LINE_BREAK_HYPHEN = "\uFFE3";

/** `before` ends inside a web address (`…http://`, `…www.example.`) and `line` goes on with address characters. */
function goesOnAddress(before: string, line: string): boolean {
  return /(?:https?:\/\/|www\.)[!-~]*$/u.test(before.trimEnd()) && /^[A-Za-z0-9/._\-=?&%#~]/u.test(line.trimStart());
}

/**
 * A text that opens on a web address whose last character belongs to the address (a letter, digit, `/`, `-`, `_`,
 * `=`, `&`, `%`, `#`, `~`) and is followed straight by a Han character: a sentence going on after the address it
 * quotes. Not `.`, `,`, `;`, `:`, `)`, `?`, `!` or a quotation mark before the Han character: those close a
 * citation, and the Han text after them is the next note's. (An address has a path or domain in it: a `/` or `.`.)
 */
const ADDRESS_RUNS_INTO_WORDS = /^(?:https?:\/\/|www\.)[!-~]*[/.][!-~]*[A-Za-z0-9/_\-=&%#~]\p{Script=Han}/u;

/** A line holding nothing but part of a web address, at most a full stop after it: no Han text, no space. */
const ADDRESS_REST_ONLY = /^[!-~]+[。.]?$/u;
/** A line of Latin words, figures and punctuation only (an English citation's), no Han text. */
const LATIN_ONLY = /^[ -~“”‘’–—]+$/u;

/** The text of a page's last note: its lines from the last one that opens on a label (all of them when none does). */
function lastNoteText(notes: readonly LayoutLine[]): string {
  let first = notes.length - 1;
  while (first > 0 && leadingNoteLabel(notes[first]!.raw) === null) first -= 1;
  return normaliseText(notes.slice(Math.max(first, 0)).map((line) => line.raw).join("\n"));
}

/** The text opens a title (《 or 〈) it does not close. */
function leavesTitleOpen(text: string): boolean {
  return text.lastIndexOf("《") > text.lastIndexOf("》") || text.lastIndexOf("〈") > text.lastIndexOf("〉");
}

/** The text ends with a web address and at most a full stop after it. */
function endsOnAddress(text: string): boolean {
  const trimmed = text.trimEnd();
  const spans = findUrlSpans(trimmed);
  const last = spans[spans.length - 1];
  return last !== undefined && last[1] >= trimmed.length - 1 && /[。.]$/u.test(trimmed);
}

/** A title stays open across at most this many body lines (a long book title over two lines, and some). */
const MAX_OPEN_TITLE_LINES = 4;

/** The body's unfinished sentence: its last lines back to one that ends a sentence (at most MAX_OPEN_TITLE_LINES). */
function openSentence(body: readonly LayoutLine[]): string {
  const parts: string[] = [];
  for (let k = body.length - 1; k >= 0 && parts.length < MAX_OPEN_TITLE_LINES; k -= 1) {
    if (parts.length > 0 && endsSentence(body[k]!.normal)) break;
    parts.unshift(body[k]!.normal);
  }
  return parts.join("");
}

/**
 * `text` closes a title (》〉) that `before` left unopened, before opening one of its own. Titles only: a
 * quotation may run over many lines, further back than the sentence the lines before show.
 */
function closesUnopened(before: string, text: string): boolean {
  for (const [open, close] of [["《", "》"], ["〈", "〉"]] as const) {
    const closeAt = text.indexOf(close);
    if (closeAt === -1) continue;
    const openAt = text.indexOf(open);
    if (openAt !== -1 && openAt < closeAt) continue;
    // Left open at the end of `before`; a close with no open before it in `before` closes an earlier title.
    let depth = 0;
    for (const ch of before) {
      if (ch === open) depth += 1;
      else if (ch === close) depth = Math.max(0, depth - 1);
    }
    if (depth === 0) return true;
  }
  return false;
}

/**
 * A line set mostly in Latin script: in a Chinese essay that is a citation in a note (proportional Latin
 * widths fit the body's width model too loosely to tell a note line by its width).
 */
const LATIN_LINE_SHARE = 0.6;
/** A body line quoting a Latin name still carries the Chinese sentence around it. */
const MAX_HAN_IN_LATIN_LINE = 2;

function isLatinLine(normal: string): boolean {
  const chars = Array.from(normal.replace(/\s/gu, ""));
  if (chars.length < 8 || chars.filter((ch) => /\p{Script=Han}/u.test(ch)).length > MAX_HAN_IN_LATIN_LINE) return false;
  // Latin run straight into Chinese words (`…/report.htm查阅。`): a body sentence quoting an address. A note
  // closes an address with punctuation, and a Latin citation does not go on in Chinese.
  if (/[A-Za-z/_\-.]\p{Script=Han}/u.test(normal)) return false;
  return chars.filter((ch) => /[A-Za-z0-9.,:;'"“”’/\-()]/u.test(ch)).length / chars.length >= LATIN_LINE_SHARE;
}


/**
 * Share of the lines a leading space opens that follow a line ending a sentence or a heading, at which leading
 * spaces are read as paragraph indents: in text indented by paragraph all of them do, but for a page the extraction
 * glued on mid-sentence here and there; where they mark glued pages and note blocks, 14–88% do on simulated layouts
 * (the high end on short documents whose pages open after a note's end).
 */
const PARAGRAPH_INDENT_SHARE = 0.9;

/**
 * Without form feeds, more leading spaces than this (and than a tenth of the text's lines) before they are read as
 * paragraph indents: a few glued pages or note blocks may all happen to follow a sentence's end.
 */
const MIN_PARAGRAPH_INDENTS = 6;

/**
 * A paragraph's 2-em indent carried by the text itself, as two ideographic spaces: no extractor prints it to open a
 * block or a page (they print plain spaces), and no note opens with it (a note opens on its label at the margin).
 */
const TYPESET_INDENT = /^\u3000{2}/u;

/**
 * A paragraph's indent as pdftotext -layout prints it: spaces as wide as the indent (2 em, about four), at least two,
 * where an extraction that marks a new block or page with a leading space prints one.
 */
const LAYOUT_INDENT = /^[ \u3000\t]{2}/u;

/**
 * The share of indented lines after a sentence's end or a heading. `pageTops` (form-fed text's page openings) are
 * left out: the line before a page's first body line is the page before's last note or the page's running head, so
 * what it ends says nothing of whether the indent opens a paragraph.
 */
function indentsAfterSentenceShare(lines: readonly string[], bodyStart: number, pageTops: ReadonlySet<number> = new Set()): number {
  let indented = 0;
  let afterSentence = 0;
  let previous: string | null = null;
  for (let k = bodyStart; k < lines.length; k += 1) {
    const raw = lines[k]!;
    // A folio is page furniture, no text: pdftotext -layout prints it centred (a leading space), after any line.
    if (raw.trim() === "" || FOLIO.test(raw)) continue;
    if (INDENT.test(raw) && previous !== null && !pageTops.has(k)) {
      indented += 1;
      if (endsSentence(normaliseLine(previous)) || matchHeading(previous) !== null) afterSentence += 1;
    }
    previous = raw;
  }
  return indented === 0 ? 0 : afterSentence / indented;
}

/**
 * Where form feeds mark the pages (pdftotext), each page's first line of text past its running heads and folios: a
 * paragraph opening a page follows a running head (or, where none is printed, the page before's last note), never
 * the body text it may go on from (issue 11: invented circled 177000001 #15 in -layout mode, where three of the
 * pages opened on an indent after the running head, the share of indents after a sentence fell under
 * PARAGRAPH_INDENT_SHARE, and an indented paragraph of three lines, each ending on a full stop, was read as notes).
 */
function formFedPageTops(lines: readonly string[], bodyStart: number, pageBreaks: ReadonlySet<number> | undefined, heads: RunningHeads): Set<number> {
  const tops = new Set<number>();
  for (const start of pageBreaks ?? []) {
    let k = Math.max(start, bodyStart);
    while (k < lines.length && (lines[k]!.trim() === "" || FOLIO.test(lines[k]!) || heads.has(k))) k += 1;
    if (k < lines.length) tops.add(k);
  }
  return tops;
}

function blankRunFrom(lines: readonly string[], k: number): number {
  let n = 0;
  while (k + n < lines.length && lines[k + n]!.trim() === "") n += 1;
  return n;
}

/**
 * How many pages the text marks on its own, by whichever kind of mark is most frequent: form feeds,
 * runs of blank lines, or folio lines (each page has at most one of each).
 */
function markedPages(lines: readonly string[], bodyStart: number, pageBreaks?: ReadonlySet<number>): number {
  let blankRuns = 0;
  let folios = 0;
  for (let k = bodyStart; k < lines.length; k += 1) {
    if (FOLIO.test(lines[k]!) && lines[k]!.trim() !== "") folios += 1;
    if (lines[k]!.trim() === "" && (k === 0 || lines[k - 1]!.trim() !== "") && blankRunFrom(lines, k) >= BLANK_RUN_PAGE_BREAK) blankRuns += 1;
  }
  return Math.max(pageBreaks?.size ?? 0, blankRuns, folios) + 1;
}

interface RunningHeads {
  has(k: number): boolean;
  journal: { journal: string; year: string; number: string } | null;
}

/**
 * A running head other than the title or the journal recurs on at least this share of the pages the text
 * shows: heads alternate between left and right pages (each on half of them), and a third leaves room for
 * pages whose head the extraction lost. A short line repeated on a couple of pages of many is something
 * else: the surviving tail of two notes that end alike (`…，示例政府`), a repeated heading.
 */
const MIN_REPEATED_HEAD_SHARE = 1 / 3;

/**
 * Running heads: short lines, often with the folio attached, that repeat the essay title or carry the
 * journal name and issue. A short line without sentence punctuation counts when it equals the title,
 * reads as `journal YYYY年第N期`, or recurs on two or more pages and on a fair share of them
 * (MIN_REPEATED_HEAD_SHARE of the pages that form feeds, blank runs or folios mark).
 */
function findRunningHeads(lines: readonly string[], bodyStart: number, title: string | null, model: WidthModel, pageBreaks?: ReadonlySet<number>): RunningHeads {
  const titleKey = title ? compactText(normaliseLine(title)) : "";
  // The title with a folio run into it (`…的比较研究3`), or set over two lines where the measure is narrow.
  const isTitle = (key: string) => titleKey !== "" && key.replace(/^[0-9０-９]{1,4}|[0-9０-９]{1,4}$/gu, "") === titleKey;
  const keyOf = (raw: string): string | null => {
    if (raw.trim() === "" || markerListLabels(raw) || FOLIO.test(raw)) return null;
    const normal = normaliseLine(raw.replace(LEADING_FOLIO, "").replace(TRAILING_FOLIO, ""));
    if (/[，。；,;！？!?]/u.test(normal) || /[①-⑳]|\[\d{1,3}\]/u.test(normal)) return null;
    return compactText(normal);
  };
  const candidates = new Map<number, string>();
  const counts = new Map<string, number>();
  const heads = new Set<number>();
  let journal: RunningHeads["journal"] = null;
  const nextNonBlank = (k: number) => {
    let j = k + 1;
    while (j < lines.length && lines[j]!.trim() === "") j += 1;
    return j;
  };
  for (let k = bodyStart; k < lines.length; k += 1) {
    const raw = lines[k]!;
    const key = keyOf(raw);
    if (key === null) continue;
    if (isTitle(key)) {
      heads.add(k);
      continue;
    }
    const next = nextNonBlank(k);
    const nextKey = next < lines.length ? keyOf(lines[next]!) : null;
    if (nextKey !== null && isTitle(key + nextKey) && Array.from(key).length >= 2) {
      heads.add(k);
      heads.add(next);
      k = next;
      continue;
    }
    const journalMatch = JOURNAL_ISSUE.exec(key);
    if (journalMatch) {
      heads.add(k);
      journal ??= { journal: journalMatch[1]!, year: journalMatch[2]!, number: journalMatch[3]! };
      continue;
    }
    // A repeated line is a head only when short: a body line may fill the measure without punctuation,
    // a running head set in its own smaller type never does.
    if (lineDeficit(model, raw) < model.measure * 0.15) continue;
    if (Array.from(key).length < 4) continue;
    candidates.set(k, key);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const minRepeats = Math.max(2, Math.ceil(MIN_REPEATED_HEAD_SHARE * markedPages(lines, bodyStart, pageBreaks)));
  for (const [k, key] of candidates) if ((counts.get(key) ?? 0) >= minRepeats) heads.add(k);
  return { has: (k) => heads.has(k), journal };
}
