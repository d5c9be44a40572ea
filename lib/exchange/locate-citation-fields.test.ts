import { describe, expect, it } from "vitest";
import type { Citation } from "@/lib/model/document-model";
import { locateCitationFields } from "./locate-citation-fields";

function citation(raw: string, fields: Partial<Citation>): Citation {
  return { anchor: "n-1-c1", raw, authors: [], title: null, container: null, date: null, pages: null, url: null, repeats: null, sourceLines: [1, 1], ...fields };
}

/** Each located field as the words it covers. */
function words(c: Citation): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const span of locateCitationFields(c).spans) (out[span.field] ??= []).push(c.raw.slice(span.start, span.end));
  return out;
}

describe("locateCitationFields", () => {
  it("finds a journal article's authors, title, journal, year and pages where the note prints them", () => {
    const c = citation("阙天舒、李虹：《网络空间命运共同体：构建全球网络治理新秩序的中国方案》，载《当代世界与社会主义》，2019年第3期，第172-179页", {
      authors: ["阙天舒", "李虹"],
      title: "网络空间命运共同体：构建全球网络治理新秩序的中国方案",
      container: "当代世界与社会主义",
      date: "2019",
      pages: "172-179",
    });
    expect(words(c)).toEqual({
      author: ["阙天舒", "李虹"],
      title: ["网络空间命运共同体：构建全球网络治理新秩序的中国方案"],
      container: ["当代世界与社会主义"],
      date: ["2019年"],
      pages: ["第172-179页"],
    });
    expect(locateCitationFields(c).unlocated).toEqual([]);
  });

  it("reads a date as the parser does (年月日 to an ISO date) and never inside the URL or the title", () => {
    const c = citation("《2015年1月9日的信》，新华网，2018年4月21日，http://www.xinhuanet.com/politics/2018-04/21/c_1122719810.htm", {
      title: "2015年1月9日的信",
      container: "新华网",
      date: "2018-04-21",
      url: "http://www.xinhuanet.com/politics/2018-04/21/c_1122719810.htm",
    });
    expect(words(c)).toMatchObject({ date: ["2018年4月21日"], url: ["http://www.xinhuanet.com/politics/2018-04/21/c_1122719810.htm"] });
  });

  it("lists what the words do not say: a repaired URL, a date or pages not printed as such", () => {
    const c = citation("《标题》，某网站，ｈｔｔｐ：／／ｅｘａｍｐｌｅ．ｏｒｇ", { title: "标题", url: "http://example.org", date: "2020-01-01", pages: "5" });
    expect(locateCitationFields(c).unlocated).toEqual([
      { field: "url", value: "http://example.org" },
      { field: "pages", value: "5" },
      { field: "date", value: "2020-01-01" },
    ]);
  });

  it("does not take a number that merely equals the pages (an issue number) for the page range", () => {
    const c = citation("李超民：《题》，载《管理学刊》，2020年第4期，第4页", { authors: ["李超民"], title: "题", container: "管理学刊", date: "2020", pages: "4" });
    expect(words(c).pages).toEqual(["第4页"]);
  });

  it("reads English dates and page ranges", () => {
    const c = citation("Joseph S. Nye, “The Regime Complex for Managing Global Cyber Activities,” Global Commission on Internet Governance, May 20, 2014, pp. 5-7", {
      authors: ["Joseph S. Nye"],
      title: "The Regime Complex for Managing Global Cyber Activities",
      date: "2014-05-20",
      pages: "5-7",
    });
    expect(words(c)).toMatchObject({ author: ["Joseph S. Nye"], date: ["May 20, 2014"], pages: ["pp. 5-7"] });
  });
});
