import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SourceRecord } from "@/lib/citations/group-sources";
import { zoteroItemFromMetaTags } from "@/tests/e2e/embedded-metadata-translator";
import { citationMetaTags, citedWorkMetaTags, metaTagsAsMetadataOther, scholarPublicationDate } from "./citation-meta-tags";
import type { DocumentReference } from "./document-reference";

const XU: DocumentReference = {
  slug: "xu-2023-global-cyberspace-governance",
  title: "全球网络空间治理:核心问题、中国方案与未来方向",
  authors: ["徐龙第"],
  journal: "欧洲研究",
  printedIssue: "2023年第6期",
  issue: "6",
  date: "2023",
  abstract: "在过去的十年中，全球网络空间治理成为学理研究和政策辩论的焦点之一。",
  language: "zh",
  pages: null,
};

/** What the manifest of corpus 001 leaves: no author, journal, issue or date. */
const UNKNOWN: DocumentReference = { ...XU, slug: "community", title: "网络空间命运共同体", authors: [], journal: null, printedIssue: null, issue: null, date: null, abstract: null };

const asInput = (tags: readonly (readonly [string, string])[]) => tags.map(([name, content]) => ({ name, content }));

describe("citationMetaTags", () => {
  it("writes the Highwire tags of a journal article, one citation_author per author, in order", () => {
    const tags = citationMetaTags({ ...XU, authors: ["徐龙第", "Jane Smith"] });
    expect(tags).toEqual([
      ["citation_title", XU.title],
      ["citation_author", "徐龙第"],
      ["citation_author", "Jane Smith"],
      ["citation_journal_title", "欧洲研究"],
      ["citation_issue", "6"],
      ["citation_publication_date", "2023"],
      ["citation_language", "zh"],
      ["citation_abstract", XU.abstract],
    ]);
  });

  it("leaves out what is unknown: no empty author, journal, issue, date, pages or PDF tag", () => {
    const names = citationMetaTags(UNKNOWN).map(([name]) => name);
    expect(names).toEqual(["citation_title", "citation_language"]);
  });

  it("names pages and the PDF only when known", () => {
    const tags = citationMetaTags({ ...XU, pages: { first: "1", last: "27" } }, { pdfUrl: "https://example.org/a.pdf" });
    expect(tags).toContainEqual(["citation_firstpage", "1"]);
    expect(tags).toContainEqual(["citation_lastpage", "27"]);
    expect(tags).toContainEqual(["citation_pdf_url", "https://example.org/a.pdf"]);
    const firstOnly = citationMetaTags({ ...XU, pages: { first: "e12", last: null } }).map(([name]) => name);
    expect(firstOnly).toContain("citation_firstpage");
    expect(firstOnly).not.toContain("citation_lastpage");
  });

  it("gives Next's `other` an array where a name repeats, keeping the order", () => {
    const other = metaTagsAsMetadataOther(citationMetaTags({ ...XU, authors: ["甲乙", "丙丁", "戊己"] }));
    expect(other.citation_author).toEqual(["甲乙", "丙丁", "戊己"]);
    expect(other.citation_title).toBe(XU.title);
  });

  it("is read by Zotero's Embedded Metadata rules as the journal article it is", () => {
    const item = zoteroItemFromMetaTags(asInput(citationMetaTags({ ...XU, authors: ["徐龙第", "Jane Smith", "Smith, John", "让-皮埃尔·拉法兰"] })));
    expect(item).toMatchObject({ itemType: "journalArticle", title: XU.title, publicationTitle: "欧洲研究", issue: "6", date: "2023", language: "zh" });
    expect(item.creators.map(({ lastName, firstName }) => [lastName, firstName])).toEqual([
      ["徐", "龙第"],
      ["Smith", "Jane"],
      ["Smith", "John"],
      ["拉法兰", "让-皮埃尔"],
    ]);
    expect(item.attachments).toEqual([]);
    // With nothing known but the title, Zotero still guesses a journal article from citation_title.
    expect(zoteroItemFromMetaTags(asInput(citationMetaTags(UNKNOWN)))).toMatchObject({ itemType: "journalArticle", creators: [], title: UNKNOWN.title });
  });

  it("round-trips any author list and issue through the translator (property)", () => {
    const name = fc.stringMatching(/^[\u4e00-\u9fa5]{2,4}$/u);
    fc.assert(
      fc.property(fc.array(name, { maxLength: 6 }), fc.integer({ min: 1, max: 24 }), (authors, issue) => {
        const item = zoteroItemFromMetaTags(asInput(citationMetaTags({ ...XU, authors, issue: String(issue) })));
        expect(item.creators.map((c) => c.lastName + c.firstName)).toEqual(authors);
        expect(item.issue).toBe(String(issue));
      }),
      { seed: 14, numRuns: 200 },
    );
  });
});

