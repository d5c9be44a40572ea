import { describe, expect, it } from "vitest";
import { catalogueFacetDeltas, catalogueFacetValues } from "./catalogue-facet-deltas";

describe("catalogueFacetValues", () => {
  it("reads a journal, a year from a date's four leading digits, and each author once", () => {
    expect(catalogueFacetValues({ journal: "国际展望", date: "2019-05", authors: ["王伟", "李娜", "王伟"] })).toEqual([
      { facet: "journal", value: "国际展望" },
      { facet: "year", value: "2019" },
      { facet: "author", value: "王伟" },
      { facet: "author", value: "李娜" },
    ]);
  });

  it("reads no year from a date not opening with four digits, and nothing from absent values", () => {
    for (const date of ["19-05", "二〇一九年", "", null]) expect(catalogueFacetValues({ journal: null, date, authors: [] })).toEqual([]);
    // An empty journal name is a journal (the catalogue's query counts it so), an absent one is not.
    expect(catalogueFacetValues({ journal: "", date: "20190", authors: [] })).toEqual([
      { facet: "journal", value: "" },
      { facet: "year", value: "2019" },
    ]);
  });
});

describe("catalogueFacetDeltas", () => {
  it("adds a new document's values and takes a removed one's away", () => {
    const document = { journal: "欧洲研究", date: "2020", authors: ["张敏"] };
    expect(catalogueFacetDeltas(null, document)).toEqual([
      { facet: "author", value: "张敏", delta: 1 },
      { facet: "journal", value: "欧洲研究", delta: 1 },
      { facet: "year", value: "2020", delta: 1 },
    ]);
    expect(catalogueFacetDeltas(document, null).map((d) => d.delta)).toEqual([-1, -1, -1]);
  });

  it("moves only the values a re-ingest changed", () => {
    expect(
      catalogueFacetDeltas({ journal: "欧洲研究", date: "2020-01", authors: ["张敏", "刘洋"] }, { journal: "欧洲研究", date: "2021", authors: ["刘洋", "陈静", "陈静"] }),
    ).toEqual([
      { facet: "author", value: "张敏", delta: -1 },
      { facet: "author", value: "陈静", delta: 1 },
      { facet: "year", value: "2020", delta: -1 },
      { facet: "year", value: "2021", delta: 1 },
    ]);
    expect(catalogueFacetDeltas({ journal: null, date: "2020", authors: ["甲"] }, { journal: null, date: "2020-12", authors: ["甲"] })).toEqual([]);
  });
});
