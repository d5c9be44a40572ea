import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PAGE_NEIGHBOURS, pageCount, pageNumbers, pageOf } from "./page-window";

describe("page window", () => {
  it("counts pages, an empty list being one page", () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
  });

  it("slices a page, nothing past the last", () => {
    const items = Array.from({ length: 45 }, (_, i) => i);
    expect(pageOf(items, 1, 20)).toEqual(items.slice(0, 20));
    expect(pageOf(items, 3, 20)).toEqual([40, 41, 42, 43, 44]);
    expect(pageOf(items, 4, 20)).toEqual([]);
  });

  it("names the first, the last and the neighbours of the current page, with gaps of more than one page left out", () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(1, 3)).toEqual([1, 2, 3]);
    expect(pageNumbers(6, 40)).toEqual([1, null, 4, 5, 6, 7, 8, null, 40]);
    // A gap of a single page shows the page.
    expect(pageNumbers(5, 40)).toEqual([1, 2, 3, 4, 5, 6, 7, null, 40]);
  });

  it("always names pages in increasing order, the current one among them, each neighbour reachable", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 499 }), (last, offset) => {
        const current = 1 + (offset % last);
        const numbers = pageNumbers(current, last);
        const pages = numbers.filter((n): n is number => n !== null);
        expect(pages).toEqual([...new Set(pages)].sort((a, b) => a - b));
        expect(pages).toContain(current);
        expect(pages[0]).toBe(1);
        expect(pages.at(-1)).toBe(last);
        for (let near = current - PAGE_NEIGHBOURS; near <= current + PAGE_NEIGHBOURS; near++) if (near >= 1 && near <= last) expect(pages).toContain(near);
        // An ellipsis stands for two pages or more, and never two in a row.
        numbers.forEach((n, i) => {
          if (n === null) {
            expect(numbers[i + 1]! - numbers[i - 1]!).toBeGreaterThan(2);
          }
        });
      }),
    );
  });
});
