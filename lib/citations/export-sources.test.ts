import { describe, expect, it, vi } from "vitest";
import type { CslItem, CslName } from "./csl-item";
import { sourceToCslItem, UNTITLED_NOTE } from "./csl-item";
import { pinpointCitation } from "./export-pinpoint";
import { citationKeys, exportSources } from "./export-sources";
import type { SourceRecord } from "./group-sources";
import { registerCitationJs } from "./register-csl";

function source(fields: Partial<SourceRecord>): SourceRecord {
  return {
    key: "src-0000000000000001",
    title: null,
    authors: [],
    type: "other",
    date: null,
    container: null,
    issue: null,
    pages: null,
    versions: [],
    urls: [],
    citations: [],
    evidence: [],
    confidence: 1,
    ...fields,
  };
}

// Invented works, one of each kind the GB/T style distinguishes.
const speech = source({ key: "src-speech", title: "某某在某大会开幕式上的讲话", type: "speech", date: "2015-12-16", container: "新华网", urls: ["http://www.xinhuanet.com/politics/2015-12/16/c_1.htm"] });
const whitePaper = source({ key: "src-white", title: "携手某共同体", type: "white-paper", authors: ["国务院新闻办公室"], date: "2022-11-07", container: "国务院新闻办公室网站", urls: ["http://www.scio.gov.cn/zfbps/1.htm"] });
const article = source({ key: "src-article", title: "论某问题", type: "journal-article", authors: ["甲", "乙", "丙", "丁"], date: "2019", container: "某学刊", issue: "3", pages: "172-179" });
const book = source({ key: "src-book", title: "某书", type: "book", authors: ["王某"], date: "2019", container: "人民出版社", pages: "44-45" });
const newspaper = source({ key: "src-news", title: "某消息", type: "news-report", authors: ["记者甲"], date: "2020-01-02", container: "人民日报", pages: "3" });
const english = source({ key: "src-en", title: "The Regime Complex", type: "web-page", authors: ["World Economic Forum"], date: "2014-05-20", urls: ["https://www.example.org/regime/"] });
const all = [speech, whitePaper, article, book, newspaper, english];

const nameOf = (n: CslName) => n.literal ?? [n.family, n.given].filter(Boolean).join(" ");
const essentials = (item: Record<string, unknown>) => ({
  type: item.type,
  title: item.title,
  authors: ((item.author as CslName[] | undefined) ?? []).map(nameOf),
  issued: (item.issued as { "date-parts": number[][] } | undefined)?.["date-parts"],
  URL: item.URL,
});

describe("sourceToCslItem", () => {
  it("maps types, literal Chinese names, language, dates, container, publisher and pages", () => {
    expect(sourceToCslItem(speech)).toMatchObject({ type: "webpage", language: "zh-CN", "container-title": "新华网", issued: { "date-parts": [[2015, 12, 16]] } });
    expect(sourceToCslItem(article)).toMatchObject({ type: "article-journal", author: [{ literal: "甲" }, { literal: "乙" }, { literal: "丙" }, { literal: "丁" }], issue: "3", page: "172-179" });
    expect(sourceToCslItem(book)).toMatchObject({ type: "book", publisher: "人民出版社", issued: { "date-parts": [[2019]] } });
    expect(sourceToCslItem(whitePaper)).toMatchObject({ type: "report", genre: "白皮书" });
    expect(sourceToCslItem(newspaper).type).toBe("article-newspaper");
    expect(sourceToCslItem(english).language).toBe("en");
  });
});

describe("GB/T 7714-2015", () => {
  const lines = exportSources(all, "gbt7714", { accessed: "2024-01-05" }).body.trim().split("\n");
  it("formats each kind with its type mark, Chinese names, 等 and access data", () => {
    expect(lines).toEqual([
      "[1] 某某在某大会开幕式上的讲话[EB/OL]. (2015-12-16)[2024-01-05]. http://www.xinhuanet.com/politics/2015-12/16/c_1.htm.",
      "[2] 国务院新闻办公室. 携手某共同体[R/OL]. (2022-11-07)[2024-01-05]. http://www.scio.gov.cn/zfbps/1.htm.",
      "[3] 甲, 乙, 丙, 等. 论某问题[J]. 某学刊, 2019(3): 172-179.",
      "[4] 王某. 某书[M]. 人民出版社, 2019: 44-45.",
      "[5] 记者甲. 某消息[N]. 人民日报, 2020-01-02(3).",
      "[6] WORLD ECONOMIC FORUM. The Regime Complex[EB/OL]. (2014-05-20)[2024-01-05]. https://www.example.org/regime/.",
    ]);
    expect(lines.join("\n")).not.toMatch(/et al|等人/u);
  });
});

