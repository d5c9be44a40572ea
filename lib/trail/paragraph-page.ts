/**
 * The page a passage stands on, for pinpoint citations. The parser records the layout page of every note
 * (and the source lines of the note, or of its marker when the note is missing), not of paragraphs; a
 * paragraph's page is bracketed by the notes around its first line:
 *
 * - a note printed before the line (its text ends above it) sits at the foot of an earlier page: the line is
 *   at least one page later; a missing (or unlocated) note's marker line above it only says "this page or later";
 * - a note (or missing note's marker) after the line is on the line's page or a later one.
 *
 * When the bounds meet, that is the page; otherwise it is unknown and no page is given — never a guess.
 */

export interface NotePlacement {
  page: number;
  /** missing and unlocated notes have no text of their own: their lines are their marker's. */
  status: "present" | "missing" | "truncated" | "unlocated";
  lineFrom: number;
  lineTo: number;
}

const standsAtMarker = (status: NotePlacement["status"]): boolean => status === "missing" || status === "unlocated";

export function layoutPageOfLine(line: number, notes: readonly NotePlacement[], pageCount: number): number | null {
  let lower = 1;
  let upper = Math.max(1, pageCount);
  for (const note of notes) {
    if (note.lineTo < line) lower = Math.max(lower, standsAtMarker(note.status) ? note.page : note.page + 1);
    else if (note.lineFrom > line) upper = Math.min(upper, note.page);
  }
  return lower === upper ? lower : null;
}

export interface Folio {
  /** The folio as extracted (full-width digits allowed). */
  text: string;
  line: number;
}

/**
 * The journal's page number for a layout page, calibrated on the folios the parser removed as debris: every
 * folio whose layout page is known gives an offset, and they must all agree (extraction loses and garbles
 * folios; a disagreement means none can be trusted). One folio is not enough: a folio printed below the
 * notes reads as the next page's first line, and only a second folio can expose that.
 */
export function journalPage(layoutPage: number, folios: readonly Folio[], notes: readonly NotePlacement[], pageCount: number): number | null {
  const offsets = new Set<number>();
  let calibrated = 0;
  for (const folio of folios) {
    const text = folio.text.normalize("NFKC").trim();
    if (!/^\d{1,4}$/u.test(text)) continue;
    const page = layoutPageOfLine(folio.line, notes, pageCount);
    if (page === null) continue;
    offsets.add(Number(text) - page);
    calibrated += 1;
  }
  const [offset] = offsets;
  return calibrated >= 2 && offsets.size === 1 && offset !== undefined && layoutPage + offset > 0 ? layoutPage + offset : null;
}
