import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PdfPlacement } from "@/lib/model/document-model";
import { decodeFolios, decodePageBoxes, encodeFolios, encodePageBoxes, foliosByPage, printedPageLabel } from "./printed-page";

const placed = (pages: [number, number], folios: string[]): { placement: PdfPlacement } => ({ placement: { pages, folios, boxes: [] } });

describe("foliosByPage", () => {
  it("takes each page's folio from blocks that name one per page, and infers none", () => {
    const folios = foliosByPage({
      headings: [],
      paragraphs: [placed([1, 1], ["27"]), placed([1, 2], ["27", "28"]), placed([3, 4], ["30"])] as never,
      footnotes: [{}, placed([5, 5], [])] as never,
    });
    // Page 3 or 4 lacks a folio, and which one is not said: neither is numbered; page 5 shows none.
    expect([...folios.entries()]).toEqual([
      [1, "27"],
      [2, "28"],
    ]);
  });
});

describe("printedPageLabel", () => {
  const folios = new Map([
    [1, "27"],
    [2, "28"],
  ]);
  it("names the journal's pages when they are known, else the PDF's", () => {
    expect(printedPageLabel([1, 1], folios)).toBe("p. 27");
    expect(printedPageLabel([1, 2], folios)).toBe("pp. 27–28");
    expect(printedPageLabel([3, 3], folios)).toBe("PDF p. 3");
    expect(printedPageLabel([2, 3], folios)).toBe("PDF pp. 2–3");
  });
});

describe("page boxes and folios as attributes", () => {
  const coordinate = fc.double({ min: -1000, max: 2000, noNaN: true });
  const extent = fc.double({ min: 0, max: 2000, noNaN: true });
  it("round-trip to a tenth of a point", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ page: fc.integer({ min: 1, max: 300 }), x: coordinate, y: coordinate, width: extent, height: extent })), (boxes) => {
        const decoded = decodePageBoxes(encodePageBoxes(boxes));
        expect(decoded).toHaveLength(boxes.length);
        decoded.forEach((box, k) => {
          const original = boxes[k]!;
          expect(box.page).toBe(original.page);
          for (const key of ["x", "y", "width", "height"] as const) expect(Math.abs(box[key] - original[key])).toBeLessThanOrEqual(0.05 + 1e-9);
        });
      }),
    );
  });
  it("leave out what does not read as a box", () => {
    expect(decodePageBoxes("1:1,2,3,4 x:1,2,3,4 0:1,2,3,4 2:1,2,-3,4 3:5.5,6,7,8")).toEqual([
      { page: 1, x: 1, y: 2, width: 3, height: 4 },
      { page: 3, x: 5.5, y: 6, width: 7, height: 8 },
    ]);
  });
  it("carry folios by page", () => {
    const folios = new Map([
      [2, "28"],
      [1, "xii"],
      [3, "bad folio"],
    ]);
    expect(encodeFolios(folios)).toBe("1:xii 2:28");
    expect([...decodeFolios("1:xii 2:28 junk 0:1").entries()]).toEqual([
      [1, "xii"],
      [2, "28"],
    ]);
  });
});
