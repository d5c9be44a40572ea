import type { NoteFormat } from "./layout-parameters";

/** What the layout simulator printed, as a parse of its text should read it. */

export interface TruthHeading {
  level: number;
  /** As the parser reports it: "一", "（一）", "1.", "（1）". */
  label: string;
  text: string;
}

export interface TruthMarker {
  page: number;
  /** As printed: "①" or "[1]". */
  label: string;
  /** Index among the document's paragraphs. */
  paragraph: number;
  /** UTF-16 offset in the paragraph's normalised text (markers removed). */
  offset: number;
  /** Index into `notes`. */
  note: number;
}

export type TruthNoteStatus = "present" | "truncated" | "missing";

export interface TruthNote {
  /** Full normalised text. */
  text: string;
  status: TruthNoteStatus;
  /** What the source holds of it: the whole text, a part, or "" when missing. */
  surviving: string;
  page: number;
  label: string;
}

export type TruthDebrisKind = "running-head" | "folio" | "marker-list";

export interface TruthDebris {
  kind: TruthDebrisKind;
  /** As printed, trimmed. */
  text: string;
}

/** How one page was printed: enough to describe a failing layout's shape in words. */
export interface TruthPage {
  page: number;
  bodyLines: number;
  format: NoteFormat;
  markers: number;
  lost: number;
  truncated: number;
  /** This page's last note runs on into the next page's note area. */
  overrun: boolean;
  /** Labels dropped from the page's label list. */
  listLost: number;
}

/**
 * A page that begins inside a paragraph or a note: the text runs over onto it. `index`: among the paragraphs,
 * or into `notes`; `offset`: UTF-16 offset into the paragraph's normalised text (markers removed) or the note's
 * text where the page's first character stands.
 */
export interface TruthPageBreak {
  block: "paragraph" | "note";
  index: number;
  offset: number;
  page: number;
}

export interface LayoutTruth {
  title: string;
  headings: TruthHeading[];
  paragraphs: string[];
  /** Headings and paragraphs in reading order, as `h<i>` / `p<i>`. */
  order: string[];
  markers: TruthMarker[];
  notes: TruthNote[];
  /** URLs of present notes, as they should be rebuilt. */
  urls: string[];
  debris: TruthDebris[];
  pages: TruthPage[];
  /** Set by the typesetters that know it (both do); absent in hand-written truths. */
  pageBreaks?: TruthPageBreak[];
}

export interface SimulatedLayout {
  text: string;
  truth: LayoutTruth;
}
