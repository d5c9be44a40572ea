import { describe, expect, it } from "vitest";
import type { DocumentStructure, Footnote } from "@/lib/model/document-model";
import { locatePageBreaks, pageLocator } from "./locate-page-breaks";

function note(page: number, line: number, status: Footnote["status"] = "missing", how: "label" | "correction" = "label"): Footnote {
  return {
    anchor: `n-${page}-${line}`,
    label: "①",
    page,
    status,
    text: status === "present" ? "注。" : "",
    citations: [],
    sourceLines: [line, line],
    attachment: status === "present" ? { how, confidence: 1, uncertain: false, evidence: "e" } : null,
    correction: null,
  };
}

function document(pageCount: number, footnotes: Footnote[], fragments: DocumentStructure["fragments"] = []): DocumentStructure {
  return {
    slug: "d",
    title: "T",
    authors: [],
    journal: null,
    issue: null,
    date: null,
    abstract: null,
    pageCount,
    headings: [],
    paragraphs: [],
    footnotes,
    fragments,
    debris: [],
    warnings: [],
    corrections: [],
  };
}

const block = (from: number, to: number) => ({ sourceLines: [from, to] as const });

describe("pageLocator", () => {
  it("knows a line's page only when the evidence on both sides agrees", () => {
    // Page 1: a marker on line 5 and its note area at line 20; page 2: a marker on line 30.
    const pageOf = pageLocator(document(3, [note(1, 5), note(1, 20, "present"), note(2, 30)]));
    expect(pageOf(1)).toBe(1); // before any evidence: page 1 or later, and no later than page 1
    expect(pageOf(10)).toBe(1);
    expect(pageOf(25)).toBeNull(); // after page 1's notes, before page 2's marker: 1 or 2
    expect(pageOf(30)).toBe(2);
    expect(pageOf(40)).toBeNull(); // 2 or 3
  });

  it("ignores a note an editor attached (its text may stand in another page's note area) and uses unattached texts", () => {
    const pageOf = pageLocator(
      document(2, [note(1, 50, "present", "correction"), note(2, 60)], [{ text: "t", sourceLines: [20, 22], page: 1, candidates: [], reason: "r" }]),
    );
    expect(pageOf(10)).toBe(1);
    expect(pageOf(40)).toBeNull();
  });

  it("knows nothing without pages", () => {
    expect(pageLocator(document(0, []))(1)).toBeNull();
  });
});

describe("locatePageBreaks", () => {
  it("breaks between two blocks whose pages are known to differ, with every page between, and opens the first block's page", () => {
    const doc = document(4, [note(1, 9), note(1, 12), note(2, 14), note(2, 16), note(4, 30)]);
    // block 10-11 on page 1; 14-16 on page 2; 30 on page 4 (page 3 held no body text between them)
    expect(locatePageBreaks(doc, [block(10, 11), block(14, 16), block(30, 30)])).toEqual([[1], [2], [3, 4]]);
  });

  it("places no break where a block runs over the page, or where a page is not known", () => {
    const doc = document(3, [note(1, 5), note(2, 20), note(3, 40)]);
    // 5-20 runs from page 1 into page 2; 21-39 is between pages 2 and 3: unknown.
    expect(locatePageBreaks(doc, [block(5, 20), block(21, 25), block(40, 41)])).toEqual([[1], [], []]);
  });

  it("takes a block's pages from the pages that begin inside it, where the notes do not pin them", () => {
    // No notes at all: only the blocks' own page breaks say where they stand. 1-9 runs from page 1 onto 2;
    // 10-19 runs from page 3 onto 4 (page 3 begins between them); 20-25 stays on page 4.
    const doc = document(4, []);
    const runsOver = (from: number, to: number, ...pages: number[]) => ({ ...block(from, to), pageBreaks: pages.map((page) => ({ page })) });
    expect(locatePageBreaks(doc, [runsOver(1, 9, 2), runsOver(10, 19, 4), block(20, 25)])).toEqual([[1], [3], []]);
  });
});
