import { describe, expect, it } from "vitest";
import type { PdfPlacement } from "@/lib/model/document-model";
import { pageBreakNumber, placementPageBreaks } from "./placement-page-breaks";

const on = (first: number, last = first): { placement: PdfPlacement } => ({ placement: { pages: [first, last], folios: [], boxes: [] } });

describe("placementPageBreaks", () => {
  it("puts each page's break before the first block that starts on it, none inside a block", () => {
    expect(placementPageBreaks([on(1), on(1, 2), on(2), on(4)])).toEqual([[1], [], [], [3, 4]]);
  });
  it("says nothing when a block has no placement", () => {
    expect(placementPageBreaks([on(1), {}])).toBeNull();
    expect(placementPageBreaks([])).toBeNull();
  });
});

describe("pageBreakNumber", () => {
  it("is the folio when the page prints a plain number, else the PDF page", () => {
    const folios = new Map([
      [1, "27"],
      [2, "xii"],
    ]);
    expect(pageBreakNumber(1, folios)).toBe(27);
    expect(pageBreakNumber(2, folios)).toBe(2);
    expect(pageBreakNumber(3, folios)).toBe(3);
  });
});
