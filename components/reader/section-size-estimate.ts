import type { ReadingSection } from "@/lib/reader/reading-order";

/**
 * A section of the text is laid out only when it comes near the screen (`content-visibility: auto`,
 * document-body.css): laying out all of an essay's CJK text at once was the largest share of the reader's
 * main-thread time. Until then it stands as a box of an estimated height, so the scroll bar, the browser's
 * own jump to a fragment and an arrival's landing are where the text will be.
 *
 * Its height in em is `wrapped / measure + fixed`, where `measure` is the section's width in em (set by
 * the CSS for each width of screen) and these two figures are sent with the section:
 * - `wrapped`: what grows with the text and shrinks with a wider measure (characters, citation lines);
 * - `fixed`: what each block and note adds whatever the width (margins, a note's back-link line).
 * The coefficients are a least-squares fit of the laid-out heights of both corpus essays' 11 sections at
 * five widths (1280, 1024, 800, 412 and 360 px): within 8% for every section over a screen tall (the
 * short ones are near the screen anyway, and an estimate gives way to the real height once laid out).
 */
export const SECTION_HEIGHT_PER = {
  /** em² per character of a heading or paragraph (line height 1.9, a paragraph's margin and last line folded in). */
  bodyCharacter: 2.35,
  /** em² per character of a note's text (a smaller type, line height 1.75). */
  noteCharacter: 1,
  /** em² per citation under a note: its line, often a long web address. */
  citation: 83,
  /** em per heading or paragraph. */
  block: 0.25,
  /** em per note: its back-link line and padding. */
  note: 4.5,
} as const;

export interface SectionSizeEstimate {
  wrapped: number;
  fixed: number;
}

export function estimateSectionSize(section: Pick<ReadingSection, "blocks" | "notes">): SectionSizeEstimate {
  let bodyCharacters = 0;
  for (const block of section.blocks) bodyCharacters += (block.kind === "heading" ? block.heading.text : block.paragraph.text).length;
  let noteCharacters = 0;
  let citations = 0;
  for (const note of section.notes) {
    noteCharacters += note.text.length;
    citations += note.citations.length;
  }
  return {
    wrapped: Math.round(
      bodyCharacters * SECTION_HEIGHT_PER.bodyCharacter + noteCharacters * SECTION_HEIGHT_PER.noteCharacter + citations * SECTION_HEIGHT_PER.citation,
    ),
    fixed: Math.round(section.blocks.length * SECTION_HEIGHT_PER.block + section.notes.length * SECTION_HEIGHT_PER.note),
  };
}

/** The estimate as the custom properties document-body.css reads (a style attribute: the policy allows those, not style elements). */
export function sectionSizeStyle(estimate: SectionSizeEstimate): React.CSSProperties {
  return { "--section-wrapped": estimate.wrapped, "--section-fixed": estimate.fixed } as React.CSSProperties;
}
