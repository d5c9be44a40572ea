import fc from "fast-check";

/**
 * Random layout parameters: how a TrueDocument is set on pages and how the extraction prints it.
 * Probabilities shrink towards 0, so a shrunk counterexample keeps only the artefacts it needs.
 * Choices made page by page (note format, which notes are lost…) are drawn from `pageNoise`.
 */

export type MarkerStyle = "circled" | "bracket";
/** (a) a bare list of labels, then the texts unlabelled; (b) texts starting with their label; (c) texts only. */
export type NoteFormat = "list" | "labelled" | "bare";
/** A blank line after every printed line (as in the corpus), only between blocks, or none. */
export type BlankLines = "every" | "blocks" | "none";
/** Between pages: a run of blank lines, nothing (the new page's first line has a leading space), or a form feed. */
export type PageSeparator = "blank-run" | "glued" | "form-feed";
export type FurniturePlace = "top" | "bottom" | "between" | "none";

export interface LayoutParameters {
  style: MarkerStyle;
  /** Body measure in em (a Han character is 1 em). */
  width: number;
  linesPerPage: number;
  /** Note lines hold this many times the characters of a body line (smaller type). */
  noteWidthRatio: number;
  /** Note formats used in this document; each page takes one of them. */
  noteFormats: NoteFormat[];
  blankLines: BlankLines;
  /** With `every`: note lines too are followed by a blank line (essay 001), or set solid (essay 000). */
  blankLinesInNotes: boolean;
  pageSeparator: PageSeparator;
  runningHead: "journal" | "title" | "none";
  furniture: FurniturePlace;
  /** Page numbers in full-width digits, and sometimes printed with their digits reversed. */
  fullWidthFolio: boolean;
  pReversedFolio: number;
  firstFolio: number;
  /** Essay 000's glyph artefacts (ꎬ ꎮ ꎻ « » full-width Latin, ASCII `:()`, padded URLs). */
  glyphArtefacts: boolean;
  /** Per page: probability that some of its note texts are lost, and that all of them are. */
  pSomeNotesLost: number;
  pAllNotesLost: number;
  /** Per note: only a tail survives, or only a head. */
  pTruncatedHead: number;
  pTruncatedTail: number;
  /** The page's last note runs over onto the next page. */
  pNoteOverrun: number;
  /** A label list drops entries, and has stray blank lines inside it. */
  pListLosesEntries: number;
  pStrayBlank: number;
  /** A Latin word or URL broken at a line end is marked with the extraction's hyphen `￣`. */
  pHyphenMark: number;
  /** Seed for the page-by-page choices. */
  pageNoise: number;
}

/** Upper bound of markers on one page (the brief's layouts; ⑳ is the last circled digit we print). */
export const MAX_MARKERS_PER_PAGE = 15;

const probability = (values: number[]) => fc.constantFrom(...values);

export function layoutParametersArbitrary(style: MarkerStyle): fc.Arbitrary<LayoutParameters> {
  return fc.record({
    style: fc.constant(style),
    width: fc.integer({ min: 20, max: 50 }),
    linesPerPage: fc.integer({ min: 12, max: 35 }),
    noteWidthRatio: fc.constantFrom(1.3, 1.2, 1.25, 1.35, 1.4),
    noteFormats: fc.subarray<NoteFormat>(["labelled", "list", "bare"], { minLength: 1 }),
    blankLines: fc.constantFrom<BlankLines>("every", "blocks", "none"),
    blankLinesInNotes: fc.boolean(),
    pageSeparator: fc.constantFrom<PageSeparator>("blank-run", "glued", "form-feed"),
    runningHead: fc.constantFrom<"journal" | "title" | "none">("none", "journal", "title"),
    furniture: fc.constantFrom<FurniturePlace>("none", "top", "bottom", "between"),
    fullWidthFolio: fc.boolean(),
    pReversedFolio: probability([0, 0.3]),
    firstFolio: fc.integer({ min: 1, max: 240 }),
    glyphArtefacts: fc.boolean(),
    pSomeNotesLost: probability([0, 0.2, 0.4]),
    pAllNotesLost: probability([0, 0.1]),
    pTruncatedHead: probability([0, 0.1]),
    pTruncatedTail: probability([0, 0.1]),
    pNoteOverrun: probability([0, 0.3]),
    pListLosesEntries: probability([0, 0.3]),
    pStrayBlank: probability([0, 0.3]),
    pHyphenMark: probability([0, 0.5, 1]),
    pageNoise: fc.nat(),
  });
}
