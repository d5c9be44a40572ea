import type { CitationDraft, SourceLines } from "./document-draft";

export interface NoteForCitations {
  anchor: string;
  /** Normalised note text (present or truncated notes only). */
  text: string;
  sourceLines: SourceLines;
}

/**
 * Splits every note into its citations, in document order, resolving 同上 ("ibid.") to the
 * citation it repeats. Returns the citations of each note keyed by the note's anchor.
 * STUB: replaced by the citation parser; returns no citations.
 */
export function parseNoteCitations(notes: readonly NoteForCitations[]): Map<string, CitationDraft[]> {
  return new Map(notes.map((note) => [note.anchor, []]));
}
