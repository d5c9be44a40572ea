import { describe, expect, it } from "vitest";
import type { Footnote, Heading, Paragraph } from "@/lib/model/document-model";
import type { ReadingSection } from "@/lib/reader/reading-order";
import { estimateSectionSize, SECTION_HEIGHT_PER, sectionSizeStyle } from "./section-size-estimate";

const heading = (text: string) => ({ kind: "heading", heading: { text } as Heading }) as const;
const paragraph = (text: string) => ({ kind: "paragraph", paragraph: { text } as Paragraph, number: 1 }) as const;
const note = (text: string, citations = 0) => ({ text, citations: Array.from({ length: citations }) }) as unknown as Footnote;

describe("estimateSectionSize", () => {
  it("is nothing for an empty section", () => {
    expect(estimateSectionSize({ blocks: [], notes: [] })).toEqual({ wrapped: 0, fixed: 0 });
  });

  it("grows with the body's characters, headings included, and a block's fixed share per block", () => {
    const section: Pick<ReadingSection, "blocks" | "notes"> = { blocks: [heading("一、总论"), paragraph("字".repeat(100))], notes: [] };
    expect(estimateSectionSize(section)).toEqual({
      wrapped: Math.round(104 * SECTION_HEIGHT_PER.bodyCharacter),
      fixed: Math.round(2 * SECTION_HEIGHT_PER.block),
    });
  });

  it("counts a note's characters at the notes' smaller type, and its citations' lines", () => {
    const withoutCitation = estimateSectionSize({ blocks: [], notes: [note("注".repeat(50))] });
    const withCitation = estimateSectionSize({ blocks: [], notes: [note("注".repeat(50), 1)] });
    expect(withoutCitation).toEqual({ wrapped: Math.round(50 * SECTION_HEIGHT_PER.noteCharacter), fixed: Math.round(SECTION_HEIGHT_PER.note) });
    expect(withCitation).toEqual({ wrapped: Math.round(50 * SECTION_HEIGHT_PER.noteCharacter + SECTION_HEIGHT_PER.citation), fixed: withoutCitation.fixed });
    // A note's character takes less height than a body character: the notes are set smaller.
    expect(SECTION_HEIGHT_PER.noteCharacter).toBeLessThan(SECTION_HEIGHT_PER.bodyCharacter);
  });

  it("hands the estimate to the style sheet as the two custom properties it reads", () => {
    expect(sectionSizeStyle({ wrapped: 12, fixed: 3 })).toEqual({ "--section-wrapped": 12, "--section-fixed": 3 });
  });
});
