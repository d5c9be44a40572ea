import { describe, expect, it } from "vitest";
import { type CitingPlace, pairSharedSources } from "./pair-shared-sources";

const place = (sourceId: string, note: number, citation: number, marker: CitingPlace["marker"] = { blockKind: "paragraph", blockAnchor: `p-${note}`, offset: note * 10 }): CitingPlace => ({
  sourceId,
  footnoteAnchor: `n-${note}`,
  citationAnchor: `n-${note}-c${citation}`,
  footnoteOrdinal: note,
  citationOrdinal: citation,
  marker,
});

const sources = new Map([
  ["s1", { key: "src-b", title: "甲书", type: "book", confidence: 0.9, merges: [{ kind: "same-title" }] }],
  ["s2", { key: "src-a", title: null, type: "web", confidence: 1, merges: [] }],
  ["s3", { key: "src-c", title: "只在左边", type: "book", confidence: 1, merges: [] }],
]);

describe("pairSharedSources", () => {
  it("pairs every citation of a work in one document with every citation of it in the other, at their markers", () => {
    const links = pairSharedSources([place("s1", 1, 1), place("s1", 3, 1), place("s3", 2, 1)], [place("s1", 5, 2)], sources);
    expect(links).toHaveLength(2);
    expect(links[0]).toEqual({
      left: { blockKind: "paragraph", anchor: "p-1", start: 10, end: 10 },
      right: { blockKind: "paragraph", anchor: "p-5", start: 50, end: 50 },
      confidence: 0.9,
      evidence: { sourceKey: "src-b", title: "甲书", type: "book", leftNote: "n-1", rightNote: "n-5", leftCitation: "n-1-c1", rightCitation: "n-5-c2", match: [{ kind: "same-title" }] },
    });
    expect(links[1]!.evidence.leftNote).toBe("n-3");
  });

  it("orders by source key then reading order, and leaves out a note called from nowhere in the text", () => {
    const links = pairSharedSources(
      [place("s1", 4, 1), place("s2", 2, 1), place("s1", 1, 2, null)],
      [place("s2", 9, 1), place("s1", 3, 1), place("s1", 1, 1)],
      sources,
    );
    expect(links.map((l) => `${l.evidence.sourceKey} ${l.evidence.leftNote}→${l.evidence.rightNote}`)).toEqual(["src-a n-2→n-9", "src-b n-4→n-1", "src-b n-4→n-3"]);
  });

  it("links nothing when the documents cite no work in common", () => {
    expect(pairSharedSources([place("s1", 1, 1)], [place("s2", 1, 1)], sources)).toEqual([]);
  });
});