describe("round trips through citation-js", () => {
  const Cite = registerCitationJs();
  // Newspapers are left out: BibLaTeX has no newspaper type and citation-js 0.8 reads RIS NEWS without authors.
  const items = all.filter((s) => s !== newspaper);
  const expected = items.map((s) => essentials(sourceToCslItem(s) as unknown as Record<string, unknown>));

  for (const format of ["bibtex", "ris", "csl-json"] as const) {
    it(`${format}: parsed back into the same title, authors, date, type and URL`, () => {
      const result = exportSources(items, format);
      const parsed = new Cite(result.body).data;
      expect(parsed.map(essentials)).toEqual(expected);
    });
  }

  it("names the content type and extension of each format", () => {
    expect(exportSources([book], "bibtex")).toMatchObject({ contentType: "application/x-bibtex; charset=utf-8", fileExtension: "bib" });
    expect(exportSources([book], "ris").fileExtension).toBe("ris");
    expect(JSON.parse(exportSources([book], "csl-json").body)).toEqual([sourceToCslItem(book)]);
    expect(exportSources([book], "gbt7714").contentType).toMatch(/^text\/plain/u);
  });

  it("accepts CSL items as well as source records", () => {
    const item: CslItem = { id: "x", type: "book", title: "某书", author: [{ literal: "王某" }], publisher: "人民出版社", issued: { "date-parts": [[2019]] } };
    expect(exportSources([item], "gbt7714").body.trim()).toBe("[1] 王某. 某书[M]. 人民出版社, 2019.");
  });

  it("never touches the network", () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    exportSources(all, "gbt7714");
    exportSources(all, "bibtex");
    exportSources(all, "ris");
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });
});

describe("pinpointCitation", () => {
  const input = {
    document: { title: "论某治理：核心问题与方向", authors: ["徐某"], journal: "某研究", issue: "2023年第6期", date: "2023", slug: "xu-2023" },
    page: 37,
    url: "https://duizhao.example/documents/xu-2023#p-12",
    quote: "某段引文",
  };

  it("cites the paragraph's page and deep link in GB/T 7714, after the quote", () => {
    expect(pinpointCitation(input, "gbt7714").body).toBe(
      "“某段引文”\n徐某. 论某治理：核心问题与方向[J/OL]. 某研究, 2023(6): 37. https://duizhao.example/documents/xu-2023#p-12.\n",
    );
  });

  it("carries page, issue, URL and quote into BibTeX, RIS and CSL-JSON", () => {
    const bib = pinpointCitation(input, "bibtex").body;
    expect(bib).toMatch(/pages = \{37\}/u);
    expect(bib).toMatch(/number = \{6\}/u);
    expect(bib).toMatch(/note = \{某段引文\}/u);
    const ris = pinpointCitation(input, "ris").body;
    expect(ris).toMatch(/^SP {2}- 37$/mu);
    expect(ris).toMatch(/^UR {2}- https:\/\/duizhao\.example\/documents\/xu-2023#p-12$/mu);
    const [item] = JSON.parse(pinpointCitation(input, "csl-json").body) as CslItem[];
    expect(item).toMatchObject({ type: "article-journal", page: "37", issue: "6", "container-title": "某研究" });
  });
});

describe("a work no note gives a title for", () => {
  // The tail of a note whose title was lost in extraction: all that is left of the citation.
  const tail = source({ key: "src-02f750b8e6915cf1", type: "journal-article", date: "2018", pages: "182-190", issue: "5" });
  const cited = { ...tail, citedAs: "2018年第5期，第182-190页" };

  it("is cited by the note's words, in the note's language, never by its key", () => {
    const item = sourceToCslItem(cited);
    expect(item).toMatchObject({ title: "2018年第5期，第182-190页", language: "zh-CN", type: "document", note: UNTITLED_NOTE.zh });
    // The formats that print a key or title: neither is the id (RIS's ID and CSL-JSON's id are record ids, kept stable).
    for (const format of ["gbt7714", "bibtex"] as const) expect(exportSources([cited], format).body).not.toContain("src-02f750b8e6915cf1");
    expect(exportSources([cited], "ris").body).toMatch(/^TI {2}- 2018年第5期，第182-190页$/mu);
    expect(exportSources([cited], "gbt7714").body.trim()).toBe("[1] 2018年第5期，第182-190页[Z]. 2018.");
    expect(exportSources([cited], "bibtex").body).toMatch(/language = \{zh-CN\}/u);
  });

  it("keeps a titled work's language that of its title", () => {
    expect(sourceToCslItem({ ...english, citedAs: "参见某报告" }).language).toBe("en");
  });
});

describe("BibTeX keys", () => {
  it("come from author, year and title, never from internal ids", () => {
    const keys = citationKeys(all.map((s) => sourceToCslItem(s)));
    expect(keys).toEqual(["2015某某在某", "国务院新闻办公室2022携手某共", "甲2019论某问题", "王某2019某书", "记者甲2020某消息", "World2014Regime"]);
    const bib = exportSources(all, "bibtex").body;
    for (const s of all) expect(bib).not.toContain(s.key.replace(/-/gu, ""));
    expect(bib).toMatch(/^@\w+\{甲2019论某问题,$/mu);
  });

  it("are unique in a file: works that would share one get a, b, c…", () => {
    const twin = (key: string, title: string) => sourceToCslItem(source({ key, title, authors: ["王某"], date: "2019", type: "book" }));
    const items = [twin("src-1", "某书"), twin("src-2", "某书"), twin("src-3", "某书"), sourceToCslItem(book)];
    const keys = citationKeys(items);
    expect(keys).toEqual(["王某2019某书a", "王某2019某书b", "王某2019某书c", "王某2019某书d"]);
    expect(new Set(keys).size).toBe(keys.length);
    const bib = exportSources(items, "bibtex").body;
    expect(bib.match(/^@\w+\{[^,]+,$/gmu)).toHaveLength(4);
  });

  it("never empty, and free of characters a key may not hold", () => {
    const keys = citationKeys([{ id: "x", type: "document" }, { id: "y", type: "document", title: "{Weird}, \"quoted\" #title%" }]);
    expect(keys).toEqual(["anon", "Weird"]);
  });
});
