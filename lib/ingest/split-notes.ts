import type { IngestWarning } from "@/lib/model/document-model";
import { leadingNoteLabel, parseMarkerLabel } from "./find-markers";
import type { LayoutLine, PageLayout } from "./layout-pages";
import { leadingLatinWidth, lineWidth, wideLineLimit, type WidthModel } from "./line-width";
import { findUrlSpans, normaliseText } from "./normalise-text";
import { endsFullStop } from "./sentence-end";

/**
 * A page's note area → one segment per note text. Notes either start with their label (`[1]　…`,
 * `① …`) or, when the PDF put the labels in a separate marker list, follow one another unlabelled: a
 * note then ends on a line that finishes a sentence short of the note measure.
 */

export interface NoteSegment {
  page: number;
  /** The label printed at the start of the note, when it has one. */
  label: string | null;
  lines: LayoutLine[];
  /** The printed lines, label removed: re-joined when a note continues on the next page. */
  rawLines: string[];
  /** Normalised text without the label. */
  text: string;
  /** False when the text starts mid-sentence: the tail of a note whose start was lost. */
  startsLikeNote: boolean;
  /** False when the text stops at the margin without finishing: the rest was lost (or is on the next page). */
  complete: boolean;
  /**
   * What ended it: the next label, a short line that finishes a sentence (`strong`), a sentence that
   * happens to end at the margin (`weak`: the split rests on how many notes the page needs), a line that
   * stops short mid-sentence (`cut`: its end was lost, or the width model misjudged it), a sentence ending at
   * the margin taken as the end of the text carried over from the page before only because the page's own
   * notes must follow it (`carried`: what follows may still be that text's rest), a labelled note's line at the
   * margin followed by lines that may be the rest of it or a note that lost its label (`doubtful`), or the area's end.
   */
  end: NoteEnd;
  /** Its last line fills the note measure: a note cut by the page end does, one that lost its end mid-line does not. */
  endsAtMargin: boolean;
  /**
   * Its last line is within one note-measure tolerance of the measure: full as far as the widths tell. `endsAtMargin`
   * allows SHORT_LINE_TOLERANCES of them, for lines the width model misjudges; a line between the two may as well have
   * stopped short where its note lost its end.
   */
  endsFull: boolean;
  /**
   * Its last line stops far short of the margin (under TRUNCATED_LINE_SHARE of the note measure) on a character
   * that is not Latin (a long word or address moved whole to the next line leaves a line short): a note runs over
   * onto the next page from a full line, so whatever it lost was lost in extraction, not carried overleaf.
   */
  stopsMidLine: boolean;
  /**
   * The most room its last line may have left before the note measure, in em (the width model's tolerance included):
   * a word or web address wider than this could not have been set on it.
   */
  mostRoomLeft: number;
  /**
   * The least room its last line may have left before the note measure, in em (the tolerance taken off); unknown
   * (-Infinity) for a line mostly in Latin script, whose width the model only estimates.
   */
  leastRoomLeft: number;
  /**
   * Width in em of what its first line opens with that no line is broken before: a web address's unbreakable start,
   * a Latin word or number, else one character.
   */
  openingWidth: number;
  /**
   * When it opens with a web address: the width in em of the address's unbreakable start, its scheme (and `www.`)
   * with the first label of its host (`http://www.example`), which no line is broken inside; else 0.
   */
  openingAddressWidth: number;
}

export type NoteEnd = "label" | "strong" | "weak" | "carried" | "cut" | "doubtful" | "area";

export interface NoteMeasure {
  /** Width of a full note line in em (notes are set smaller than the body: more characters per line). */
  measure: number;
  tolerance: number;
}

/**
 * Fewer candidate full lines than this, and the note measure falls back to a wider set of note lines: three
 * are the fewest whose median and upper quartile say anything.
 */
const MIN_MEASURED_NOTE_LINES = 3;

/**
 * The note measure, from the widths of note lines that do not finish a sentence (full lines, mostly). Two kinds
 * of line are left out when enough others remain:
 * - lines narrower than a full body line: notes are set in type no larger than the body's, so a full note line
 *   holds at least a body line's characters; a narrower unfinished line is a note cut short in extraction, and
 *   many of them (pages of truncated notes) pulled the measure down until every line looked full;
 * - lines mostly in Latin script: the width model only estimates their proportional widths, and overestimates
 *   them (an English citation's full line reads as several em wider than a Chinese one), which made full
 *   Chinese note lines look short and split them in the middle of a note.
 */
export function measureNotes(pages: readonly PageLayout[], model: WidthModel): NoteMeasure {
  const bodyTolerance = Math.max(1.5, 2 * model.spread);
  const width = (line: LayoutLine) => model.measure - line.deficit;
  const unfinished = pages.flatMap((page) => page.notes).filter((line) => !endsFullStop(line.normal));
  const atLeastBodyWide = unfinished.filter((line) => width(line) >= model.measure - bodyTolerance);
  const chinese = atLeastBodyWide.filter((line) => !isMostlyLatin(line.normal));
  const measured = [chinese, atLeastBodyWide].find((set) => set.length >= MIN_MEASURED_NOTE_LINES);
  if (measured === undefined) {
    // Too few full lines to read a spread: the note measure is at least the body's, and at least what the
    // full note lines there are hold (a measure below them made a short last line look full, and ran the
    // next note's tail into it).
    const few = (chinese.length > 0 ? chinese : atLeastBodyWide).map(width).sort((a, b) => a - b);
    const median = few[Math.floor(few.length / 2)] ?? model.measure;
    return { measure: Math.max(model.measure, median), tolerance: bodyTolerance };
  }
  const widths = measured.map(width).sort((a, b) => a - b);
  const median = widths[Math.floor(widths.length / 2)]!;
  // With lines mostly in Latin among them (too few Chinese lines to measure by alone), the upper quartile is one of
  // those the model overestimates, and a full Chinese line then reads as stopping short (issue 11: invented circled
  // 41001478, a dev range: two Chinese lines and one address line set the measure 4 em wide, a note's full first line
  // read as its end and its rest went to the next marker). Their median is all they say.
  const upper = measured === chinese ? widths[Math.floor(widths.length * 0.75)]! : median;
  return { measure: (median + upper) / 2, tolerance: Math.max(bodyTolerance, median * 0.05) };
}

