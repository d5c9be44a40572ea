import type { ReadingSection } from "@/lib/reader/reading-order";

/**
 * A section of the text is laid out only when it comes near the screen (`content-visibility: auto`,
 * document-body.css): laying out all of an essay's CJK text at once was the largest share of the reader's
 * main-thread time. Until then it stands as a box of an estimated height, so the scroll bar, the browser's
 * own jump to a fragment and an arrival's landing are where the text will be.
 *
 * Its height in em is `wrapped / measure + fixed`, where `measure` is the section's width in em (set by
 * the CSS for each width of screen) and these two figures are sent with the section:
 * - `wrapped`: what grows with the text and shrinks with a wider measure (a body character, a note character);
 * - `fixed`: what each block and note adds whatever the width (its margins, a paragraph's last line, the
 *   paragraph number above it on a narrow screen, a note's back-link line).
 * The coefficients are a least-squares fit of the laid-out heights of both corpus essays' 11 sections at
 * five widths (1280, 1024, 800, 412 and 360 px): within 6% for every section over a screen tall (the
 * short ones are near the screen anyway, and an estimate is replaced by the real height once seen).
 */
export const SECTION_HEIGHT_PER = {
  /** em of height per character of a heading or paragraph and em of measure (line height 1.9). */
  bodyCharacter: 1.97,
  /** The same for a note's text (a smaller type, line height 1.75). */
  noteCharacter: 0.87,
  /** em per heading or paragraph: margins, the last line, the number above it on a phone. */
  block: 3.7,
  /** em per note: its back-link line and padding. */
  note: 1.44,
} as const;

/** A citation's line under its note: about as long as this many characters of note text. */
const CITATION_LINE_CHARACTERS = 40;

export interface SectionSizeEstimate {
  wrapped: number;
  fixed: number;
}

export function estimateSectionSize(section: Pick<ReadingSection, "blocks" | "notes">): SectionSizeEstimate {
  let bodyCharacters = 0;
  for (const block of section.blocks) bodyCharacters += (block.kind === "heading" ? block.heading.text : block.paragraph.text).length;
  let noteCharacters = 0;
  for (const note of section.notes) noteCharacters += note.text.length + note.citations.length * CITATION_LINE_CHARACTERS;
  return {
    wrapped: Math.round(bodyCharacters * SECTION_HEIGHT_PER.bodyCharacter + noteCharacters * SECTION_HEIGHT_PER.noteCharacter),
    fixed: Math.round(section.blocks.length * SECTION_HEIGHT_PER.block + section.notes.length * SECTION_HEIGHT_PER.note),
  };
}

/** The estimate as the custom properties document-body.css reads (a style attribute: the policy allows those, not style elements). */
export function sectionSizeStyle(estimate: SectionSizeEstimate): React.CSSProperties {
  return { "--section-wrapped": estimate.wrapped, "--section-fixed": estimate.fixed } as React.CSSProperties;
}