describe("scholarPublicationDate", () => {
  it("writes Google Scholar's 2010/5/12 form, as precise as the date is", () => {
    expect(scholarPublicationDate("2015-12-16")).toBe("2015/12/16");
    expect(scholarPublicationDate("2015-03-05")).toBe("2015/3/5");
    expect(scholarPublicationDate("2015-12")).toBe("2015/12");
    expect(scholarPublicationDate("2023")).toBe("2023");
  });

  it("leaves out what is not a date, and keeps the year of an impossible month", () => {
    expect(scholarPublicationDate(null)).toBeNull();
    expect(scholarPublicationDate("2023年")).toBeNull();
    expect(scholarPublicationDate("spring 2023")).toBeNull();
    expect(scholarPublicationDate("2023-13")).toBe("2023");
  });
});

describe("citedWorkMetaTags", () => {
  const base: SourceRecord = {
    key: "src-0123abcd",
    title: "网络空间国际合作战略",
    authors: [],
    type: "white-paper",
    date: "2017-03-01",
    container: "外交部",
    issue: null,
    pages: null,
    versions: [],
    urls: ["http://www.example.cn/strategy.htm"],
    citations: [],
    evidence: [],
    confidence: 1,
  };

  it("makes a white paper with a known issuing body a report Zotero files as one", () => {
    const tags = citedWorkMetaTags(base);
    expect(tags).toEqual([
      ["citation_title", "网络空间国际合作战略"],
      ["citation_technical_report_institution", "外交部"],
      ["citation_publication_date", "2017/3/1"],
      ["citation_public_url", "http://www.example.cn/strategy.htm"],
    ]);
    expect(zoteroItemFromMetaTags(asInput(tags)).itemType).toBe("report");
  });

  it("makes a journal article one, with its issue and page range", () => {
    const tags = citedWorkMetaTags({ ...base, type: "journal-article", container: "国际问题研究", issue: "3", pages: "12–20", authors: ["王明", "李华"], urls: [] });
    const item = zoteroItemFromMetaTags(asInput(tags));
    expect(item).toMatchObject({ itemType: "journalArticle", publicationTitle: "国际问题研究", issue: "3", pages: "12-20", date: "2017/3/1" });
    expect(item.creators.map((c) => [c.lastName, c.firstName])).toEqual([["王", "明"], ["李", "华"]]);
    expect(citedWorkMetaTags({ ...base, type: "journal-article", container: "国际问题研究", pages: "第3版" }).map(([name]) => name)).not.toContain("citation_firstpage");
  });

  it("writes nothing that would misfile a work: a news report, a speech, a work without title, a report hosted by a site", () => {
    expect(citedWorkMetaTags({ ...base, type: "news-report", container: "新华网" })).toEqual([]);
    expect(citedWorkMetaTags({ ...base, type: "speech" })).toEqual([]);
    expect(citedWorkMetaTags({ ...base, title: null })).toEqual([]);
    expect(citedWorkMetaTags({ ...base, type: "report", container: "中国网信网" })).toEqual([]);
    expect(citedWorkMetaTags({ ...base, type: "journal-article", container: null })).toEqual([]);
  });
});