/** Openings that start a citation or a comment; a tail starts with a digit, a closing bracket or a comma. */
const TAIL_START = /^[0-9a-z）)》〉」』”’，。、；：,.;:—]/u;

export function startsLikeNote(text: string): boolean {
  if (text === "" || TAIL_START.test(text)) return false;
  // A closing title bracket, quote or parenthesis before any opening one: the opening was on a lost line
  // (`Sustainable Development）提出…`: the rest of a name glossed in parentheses).
  const close = text.search(/[》〉”）]/u);
  const open = text.search(/[《〈“（]/u);
  return !(close !== -1 && (open === -1 || close < open));
}

const NOTE_OPENING = /^(?:[《〈“"(（A-Z]|参见|另见|详见|转引自|同上|同前|即|See |Cf\.|\p{Script=Han}{2,12}[：:][《“])/u;

/**
 * Text at the head of a note area that may be the end of the previous page's last note: it starts
 * mid-sentence, or at least not the way citations open (`页。` after `…第156`).
 */
export function mayContinueNote(text: string): boolean {
  return !startsLikeNote(text) || !opensLikeNote(text);
}

/**
 * Whether `head` can be the rest of `previous`, a note cut at a page end. A title or quotation left open
 * must be closed first thing; otherwise the head must not open the way a note does.
 */
export function continuesNote(previous: string, head: string): boolean {
  for (const [open, close] of [["《", "》"], ["“", "”"], ["（", "）"]] as const) {
    if (previous.split(open).length > previous.split(close).length) {
      const closeAt = head.indexOf(close);
      const openAt = head.indexOf(open);
      return closeAt !== -1 && (openAt === -1 || closeAt < openAt);
    }
  }
  return mayContinueNote(head);
}

/**
 * Whether a note cut at the foot of a page and the text heading the next page's note area read as ONE
 * citation. A truncated note end and a run-over look alike at the margin, and a wrong join is worse than
 * an unattached text, so this asks for positive evidence that the head belongs to `previous`:
 * - it closes first the title, quotation or parenthesis `previous` left open;
 * - it goes on with the web address `previous` stopped in, or with the imprint of its citation;
 * - both are plain comment, the head finishing the sentence `previous` broke off;
 * - it goes on with a number `previous` stopped in (`…第156` + `页。`, `2022年7` + `月12日`, `第44-` + `67页。`);
 * - it supplies the date or web address `previous`, an unfinished citation, lacks, before any title of its own;
 * - `previous` was cut on a comma and the head is the journal of an article (`《期刊》2022年第3期`).
 * A head that closes a bracket nobody opened is the tail of another note, whatever else it holds; so is one that
 * leaves open the title or quotation `previous` opened.
 */
export function joinReadsAsOneCitation(previous: string, head: string): boolean {
  if (closesUnopened(previous, head)) return false;
  if (continuesOpenBracket(previous, head)) return true;
  // A title or quotation left open is closed first thing by its rest (`…《某某报告` + `府网，2018年…` is another note's tail).
  if (leavesBracketOpen(previous)) return false;
  // A web address left unfinished (`…，http://` + `news.example.cn/…`) goes on in address characters.
  if (/(?:https?:\/{0,2}|www\.)[^\s。，]*$/u.test(previous) && /^[\w\-./?=&%#~]/u.test(head)) return true;
  // No note opens on its imprint: an edition, an issue or a page (`…出版社2021年` + `版，第198页。`, `…》` + `2017年第12期`).
  if (IMPRINT_CONTINUATION.test(head)) return true;
  // A comment cut mid-sentence ends in plain words: neither side cites anything (`…某某成本已降` + `至某某水平以下。`).
  if (isPlainProse(previous) && isPlainProse(head) && /^[^。！？]*[。！？]$/u.test(head)) return true;
  if (/[0-9０-９第\-–—－]$/u.test(previous) && /^[0-9０-９年月日号期卷页版\-–—]/u.test(head)) return true;
  const beforeOwnTitle = head.split(/[《〈]/u)[0]!;
  // Only a citation lacks a date or an address, and only one not yet finished: a comment (`…提出，到2025年，要`) or a
  // closed sentence (`《…（全文）》。`) followed by a date and an address is followed by another note's tail.
  const citesUnfinished = /[《〈“"]/u.test(previous) && !endsFullStop(previous);
  const suppliesMissing =
    citesUnfinished &&
    ((!CITATION_DATE.test(previous) && CITATION_DATE.test(beforeOwnTitle)) || (!/https?:\/\//u.test(previous) && /https?:\/\//u.test(beforeOwnTitle)));
  if (suppliesMissing) return true;
  return /[，,]$/u.test(previous) && /^《[^《》]+》\d{4}年(?:第|\d)/u.test(head);
}

/**
 * A book's imprint: the year of its edition (`2017年版`) or the page cited (`第160页`). Every book citation ends on
 * one, and a start-less note's surviving tail often is nothing else.
 */
const BOOK_IMPRINT = /\d{4}年(?:\d{1,2}月)?版|第\d+(?:[-–]\d+)?页/u;

/**
 * Whether `head` gives, before any title of its own, the imprint that `previous`, a citation not yet finished, lacks
 * (`周某：《某书》，某某学术出` + `版社2017年版，第160页。`). That reads as the rest of `previous` as well as the tail of a
 * note that lost its start: weaker than `joinReadsAsOneCitation`'s evidence, it only ever makes a split doubtful,
 * never joins.
 */
export function suppliesImprint(previous: string, head: string): boolean {
  const citesUnfinished = /[《〈“"]/u.test(previous) && !endsFullStop(previous);
  return citesUnfinished && !BOOK_IMPRINT.test(previous) && BOOK_IMPRINT.test(head.split(/[《〈]/u)[0]!);
}

/** `text` opens a title or quotation it does not close. */
function leavesBracketOpen(text: string): boolean {
  return BRACKET_PAIRS.some(([open, close]) => open !== "（" && text.split(open).length > text.split(close).length);
}

/** `previous` left a title, quotation or parenthesis open and `head` closes it before opening another. */
function continuesOpenBracket(previous: string, head: string): boolean {
  return BRACKET_PAIRS.some(([open, close]) => {
    if (previous.split(open).length <= previous.split(close).length) return false;
    const closeAt = head.indexOf(close);
    const openAt = head.indexOf(open);
    return closeAt !== -1 && (openAt === -1 || closeAt < openAt);
  });
}

/** The imprint of a citation, which goes on from its title or publisher and never opens a note. */
const IMPRINT_CONTINUATION = /^(?:版[，,]|\d{4}年(?:第\d|版)|第\d+(?:[-–]\d+)?[页期卷])/u;

/** Text with no title, date, address or Latin citation in it: part of a sentence of comment. */
function isPlainProse(text: string): boolean {
  return !/[《》〈〉]|https?:|www\./u.test(text) && !CITATION_DATE.test(text);
}

/** A citation's date of access or publication: a year with its month, or a month with its day. */
const CITATION_DATE = /\d{4}年\d{1,2}月|\d{1,2}月\d{1,2}日/u;

/** How a citation opens: a title, 参见/同上…, an author before a title, an English author before a quoted title. */
const CITATION_OPENING = /^(?:[《〈]|参见|另见|详见|转引自|同上|同前|\p{Script=Han}{2,12}[：:][《“]|[A-Z][A-Za-z.'\- ]+,\s*[“"])/u;

export function opensLikeCitation(normalised: string): boolean {
  return CITATION_OPENING.test(normalised.trimStart());
}

/** A note opening with 即 ("namely") explains the term its marker follows. */
export function isGloss(text: string): boolean {
  return /^(?:即|亦即)/u.test(text);
}

/** How citations and comments in notes open: a title, 参见/同上…, an author and a colon before a title. */
export function opensLikeNote(normalised: string): boolean {
  return NOTE_OPENING.test(normalised);
}

export interface SplitResult {
  segments: NoteSegment[];
  warnings: IngestWarning[];
}

/**
 * @param expected how many notes the page's marker list announces (null when there is none)
 * @param markerCount how many markers the page's body holds: never split more unlabelled notes than this
 * @param blankLinesMarkBlocks the text's blank lines stand between blocks, never inside one (build-body's reading of its body)
 */
export function splitNoteArea(
  page: PageLayout,
  notes: NoteMeasure,
  model: WidthModel,
  expected: number | null,
  markerCount: number,
  blankLinesMarkBlocks = false,
): SplitResult {
  const lines = page.notes;
  if (lines.length === 0) return { segments: [], warnings: [] };
  const labelled = lines.some((line) => isLabelledLine(line, model));
  const width = (line: LayoutLine) => model.measure - line.deficit;
  const groups = labelled ? splitLabelled(lines, notes, width, markerCount, model, blankLinesMarkBlocks) : splitUnlabelled(lines, notes, width, expected, markerCount);
  const warnings: IngestWarning[] = [];
  if (!labelled && expected !== null && expected === markerCount && groups.length !== expected) {
    warnings.push({
      code: "note-count-mismatch",
      message: `Page ${page.page}: the marker list announces ${expected} notes, the note area reads as ${groups.length}.`,
      sourceLines: [lines[0]!.lineNo, lines[lines.length - 1]!.lineNo],
    });
  }
  return { segments: groups.map((group) => makeSegment(page.page, group.lines, group.end, notes, width, model, labelled)), warnings };
}

/**
 * A note line that opens with its label: a label and a space, or a label run straight into text on a line set wider
 * than any body line (as layout-pages reads a labelled note: run into text on a body-wide line, it may be an
 * enumerator). pdftotext -raw prints a note's label run into its text.
 */
function isLabelledLine(line: LayoutLine, model: WidthModel): boolean {
  const lead = leadingNoteLabel(line.raw);
  return lead !== null && lead.rest.trim() !== "" && (lead.separator !== "none" || line.deficit < wideLineLimit(model));
}

interface Group {
  lines: LayoutLine[];
  end: NoteEnd;
  /**
   * In a labelled note, the lines (indexes into `lines`) joined to it while a marker after its label was still without
   * a note, and whether the text from there closes a title, quotation or parenthesis it does not open: where it may as
   * well have been cut (see `cutJoinsBeforeMissingLabels`).
   */
  mayEndBefore?: Array<{ at: number; closesTitle: boolean }>;
}

/**
 * Notes that start with their labels. Inside a note every line but the last fills the note measure, so an
 * unlabelled line after a short one that finished a sentence starts another text: a note whose first line,
 * and so its label, was lost.
 */
function splitLabelled(
  lines: readonly LayoutLine[],
  notes: NoteMeasure,
  width: (line: LayoutLine) => number,
  markerCount: number,
  model: WidthModel,
  blankLinesMarkBlocks: boolean,
): Group[] {
  const groups: Group[] = [];
  const labelNumber = (line: LayoutLine) => {
    const lead = isLabelledLine(line, model) ? leadingNoteLabel(line.raw) : null;
    return lead ? (parseMarkerLabel(lead.label)?.number ?? null) : null;
  };
  let currentNumber: number | null = null;
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    const groupText = () => normaliseText((groups[groups.length - 1]?.lines ?? []).map((l) => l.raw).join("\n"));
    // The next labelled note skips a label: a note stands between that lost its label with its start. A line
    // short of the note measure (no note line but the last is) then ends the note before it, even when what
    // follows goes on mid-phrase (which alone reads as the width model misjudging a full line).
    const nextNumber = lines.slice(i).map(labelNumber).find((n) => n !== null) ?? null;
    const labelSkipped = currentNumber !== null && nextNumber !== null && nextNumber - currentNumber >= 2 && !isLabelledLine(line, model);
    const skippedAfterShort =
      labelSkipped &&
      previous !== undefined &&
      width(previous) < notes.measure - notes.tolerance &&
      !/[A-Za-z0-9/:._\-=?&%#~]$/u.test(previous.normal.trimEnd()) &&
      !/^[A-Za-z0-9]/u.test(line.normal.trimStart());
    // Within SHORT_LINE_TOLERANCES of the measure a line may be full as well as cut short (`doubtful` below counts it as
    // at the margin too). When the text after it then reads as the same citation (it closes the title the line left
    // open, goes on with its imprint…), the skipped label decides nothing: that text may be the rest of this note
    // as well as the start-less note of the skipped label (issue 11: invented circled 49000007, a dev range:
    // `② …载《某某评` + `论》2008年第11期。` was ②'s own rest, went to ③, and ③'s surviving tail to ④, whose text was
    // lost). It is cut off as `doubtful`, so that nothing is attached on its order. So it is when that text gives the
    // imprint the line's unfinished book citation lacks (issue 11: invented bracket 57001156, a dev range: `…某某学术出`
    // + `版社2017年版，第160页。`, ④'s own rest, went to the skipped ⑤, whose text was lost).
    // A line that stops on a year before the next opens on that year's issue or edition (`…载《某刊》2017年` + `第12期。`)
    // is as undecided however short the widths read it, unless far short: no note opens on its imprint, and a measure
    // read off English note lines (wider than the model sets them) makes a full Chinese line look short (issue 11:
    // invented bracket 129001666, a range the parser was never tuned to, where `第12期。` went to the skipped label).
    const stopsBeforeYearImprint =
      previous !== undefined &&
      width(previous) >= notes.measure * TRUNCATED_LINE_SHARE &&
      YEAR_BEFORE_IMPRINT.test(previous.normal.trimEnd()) &&
      IMPRINT_AFTER_YEAR.test(line.normal.trimStart());
    const skipUndecided =
      skippedAfterShort &&
      (width(previous!) >= notes.measure - SHORT_LINE_TOLERANCES * notes.tolerance || stopsBeforeYearImprint) &&
      (joinReadsAsOneCitation(groupText(), sentenceFrom(lines, i, model)) || suppliesImprint(groupText(), sentenceFrom(lines, i, model)));
    const finished =
      previous !== undefined &&
      ((endsFullStop(previous.normal) && width(previous) < notes.measure - notes.tolerance) ||
        endsCitation(previous.normal) ||
        endsWithUrl(previous, line, groupText) ||
        stopsShort(previous, notes, width, line) ||
        (skippedAfterShort && !skipUndecided) ||
        // Only inside a note that opened with its label here: a text carried over from the page before may close
        // what was opened there.
        (groups.length > 0 && isLabelledLine(groups[groups.length - 1]!.lines[0]!, model) && closesUnopened(groupText(), line.normal)) ||
        // ...but not what is closed after a web address, which a citation gives last.
        (groups.length > 0 && closesTitleAfterAddress(groupText(), line.normal)));
    // A labelled note's line at the margin followed by the last lines of the page's notes, while a marker after its
    // label is still without a note: those lines may go on with it or be the note that lost its label with its
    // first line (issue 11: `② 《…白皮书》，某` + `某某某某的成本降至…以下。`). Unless they read as
    // the same citation, they are cut off and marked `doubtful`, so that nothing is attached on their order.
    // Inside a labelled note, past a line that finished nothing, while a marker after its label still lacks a note.
    const laterLabelMissing =
      !finished &&
      previous !== undefined &&
      currentNumber !== null &&
      !isLabelledLine(line, model) &&
      groups.length > 0 &&
      isLabelledLine(groups[groups.length - 1]!.lines[0]!, model) &&
      (nextNumber ?? markerCount + 1) - currentNumber >= 2;
    const doubtful =
      skipUndecided ||
      (laterLabelMissing &&
        ((width(previous!) >= notes.measure - SHORT_LINE_TOLERANCES * notes.tolerance && mayStartLabelLostNote(groupText(), sentenceFrom(lines, i, model))) ||
          mayBeLastLabelsTail(previous!, sentenceFrom(lines, i, model), notes, width)));
    currentNumber = labelNumber(line) ?? currentNumber;
    if (isLabelledLine(line, model) || groups.length === 0) {
      if (groups.length > 0) groups[groups.length - 1]!.end = finished ? "strong" : "label";
      groups.push({ lines: [line], end: "area" });
    } else if (finished || doubtful) {
      groups[groups.length - 1]!.end = doubtful ? "doubtful" : "strong";
      groups.push({ lines: [line], end: "area" });
    } else {
      const group = groups[groups.length - 1]!;
      // Where it may as well have been cut (see cutJoinsBeforeMissingLabels).
      if (laterLabelMissing) (group.mayEndBefore ??= []).push({ at: group.lines.length, closesTitle: closesMoreThanOpens(sentenceFrom(lines, i, model)) });
      group.lines.push(line);
    }
  });
  return cutJoinsBeforeMissingLabels(groups, labelNumber, markerCount, blankLinesMarkBlocks);
}

/**
 * A line joined to a labelled note while a marker after its label is still without a note may be the note's rest, or
 * the surviving end of that marker's note, whose label and start were lost. When the text from that line closes a
 * title, quotation or parenthesis it does not open, both read alike however full the note's line is: the note may have
 * lost its end right at the margin, and the other note's end closes the title it opened on a lost line (issue 11:
 * invented 201001116, a range the parser was not tuned on: `① …载《某某论` at the margin, then `则》，某书局2010年版，第362页。`,
 * the end of ②'s title, was read as ①'s rest and attached to ①; `mayBeLastLabelsTail` had cut such text only after a
 * line short of the margin). The count decides when it can: as many unlabelled texts between this note and the next
 * labelled one (or the page's last marker) as labels missing there leave no marker for the line to belong to, and the
 * join stands. With fewer, the join is cut off as `doubtful`, so nothing is attached on its order. A blank line before
 * the line, where blank lines stand between blocks and never inside one (`blankLinesMarkBlocks`), decides it the other
 * way whatever the line holds: it opens a text of its own (`strong`). Only a note that finishes (a full stop, a
 * citation's end) may hold another note's surviving end.
 */
function cutJoinsBeforeMissingLabels(
  groups: readonly Group[],
  labelNumber: (line: LayoutLine) => number | null,
  markerCount: number,
  blankLinesMarkBlocks: boolean,
): Group[] {
  return groups.flatMap((group, g): Group[] => {
    const own = labelNumber(group.lines[0]!);
    const last = group.lines[group.lines.length - 1]!;
    if (group.mayEndBefore === undefined || own === null || !(endsFullStop(last.normal) || endsCitation(last.normal))) return [group];
    const nextLabelled = groups.findIndex((other, h) => h > g && labelNumber(other.lines[0]!) !== null);
    const next = nextLabelled === -1 ? markerCount + 1 : labelNumber(groups[nextLabelled]!.lines[0]!)!;
    const unlabelled = (nextLabelled === -1 ? groups.length : nextLabelled) - g - 1;
    if (unlabelled >= next - own - 1) return [group];
    const opensBlock = (at: number) => group.lines[at]!.blankBefore === true && group.lines[at]!.page === group.lines[at - 1]!.page;
    const blankCut = blankLinesMarkBlocks ? group.mayEndBefore.find(({ at }) => opensBlock(at))?.at : undefined;
    const cut = blankCut ?? group.mayEndBefore.find(({ closesTitle }) => closesTitle)?.at;
    if (cut === undefined) return [group];
    return [
      { lines: group.lines.slice(0, cut), end: blankCut === undefined ? "doubtful" : "strong" },
      { lines: group.lines.slice(cut), end: group.end },
    ];
  });
}

/** `text` closes a title, quotation or parenthesis more often than it opens one: it goes on from text before it. */
function closesMoreThanOpens(text: string): boolean {
  return BRACKET_PAIRS.some(([open, close]) => text.split(close).length > text.split(open).length);
}

const BRACKET_PAIRS = [["《", "》"], ["〈", "〉"], ["“", "”"], ["（", "）"]] as const;

/** The text of the lines from `from` to the first that finishes a sentence or a citation (or the next labelled line, or the area's end). */
function sentenceFrom(lines: readonly LayoutLine[], from: number, model: WidthModel): string {
  let end = from;
  const finishes = (line: LayoutLine) => endsFullStop(line.normal) || endsCitation(line.normal);
  while (end + 1 < lines.length && !finishes(lines[end]!) && !isLabelledLine(lines[end + 1]!, model)) end += 1;
  return normaliseText(lines.slice(from, end + 1).map((line) => line.raw).join("\n"));
}

/**
 * Whether `rest`, the lines after a labelled note's line at the margin, may open a note of its own whose label
 * was lost with its first line: it opens as a note can (not on a digit, a lower-case letter or a closing bracket,
 * which go on from the line before), finishes a sentence (a note's end survives when its start is lost), and
 * nothing says it goes on with the note before (`joinReadsAsOneCitation`).
 */
function mayStartLabelLostNote(text: string, rest: string): boolean {
  return startsLikeNote(rest) && endsFullStop(rest) && !goesOnInLatin(text, rest) && !joinReadsAsOneCitation(text, rest);
}

/**
 * Whether `rest`, after a labelled note's line `previous` that stops short of the margin (by more than the note
 * measure's tolerance) without finishing, may be the surviving end of a later note whose label and start were lost,
 * when a label after this note's is missing from the page's notes. Every note line but the last fills the measure, so
 * a short line is the note's last one unless the width model misjudged it; `rest` closing the title the line left
 * open (`joinReadsAsOneCitation`) reads as its rest, but as well as the end of the missing label's note, which closes
 * the title it opened on a lost line (issue 11: corpus-001 re-typeset bracket 181000176, a never-seen range: `[2] 《…在某某第十次代表
 * 大会上的` 2.8 em short, then `某某论坛闭幕时的致辞（摘要）》。`, the end of [3], was joined to [2]; invented text of the
 * same shape). Only when
 * `rest` finishes a sentence (a lost-start note keeps its end) and the line is not a Latin or address line, whose
 * widths the model only estimates. Weaker than a full stop short of the margin: it makes the split doubtful, so
 * nothing is attached on order, never `strong`. Only for a `rest` that closes a bracket it does not open: the
 * ambiguous join; any other `rest` is left to the rules above.
 */
function mayBeLastLabelsTail(previous: LayoutLine, rest: string, notes: NoteMeasure, width: (line: LayoutLine) => number): boolean {
  const line = previous.normal.trimEnd();
  return (
    width(previous) < notes.measure - notes.tolerance &&
    !endsFullStop(line) &&
    !/[A-Za-z0-9/:._\-=?&%#~]$/u.test(line) &&
    !isMostlyLatin(line) &&
    closesMoreThanOpens(rest) &&
    endsFullStop(rest)
  );
}

/**
 * An English citation broken between words goes on in Latin text that does not open a citation of its own
 * (`…Global Commission on` + `Paper Series, No.5, 2002, p.40.`; not `…,”` + `Joseph Nye, “Title,”`).
 */
export function goesOnInLatin(previous: string, head: string): boolean {
  return (
    /(?:[A-Za-z0-9,]|,[”"])$/u.test(previous) &&
    /^[A-Za-z0-9]/u.test(head) &&
    (!/^[A-Z][A-Za-z.'\- ]+,\s*[“"]/u.test(head) || /\b(?:and|of|the|on|for|in|to|a|an|at|by|with)$/u.test(previous))
  );
}

/**
 * Whether `line` closes a title, quotation or parenthesis before opening one of its kind while `text` has none of
 * that kind left open: then it cannot go on from `text` and is the tail of another note whose start (and label)
 * was lost (`…（全文）》。` + `上的致辞》，…`).
 */
export function closesUnopened(text: string, line: string): boolean {
  return BRACKET_PAIRS.some(([open, close]) => {
    const closeAt = line.indexOf(close);
    if (closeAt === -1) return false;
    const openAt = line.indexOf(open);
    if (openAt !== -1 && openAt < closeAt) return false;
    return text.split(open).length <= text.split(close).length;
  });
}

/**
 * Every line of a note but its last fills the note measure, so a line that stops far short ends its note
 * even without a full stop: the rest was lost in extraction. Far short, because a URL that does not fit
 * wraps early; a line ending inside a URL is never taken as one.
 */
const TRUNCATED_LINE_SHARE = 0.6;
/** How many note-measure tolerances short a line must stop, before an address, to end its note. */
const SHORT_LINE_TOLERANCES = 2;
/** Within this many tolerances of the note measure a line may still be full, as the width model goes. */
const NEARLY_FULL_TOLERANCES = 3;

/**
 * A sentence that closes the way citations close (a page, an issue, an edition, a URL) ends its note even
 * at the margin: notes that cite more than one work separate them with `；`, not a full stop.
 */
const CITATION_END = /(?:页|期|年版|版|\.s?html?|\.pdf|\.aspx?|\/|p{1,2}\.\s?[0-9][0-9\-–]*)[。.]$/u;

export function endsCitation(normalised: string): boolean {
  return CITATION_END.test(normalised.trimEnd());
}

/** A citation that closes on a web address and a full stop (`…/digital-economy-report-2021.`) ends there. */
function endsWithUrl(line: LayoutLine, next: LayoutLine, textSoFar: () => string): boolean {
  if (!/[A-Za-z0-9/_\-=?&%#~][。.]$/u.test(line.normal.trimEnd())) return false;
  // `…/c_119538788.` + `htm。`: the address goes on in the next line. Not when that line opens an English citation
  // (`World Economic Forum, “Title,”`): an address has no space, nor a comma before a quotation mark (issue 11:
  // corpus-001 circled 29000372, a dev range; the two notes were read as one).
  if (/^[A-Za-z0-9/._\-=?&%#~]/u.test(next.normal.trimStart()) && !opensLikeCitation(next.normal)) return false;
  const text = textSoFar().trimEnd();
  const spans = findUrlSpans(text);
  const last = spans[spans.length - 1];
  if (last !== undefined && last[1] >= text.length - 2) return true;
  // The rest of an address whose `http` was printed on the page before (`g/record/1234567#…-header.`): nothing
  // here reads it as an address, but a path token ending in a full stop, followed by a line that opens a
  // citation in Han script or with a title (an address never goes on that way), closed its citation.
  return /\//u.test(lastToken(text.slice(0, -1))) && opensLikeCitation(next.normal);
}

/**
 * The line stops on the `?` that opens a web address's query string (`…/content_5638596.htm?`): a question mark
 * right after an address character, in a run with a slash, ends no sentence (issue 11: corpus-001 25000181, where
 * it was taken as a note's end and the query's rest as a note of its own).
 */
export function stopsOnAddressQuery(normalised: string): boolean {
  const text = normalised.trimEnd();
  return /[A-Za-z0-9_\-.\/]\?$/u.test(text) && /\//u.test(lastToken(text)) && !/\s/u.test(lastToken(text));
}

/**
 * A citation gives its web address last, after its title is closed: a line that closes a title (《》, 〈〉) before
 * opening one, after text that ends in an address, is the tail of another note whose start and label were lost,
 * even when that text was carried over from the page before, where a title of its own may have been opened (issue 11:
 * corpus-001 circled 41000042, a dev range: `…/1234567#section-header.` + `辞》，某某政府网，…` was read
 * as one note, and the start-less note went with the note carried over to the marker of the page before).
 */
export function closesTitleAfterAddress(text: string, line: string): boolean {
  const address = lastToken(text.trimEnd().replace(/[。.]$/u, ""));
  if (!/^[\x21-\x7e]+$/u.test(address) || !/\//u.test(address) || !/[A-Za-z]/u.test(address)) return false;
  return TITLE_PAIRS.some(([open, close]) => {
    const closeAt = line.indexOf(close);
    const openAt = line.indexOf(open);
    return closeAt !== -1 && (openAt === -1 || closeAt < openAt);
  });
}

const TITLE_PAIRS = [["《", "》"], ["〈", "〉"]] as const;

/** `text` leaves a 《 title open and `line` opens another 《 before closing any. */
export function opensTitleInsideOpenTitle(text: string, line: string): boolean {
  if (text.split("《").length <= text.split("》").length) return false;
  const openAt = line.indexOf("《");
  const closeAt = line.indexOf("》");
  return openAt !== -1 && (closeAt === -1 || openAt < closeAt);
}

/** The last run of the text without spaces or Chinese punctuation: an address when it has a slash or a dot. */
function lastToken(text: string): string {
  return /[^\s，。；：、（）《》“”]*$/u.exec(text)?.[0] ?? "";
}

/** Three Latin words or more: a line whose width the model only estimates (proportional glyphs). */
function isMostlyLatin(normalised: string): boolean {
  return /[A-Za-z]{3,}.*[A-Za-z]{3,}.*[A-Za-z]{3,}/u.test(normalised);
}

/** A line that stops on a year (`2012年`), which a citation's issue or edition follows. */
const YEAR_BEFORE_IMPRINT = /(?:1[6-9]|20)\d\d年$/u;
/** An issue, volume or edition that follows a year: `第12期`, `第3卷`, `版，`. */
const IMPRINT_AFTER_YEAR = /^(?:第\d+[期卷]|版[，,。])/u;

/** `同上，`, `同前注…`, `同上书`: a note that repeats the work of the note before opens so. */
const IBID_OPENING = /^同(?:上|前)[，,。.；;：:注书]/u;

/**
 * A line that stops on a word or a number (no punctuation, no word that introduces a reference: `参见`, `引自`, `如`)
 * followed by one opening with an ibid: the ibid opens a note of its own (`…出版社2004年` + `同上，第5页。` reads as
 * nothing), so the line's note lost its end (issue 11: invented circled 482, a dev range, where the two were read as
 * one and all seven texts of the page were left unattached). After punctuation an ibid may go on inside a note that
 * cites several works (`…第5页；` + `同上书，第9页。`), and after `见` or `引自` it is what the note refers to.
 */
export function ibidOpensAfterWord(line: string, next: string): boolean {
  return /[\p{Script=Han}0-9]$/u.test(line) && !/(?:见|引自|如|自|参照|参考)$/u.test(line) && IBID_OPENING.test(next);
}

/**
 * A line that stops on a title closed by a comma (`…in the Context of International Security,”`) leaves its citation
 * open: the date, pages or address come on the next line, unless that line opens a citation of its own. However short
 * the line reads, its note does not end there: the comma inside the quotation marks says so, where the width model
 * only estimates a line of proportional Latin glyphs (issue 11: corpus-001 circled 193000125, never seen before, where
 * full English lines read under 60% of the note measure, the title's line was taken as a note cut short, and the
 * page's four notes went to the wrong markers: two joined as one, the English one split in two).
 */
export function leavesCitationOpen(line: string, next: string): boolean {
  return stopsInsideCitation(line.trimEnd()) && !opensLikeCitation(next.trimStart());
}

function stopsShort(line: LayoutLine, notes: NoteMeasure, width: (line: LayoutLine) => number, next: LayoutLine | undefined): boolean {
  if (/[A-Za-z0-9/:._\-=?&%#~]$/u.test(line.normal.trimEnd())) return false;
  if (next !== undefined && leavesCitationOpen(line.normal, next.normal)) return false;
  // Stopped on `第` with the page number on the next line (`…2016年版，第` + `272页。`): the width model misjudged a
  // full line; no note ends on `第` (issue 11, invented circled 9000264).
  if (next !== undefined && /第$/u.test(line.normal.trimEnd()) && /^[0-9０-９]+(?:[-–—－][0-9０-９]+)?\s*[页期卷]/u.test(next.normal.trimStart())) return false;
  if (width(line) < notes.measure * TRUNCATED_LINE_SHARE) return true;
  // Stopped, not far short, on a year with the issue or the edition on the next line (`…载《某某评论》2012年` +
  // `第12期。`, `…出版社2004年` + `版，第5页。`): the year's imprint goes on there, and no note opens on it (issue 11:
  // invented circled 113000419, a dev range, where the issue became a note of its own and the page's two notes were
  // left unattached).
  if (next !== undefined && YEAR_BEFORE_IMPRINT.test(line.normal.trimEnd()) && IMPRINT_AFTER_YEAR.test(next.normal.trimStart())) return false;
  // Nearly full, and the next line goes on mid-phrase (`…第` + `400页。`) or with the imprint of a citation (`…年版，` +
  // `第152页。`: no note opens on its imprint): the width model is off, not the note (issue 11: invented circled
  // 109000580, where English note lines set the measure wide and a full Chinese line read as cut short).
  const nearlyFull = width(line) >= notes.measure - NEARLY_FULL_TOLERANCES * notes.tolerance;
  const nextText = next?.normal.trimStart() ?? "";
  if (nearlyFull && next !== undefined && (!startsLikeNote(nextText) || IMPRINT_CONTINUATION.test(nextText))) return false;
  // Short of the measure by more than a justified line ever is, and no web address wrapping into the next
  // line. Not for lines mostly in Latin script, whose proportional widths the width model only estimates.
  if (isMostlyLatin(line.normal)) return false;
  return width(line) < notes.measure - SHORT_LINE_TOLERANCES * notes.tolerance && next !== undefined && !/^(?:https?:|www\.)/u.test(next.normal.trimStart());
}

function splitUnlabelled(
  lines: readonly LayoutLine[],
  notes: NoteMeasure,
  width: (line: LayoutLine) => number,
  expected: number | null,
  markerCount: number,
): Group[] {
  // Candidate ends: after every line that finishes a sentence. Strong when the line is short of the
  // note measure (the note stops there), weak when the sentence happens to end at the margin.
  const strong = new Set<number>();
  const weak: number[] = [];
  let groupStart = 0;
  const cut = new Set<number>();
  lines.forEach((line, i) => {
    if (i === lines.length - 1) return;
    const sinceStart = () => normaliseText(lines.slice(groupStart, i + 1).map((l) => l.raw).join("\n"));
    if (!endsFullStop(line.normal) && stopsShort(line, notes, width, lines[i + 1])) {
      strong.add(i);
      cut.add(i);
    } else if (stopsShort(line, notes, width, lines[i + 1]) || endsWithUrl(line, lines[i + 1]!, sinceStart) || closesTitleAfterAddress(sinceStart(), lines[i + 1]!.normal)) strong.add(i);
    // `…Report_2022.pdf.` reads as an address going on; followed by a line that opens a citation, it closed one.
    // So it did when the next line closes a title or quotation nobody opened since this note began: that line is the
    // tail of another note whose start was lost (issue 11: corpus-001 circled 25000145, `…2022.pdf.` + `…（全文）》。`).
    else if (endsCitation(line.normal) && (opensLikeCitation(lines[i + 1]!.normal) || closesUnopened(sinceStart(), lines[i + 1]!.normal))) strong.add(i);
    // A title left open is never followed by another opened inside it (titles inside titles are set in 〈〉): a line that
    // opens a 《 before closing the one left open starts another note, and this one lost its end (issue 11: invented
    // circled 41001891, a dev range: `…载《某某治理评` at 24.5 of a 27-em measure, then `某某：《某某的秩序》…`).
    else if (!endsFullStop(line.normal) && opensTitleInsideOpenTitle(sinceStart(), lines[i + 1]!.normal)) {
      strong.add(i);
      cut.add(i);
    }
    // An ibid after a line that stops on a word or a number opens a note of its own: this one lost its end.
    else if (!endsFullStop(line.normal) && ibidOpensAfterWord(line.normal.trimEnd(), lines[i + 1]!.normal.trimStart())) {
      strong.add(i);
      cut.add(i);
    }
    // A `?` that opens an address's query (`…/content_5638596.htm?` + `lsRedirectHit=…`) ends no sentence.
    else if (stopsOnAddressQuery(line.normal)) return;
    else if (!endsFullStop(line.normal)) return;
    else if (width(line) < notes.measure - notes.tolerance || endsCitation(line.normal)) strong.add(i);
    else weak.push(i);
    if (strong.has(i)) groupStart = i + 1;
  });
  // A marker list as long as the page's markers says how many notes there are; a shorter one lost
  // entries and only bounds nothing. Weak ends are never taken beyond the page's marker count.
  // An area that opens mid-sentence carries the end of the previous page's last note: one text more.
  const listComplete = expected !== null && expected >= markerCount;
  const carriedOver = lines.length > 0 && mayContinueNote(lines[0]!.normal) ? 1 : 0;
  const wanted = Math.max(expected ?? 0, markerCount) + carriedOver;
  const opensNote = (i: number) => NOTE_OPENING.test(lines[i + 1]!.normal);
  const ordered = [...weak.filter(opensNote), ...weak.filter((i) => !opensNote(i))];
  // A text carried over from the page before (the area opens mid-sentence) must end before the page's own
  // notes begin: its first sentence ending at the margin is taken as its end even when the next line does not
  // open like a note, and marked `carried` (the rest may still be its own, so nothing rests on the order after it).
  const firstStrong = Math.min(...strong);
  const opensMidSentence = !startsLikeNote(lines[0]!.normal);
  const carried = new Set<number>();
  for (const i of ordered) {
    if (strong.size + 1 >= wanted) break;
    const endsCarried = opensMidSentence && i < firstStrong && i === Math.min(...weak);
    if (!listComplete && !opensNote(i) && !endsCarried) continue;
    if (!listComplete && !opensNote(i)) carried.add(i);
    strong.add(i);
  }
  const groups: Group[] = [];
  let current: LayoutLine[] = [];
  lines.forEach((line, i) => {
    current.push(line);
    if (strong.has(i)) {
      groups.push({ lines: current, end: cut.has(i) ? "cut" : carried.has(i) ? "carried" : weak.includes(i) ? "weak" : "strong" });
      current = [];
    }
  });
  if (current.length > 0) groups.push({ lines: current, end: "area" });
  return groups;
}

/** A web address's start that stays on one line: its scheme (and `www.`) with the first label of its host. */
const ADDRESS_START = /^(?:https?:\/\/(?:www\.)?|www\.)[A-Za-z0-9][A-Za-z0-9\-]*/iu;

function openingAddressWidth(text: string, model: WidthModel): number {
  const start = ADDRESS_START.exec(text)?.[0];
  return start === undefined ? 0 : lineWidth(model, start);
}

function makeSegment(
  page: number,
  lines: LayoutLine[],
  end: NoteEnd,
  notes: NoteMeasure,
  width: (line: LayoutLine) => number,
  model: WidthModel,
  areaLabelled: boolean,
): NoteSegment {
  const first = lines[0]!;
  // Among labelled notes, a note the split opened on a label run straight into its text is labelled too (pdftotext -raw
  // drops the space after a label on a short line: `[3]同上。`); read as text, its label stayed in the note's text.
  const label = leadingNoteLabel(first.raw);
  const runIn = areaLabelled && label?.separator === "none" && label.rest.trim() !== "";
  const lead = isLabelledLine(first, model) || runIn ? label : null;
  const raws = lines.map((line) => line.raw);
  if (lead) raws[0] = lead.rest;
  const text = normaliseText(raws.join("\n"));
  const last = lines[lines.length - 1]!;
  const lastWidth = width(last);
  const addressWidth = openingAddressWidth(text, model);
  return {
    page,
    label: lead ? lead.label : null,
    lines,
    rawLines: raws,
    text,
    startsLikeNote: lead !== null || startsLikeNote(text),
    // A last line that stops short of the margin ends the note even without a full stop (a bare URL).
    // The note's very last character can close a sentence even right after a URL (`…/record-header.`).
    end,
    endsAtMargin: lastWidth >= notes.measure - SHORT_LINE_TOLERANCES * notes.tolerance,
    endsFull: lastWidth >= notes.measure - notes.tolerance,
    stopsMidLine: lastWidth < notes.measure * TRUNCATED_LINE_SHARE && !/[A-Za-z0-9/:._\-=?&%#~]$/u.test(last.normal.trimEnd()),
    mostRoomLeft: notes.measure + notes.tolerance - lastWidth,
    leastRoomLeft: isMostlyLatin(last.normal) ? Number.NEGATIVE_INFINITY : notes.measure - notes.tolerance - lastWidth,
    openingAddressWidth: addressWidth,
    openingWidth: addressWidth || leadingLatinWidth(model, raws[0]!) || 1,
    // A note may end in a bare URL or a closing bracket with no full stop; one that stops on a word or a
    // comma lost its end.
    // Never one stopping on the `?` that opens an address's query (`…/c_1117481112.htm?`): the query is still to come.
    complete:
      (!stopsOnAddressQuery(text) && endsFullStop(text)) ||
      (!stopsOnAddressQuery(text) && /[.。！？!?]["”’」』）)》〉]*$/u.test(text)) ||
      (lastWidth < notes.measure - 3 * notes.tolerance &&
        !stopsInsideCitation(text) &&
        (/[）)》〉”"’]$/u.test(text) || /[/.][^\s/.]*[A-Za-z0-9/_\-=?&%#~]$/u.test(lastToken(text)))),
  };
}

/**
 * Endings no citation stops on, however short its last line: a title closed on a comma (`“The Global Risks
 * Report 2022,”`: the comma inside the quotes says the citation goes on) and a web address that is nothing yet
 * but its scheme or `www.` (`…, 2014, https://`).
 */
export function stopsInsideCitation(text: string): boolean {
  return /[,，]\s*["”’]$/u.test(text) || /(?:https?:\/{0,2}|www\.?)$/iu.test(text);
}
