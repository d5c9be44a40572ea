import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type OrderedSource, SOURCE_SORTS, sourceOrder } from "./order-sources";

const source = (key: string, title: string | null, extra: Partial<OrderedSource> = {}): OrderedSource => ({
  key,
  title,
  citedAs: title === null ? `${key} 的注文` : null,
  date: null,
  type: "journal-article",
  timesCited: 1,
  ...extra,
});

// The corpus's case (issue 17): an untitled work whose note starts with its year, among titled works.
const untitled2018 = source("u1", null, { citedAs: "2018年第5期，第182-190页", date: "2018" });
const untitledAuthor = source("u2", null, { citedAs: "王某：载《某刊》", date: "2020" });
const titled = [
  source("t1", "网络主权：理论与实践", { date: "2021" }),
  source("t2", "Cyber Sovereignty Reconsidered", { date: "2019" }),
  source("t3", "安全与发展", { date: "2015" }),
];
const keys = (list: OrderedSource[]) => list.map((s) => s.key);

describe("sourceOrder", () => {
  it("files untitled works after every titled one, by the words they are named by, not first for a note starting 2018年", () => {
    const sorted = [untitled2018, ...titled, untitledAuthor].sort(sourceOrder("title"));
    // Titles by pinyin (安 an, 网 wang; the pinyin collation files Latin titles after Han ones), then the
    // untitled: 2018年… before 王某…, as the same collation files their words.
    expect(keys(sorted)).toEqual(["t3", "t1", "t2", "u1", "u2"]);
  });

  it("keeps untitled works last when titles run Z→A, themselves reversed", () => {
    const sorted = [untitled2018, untitledAuthor, ...titled].sort(sourceOrder("title", "desc"));
    expect(keys(sorted)).toEqual(["t2", "t1", "t3", "u2", "u1"]);
  });

  it("files undated works last in either direction", () => {
    const undated = source("n", "无日期", { date: null });
    expect(keys([undated, ...titled].sort(sourceOrder("date")))).toEqual(["t3", "t2", "t1", "n"]);
    expect(keys([undated, ...titled].sort(sourceOrder("date", "desc")))).toEqual(["t1", "t2", "t3", "n"]);
  });

  it("puts the most cited first by default, ties by title with the untitled after", () => {
    const list = [untitled2018, source("a", "乙", { timesCited: 3 }), source("b", "甲", { timesCited: 1 })];
    expect(keys(list.sort(sourceOrder("cited")))).toEqual(["a", "b", "u1"]);
  });

  it("is a total order: any shuffle of the same sources sorts to the same list, under every sort and direction", () => {
    const arbitrarySource = fc.record({
      key: fc.uuid(),
      title: fc.option(fc.string({ maxLength: 6 }), { nil: null }),
      citedAs: fc.option(fc.string({ maxLength: 6 }), { nil: null }),
      date: fc.option(fc.constantFrom("2015", "2018-05", "2021-09-28"), { nil: null }),
      type: fc.constantFrom("journal-article" as const, "book" as const, "web-page" as const),
      timesCited: fc.nat(5),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arbitrarySource, { selector: (s) => s.key, maxLength: 12 }), fc.constantFrom(...SOURCE_SORTS), fc.constantFrom("asc" as const, "desc" as const), (list, sort, dir) => {
        const order = sourceOrder(sort, dir);
        const once = keys([...list].sort(order));
        expect(keys([...list].reverse().sort(order))).toEqual(once);
        // Whatever the direction, nothing lacking a title (by title) comes before a titled work.
        if (sort === "title") {
          const sorted = [...list].sort(order);
          const firstUntitled = sorted.findIndex((s) => s.title === null);
          if (firstUntitled >= 0) expect(sorted.slice(firstUntitled).every((s) => s.title === null)).toBe(true);
        }
      }),
    );
  });
});
