import { describe, expect, it } from "vitest";
import type { Heading, Paragraph } from "@/lib/model/document-model";
import { buildReadingOrder } from "@/lib/reader/reading-order";
import { FIRST_SCREEN_CHARACTERS, firstScreenEndId } from "./first-screen";

const heading = (anchor: string, text: string): Heading => ({ anchor, level: 1, label: "", text, markers: [], sourceLines: [1, 1], correction: null });
const paragraph = (anchor: string, headingAnchor: string | null, characters: number): Paragraph => ({
  anchor,
  headingAnchor,
  text: "文".repeat(characters),
  markers: [],
  sourceLines: [1, 1],
  correction: null,
});
const orderOf = (headings: Heading[], paragraphs: Paragraph[]) => buildReadingOrder({ headings, paragraphs, footnotes: [] });

describe("firstScreenEndId", () => {
  it("names the first block whose text, counted from the start across sections, fills the first screen", () => {
    const third = FIRST_SCREEN_CHARACTERS / 3;
    const order = orderOf([heading("h1", "一、引言")], [paragraph("p0", null, third), paragraph("p1", "h1", third), paragraph("p2", "h1", third), paragraph("p3", "h1", 10)]);
    // p0 and p1 and the heading's 4 characters stay short of the screen; p2 reaches it.
    expect(firstScreenEndId(order)).toBe("p2");
  });

  it("names the very first block when it alone fills the screen", () => {
    expect(firstScreenEndId(orderOf([], [paragraph("p0", null, FIRST_SCREEN_CHARACTERS), paragraph("p1", null, 5)]))).toBe("p0");
  });

  it("names the last block of an essay shorter than a screen, and nothing for an essay with no text", () => {
    expect(firstScreenEndId(orderOf([heading("h1", "结论")], [paragraph("p0", null, 20), paragraph("p1", "h1", 30)]))).toBe("p1");
    expect(firstScreenEndId(orderOf([], []))).toBeNull();
  });

  it("prefixes the id as the page prefixes its blocks' ids", () => {
    expect(firstScreenEndId(orderOf([], [paragraph("p0", null, 5)]), "left-")).toBe("left-p0");
  });
});
