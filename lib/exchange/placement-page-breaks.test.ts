import { describe, expect, it } from "vitest";
import type { PdfPlacement } from "@/lib/model/document-model";
import { placementPageBreaks, printedPageNumber } from "./placement-page-breaks";

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

describe("printedPageNumber", () => {
  it("is the folio when the page prints a page number, Arabic or Roman; otherwise none, never the page's count", () => {
    expect(printedPageNumber("27")).toBe("27");
    expect(printedPageNumber("xii")).toBe("xii");
    expect(printedPageNumber(" 103 ")).toBe("103");
    expect(printedPageNumber(undefined)).toBeNull();
    expect(printedPageNumber("0")).toBeNull();
    expect(printedPageNumber("第3页")).toBeNull();
    expect(printedPageNumber("2021年第3期")).toBeNull();
  });
});
