import { describe, expect, it } from "vitest";
import { readConcordanceSort, sortConcordance, type SortableLine } from "./sort-concordance";

const lines: (SortableLine & { id: string })[] = [
  { id: "a", index: 0, fraction: 0.5, left: "各国应当尊重", right: "，反对霸权" },
  { id: "b", index: 1, fraction: 0.9, left: "坚决维护", right: "是首要原则" },
  { id: "c", index: 2, fraction: 0.1, left: "", right: "的内涵" },
  { id: "d", index: 3, fraction: 0.5, left: "我们尊重", right: "，反对霸权" },
];
const ids = (sorted: typeof lines) => sorted.map((l) => l.id).join("");

describe("sortConcordance", () => {
  it("keeps corpus order by document, and reverses it on request", () => {
    expect(ids(sortConcordance(lines, { key: "document", order: "asc" }))).toBe("abcd");
    expect(ids(sortConcordance(lines, { key: "document", order: "desc" }))).toBe("dcba");
  });

  it("sorts by how far through its document a line stands, ties in corpus order", () => {
    expect(ids(sortConcordance(lines, { key: "position", order: "asc" }))).toBe("cadb");
    expect(ids(sortConcordance(lines, { key: "position", order: "desc" }))).toBe("badc");
  });

  it("sorts left context by the characters nearest the keyword", () => {
    const sorted = ids(sortConcordance(lines, { key: "left", order: "asc" }));
    // Empty left context first; then the two 尊重 lines together (corpus order), whatever precedes them.
    expect(sorted[0]).toBe("c");
    expect(sorted.indexOf("d") - sorted.indexOf("a")).toBe(1);
  });

  it("sorts right context, equal contexts in corpus order", () => {
    const sorted = ids(sortConcordance(lines, { key: "right", order: "asc" }));
    expect(sorted.indexOf("d") - sorted.indexOf("a")).toBe(1);
    expect(ids(sortConcordance(lines, { key: "right", order: "desc" })).indexOf("d") - ids(sortConcordance(lines, { key: "right", order: "desc" })).indexOf("a")).toBe(1);
  });
});

describe("readConcordanceSort", () => {
  it("reads a known sort and falls back to corpus order on anything else", () => {
    expect(readConcordanceSort({ sort: "left", order: "desc" })).toEqual({ key: "left", order: "desc" });
    expect(readConcordanceSort({ sort: ["right", "left"] })).toEqual({ key: "right", order: "asc" });
    expect(readConcordanceSort({ sort: "<script>", order: "sideways" })).toEqual({ key: "document", order: "asc" });
  });
});
