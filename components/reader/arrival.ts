import { readTrail } from "@/lib/trail/trail-param";
import { READER_KEYS } from "@/lib/urls/url-grammar";

/**
 * Where a block lands on arrival: a third of the way down the screen, where the eye reads, with the lines
 * before it in view; the top edge (where a plain fragment puts it) hides what led up to it under the header.
 */
export const READING_POSITION = 1 / 3;

/** The scroll offset that puts an element whose top is `elementTop` (viewport px) at the reading position. */
export function readingScrollTop(elementTop: number, scrollY: number, viewportHeight: number): number {
  return Math.max(0, Math.round(scrollY + elementTop - viewportHeight * READING_POSITION));
}

/**
 * The note an arrival names on this document: the last step of the address's footnote trail (a citing
 * note opened from a source page, or the marker a trail started from), when it is a note of `slug`.
 * That note's marker is the exact place the reader was sent to, among the block's markers.
 */
export function arrivalNoteAnchor(search: URLSearchParams, slug: string): string | null {
  const { trail } = readTrail(search.getAll(READER_KEYS.trail));
  const last = trail.at(-1);
  if (!last || last.kind === "source" || last.slug !== slug) return null;
  return last.noteAnchor;
}
