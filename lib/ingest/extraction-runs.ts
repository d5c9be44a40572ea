import type { BodyMarker } from "./build-body";
import type { MatchResult } from "./match-notes";

/**
 * Whether a text's lines are the printed lines. A typesetter never opens a line with closing punctuation (a
 * comma, stop, closing quote or bracket that does not fit hangs past the measure or takes a character with it),
 * so a line that opens with one is a run the extraction cut where no printed line ended: pdftotext -raw starts a
 * new line wherever the font changes (`》` then `，` in another face, `。` before a raised `①`). Lines like that are
 * not printed lines: their widths do not tell a paragraph's end, a note's end or a note line from a body line, and
 * the order of such runs is the content stream's, with a page's notes among its body lines.
 */
const CLOSING_MARK_OPENS_LINE = /^[\s\u3000\f]*[，。、；：？！）》」』〉”’]/u;

/**
 * This share of a text's lines opening with closing punctuation says its lines are the extraction's runs: below
 * it, a stray line or two may be hand edits of an otherwise printed text (pdftotext -raw cut 3–18% of the lines of
 * the typeset test documents so; its default and -layout modes, the corpus and the layout simulator none).
 */
const MIN_RUN_LINE_SHARE = 0.02;

/**
 * And never fewer lines than this: in a short text one line is already 2% or more, and a single line opening with
 * a comma is a hand edit or a careless wrap (a test fixture's lines cut at a fixed count), not a text made of runs;
 * pdftotext -raw cut at least two lines of every typeset test document, one page or more, so.
 */
const MIN_RUN_LINES = 2;

/** The 1-based numbers of the lines that open with closing punctuation, when they are too many for printed lines. */
export function extractionRunLines(lines: readonly string[]): number[] {
  const text = lines.filter((line) => line.trim() !== "").length;
  const runs = lines.flatMap((line, k) => (CLOSING_MARK_OPENS_LINE.test(line) ? [k + 1] : []));
  return runs.length >= MIN_RUN_LINES && runs.length >= MIN_RUN_LINE_SHARE * text ? runs : [];
}

/**
 * Leaves every note the matching placed unattached: on lines that are not the printed lines, a note text's
 * boundaries and its page's order rest on nothing (pieces of one note read as several, note lines read as body), so
 * no attachment is decided; each text stays a fragment naming the marker it was read with, and that marker is
 * shown as "note not located". An unattached note is honest, a wrong one is a defect.
 */
export function leaveNotesUnattached(result: MatchResult, markers: readonly BodyMarker[], runLines: readonly number[]): void {
  if (result.placed.size === 0) return;
  const reason = `The text's lines are not the printed lines (${runLines.length} open with closing punctuation, which no typeset line does, e.g. line ${runLines[0]}): note texts are left unattached.`;
  for (const [index, placed] of [...result.placed].sort((a, b) => a[0] - b[0])) {
    result.fragments.push({ segment: placed.segment, candidates: [markers[index]!.label], reason });
    result.unlocated.add(index);
  }
  result.placed.clear();
  result.warnings.push({ code: "note-unplaced", message: reason, sourceLines: [runLines[0]!, runLines[runLines.length - 1]!] });
}
