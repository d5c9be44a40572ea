import { describe, expect, it } from "vitest";
import { findTermOccurrences } from "./find-term-occurrences";

describe("findTermOccurrences", () => {
  it("finds every non-overlapping occurrence of a term, left to right", () => {
    expect(findTermOccurrences("哈哈哈哈哈", ["哈哈"]).map((m) => m.start)).toEqual([0, 2]);
  });

  it("merges several terms in text order, keeping overlaps between different terms", () => {
    const matches = findTermOccurrences("网络空间的网络", ["网络空间", "网络"]);
    expect(matches).toEqual([
      { start: 0, end: 4, term: 0 },
      { start: 0, end: 2, term: 1 },
      { start: 5, end: 7, term: 1 },
    ]);
  });

  it("finds nothing for an absent term", () => {
    expect(findTermOccurrences("网络空间", ["主权"])).toEqual([]);
  });
});
