import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SourceRecord } from "@/lib/citations/group-sources";
import type { DocumentReference } from "./document-reference";
import { citedWorkJsonLd, jsonLdScriptText, scholarlyArticleJsonLd } from "./scholarly-article-json-ld";

const XU: DocumentReference = {
  slug: "xu-2023-global-cyberspace-governance",
  title: "全球网络空间治理:核心问题、中国方案与未来方向",
  authors: ["徐龙第"],
  journal: "欧洲研究",
  printedIssue: "2023年第6期",
  issue: "6",
  date: "2023",
  abstract: null,
  language: "zh",
  pages: null,
};
const READER = "https://duizhao.example.org/read/xu-2023-global-cyberspace-governance";
const TEI = { contentUrl: `https://duizhao.example.org/api/export/documents/${XU.slug}/tei`, encodingFormat: "application/tei+xml" };

function source(overrides: Partial<SourceRecord>): SourceRecord {
  return {
    key: "src-0123abcd",
    title: "携手构建网络空间命运共同体",
    authors: [],
    type: "white-paper",
    date: "2022-11",
    container: "国务院新闻办公室",
    issue: null,
    pages: null,
    versions: [],
    urls: [],
    citations: [],
    evidence: [],
    confidence: 1,
    ...overrides,
  };
}

describe("scholarlyArticleJsonLd", () => {
  it("describes the essay as a ScholarlyArticle in its issue of its periodical, with its exports", () => {
    expect(scholarlyArticleJsonLd(XU, { readerUrl: READER, encodings: [TEI] })).toEqual({
      "@context": "https://schema.org",
      "@type": "ScholarlyArticle",
      "@id": READER,
      url: READER,
      name: XU.title,
      headline: XU.title,
      inLanguage: "zh",
      author: [{ "@type": "Person", name: "徐龙第" }],
      datePublished: "2023",
      isPartOf: { "@type": "PublicationIssue", issueNumber: "6", isPartOf: { "@type": "Periodical", name: "欧洲研究" } },
      encoding: [{ "@type": "MediaObject", ...TEI }],
    });
  });

  it("leaves out what is unknown, and names pages when known", () => {
    const bare = scholarlyArticleJsonLd({ ...XU, authors: [], journal: null, issue: null, date: null }, { readerUrl: READER, encodings: [] });
    for (const key of ["author", "datePublished", "isPartOf", "encoding", "pageStart", "abstract"]) expect(bare).not.toHaveProperty(key);
    const journalOnly = scholarlyArticleJsonLd({ ...XU, issue: null }, { readerUrl: READER, encodings: [] });
    expect(journalOnly.isPartOf).toEqual({ "@type": "Periodical", name: "欧洲研究" });
    const paged = scholarlyArticleJsonLd({ ...XU, pages: { first: "1", last: "27" } }, { readerUrl: READER, encodings: [] });
    expect(paged).toMatchObject({ pageStart: "1", pageEnd: "27" });
  });
});

describe("citedWorkJsonLd", () => {
  const page = { sourcePageUrl: "https://duizhao.example.org/sources/src-0123abcd" };

  it("types a cited work as its grouping says, CreativeWork when it says nothing", () => {
    expect(citedWorkJsonLd(source({ type: "journal-article" }), page)["@type"]).toBe("ScholarlyArticle");
    expect(citedWorkJsonLd(source({ type: "news-report" }), page)["@type"]).toBe("NewsArticle");
    expect(citedWorkJsonLd(source({ type: "speech" }), page)["@type"]).toBe("CreativeWork");
    expect(citedWorkJsonLd(source({ type: "other" }), page)["@type"]).toBe("CreativeWork");
  });

  it("places a journal article in its issue and periodical, with its pages and untyped authors", () => {
    const work = citedWorkJsonLd(source({ type: "journal-article", container: "国际问题研究", issue: "3", pages: "12-20", authors: ["王明"], date: "2021" }), page);
    expect(work).toMatchObject({
      name: "携手构建网络空间命运共同体",
      headline: "携手构建网络空间命运共同体",
      author: [{ name: "王明" }],
      datePublished: "2021",
      inLanguage: "zh-CN",
      pagination: "12-20",
      mainEntityOfPage: page.sourcePageUrl,
      isPartOf: { "@type": "PublicationIssue", issueNumber: "3", isPartOf: { "@type": "Periodical", name: "国际问题研究" } },
    });
  });

  it("has the issuing body of a report publish it, and a news site contain its report; urls as url and sameAs", () => {
    expect(citedWorkJsonLd(source({}), page)).toMatchObject({ "@type": "Report", publisher: { "@type": "Organization", name: "国务院新闻办公室" } });
    const news = citedWorkJsonLd(source({ type: "news-report", container: "新华网", urls: ["http://a.example/1", "http://b.example/2"] }), page);
    expect(news).toMatchObject({ isPartOf: { "@type": "CreativeWork", name: "新华网" }, url: "http://a.example/1", sameAs: ["http://b.example/2"] });
    expect(news).not.toHaveProperty("publisher");
  });

  it("leaves out what the notes do not give", () => {
    const work = citedWorkJsonLd(source({ title: null, date: null, container: null, urls: [], type: "other" }), page);
    expect(Object.keys(work).sort()).toEqual(["@context", "@type", "inLanguage", "mainEntityOfPage"].sort());
  });
});

describe("jsonLdScriptText", () => {
  it("keeps corpus text that would close the script inside its string", () => {
    const hostile = { name: "</script><script>alert(1)</script><!-- & \u2028" };
    const text = jsonLdScriptText(hostile);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/u);
    expect(JSON.parse(text)).toEqual(hostile);
  });

  it("is the same JSON for any text, with no character that could end a script (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string(), (name, headline) => {
        const value = { "@type": "ScholarlyArticle", name, headline };
        const text = jsonLdScriptText(value);
        expect(text).not.toMatch(/[<>&\u2028\u2029]/u);
        expect(JSON.parse(text)).toEqual(value);
      }),
      { seed: 14, numRuns: 500 },
    );
  });
});
