import { describe, expect, it } from "vitest";
import { printedPagesOfSelection, type PinpointPage } from "./export-pinpoint";

describe("printedPagesOfSelection", () => {
  const pages: PinpointPage[] = [
    { offset: 0, layoutPage: 3, journalPage: "27" },
    { offset: 40, layoutPage: 4, journalPage: "28" },
    { offset: 90, layoutPage: 5, journalPage: null },
  ];

  it("cites the page a selection starts on, and the range when it runs over", () => {
    expect(printedPagesOfSelection(pages, 0, 10)).toBe("27");
    expect(printedPagesOfSelection(pages, 30, 40)).toBe("27");
    expect(printedPagesOfSelection(pages, 40, 50)).toBe("28");
    expect(printedPagesOfSelection(pages, 35, 45)).toBe("27-28");
  });

  it("gives nothing when a page it stands on has no known number, never a guess", () => {
    expect(printedPagesOfSelection(pages, 85, 95)).toBeNull();
    expect(printedPagesOfSelection(pages, 95, 99)).toBeNull();
  });

  it("takes the later of two pages that begin at one offset (the page between held none of the text)", () => {
    const skipping: PinpointPage[] = [
      { offset: 0, layoutPage: 1, journalPage: 11 },
      { offset: 20, layoutPage: 2, journalPage: 12 },
      { offset: 20, layoutPage: 3, journalPage: 13 },
    ];
    expect(printedPagesOfSelection(skipping, 20, 25)).toBe("13");
    expect(printedPagesOfSelection(skipping, 15, 25)).toBe("11-13");
  });
});
