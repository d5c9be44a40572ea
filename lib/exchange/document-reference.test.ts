import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DocumentStructure } from "@/lib/model/document-model";
import { documentCslItem, documentReference, exportDocumentReference, issueNumber } from "./document-reference";

const DOCUMENT: DocumentStructure = {
  slug: "xu-2023-global-cyberspace-governance",
  title: "全球网络空间治理:核心问题、中国方案与未来方向",
  authors: ["徐龙第"],
  journal: "欧洲研究",
  issue: "2023年第6期",
  date: "2023",
  abstract: "在过去的十年中，全球网络空间治理成为学理研究和政策辩论的焦点之一。",
  pageCount: 27,
  headings: [],
  paragraphs: [],
  footnotes: [],
  fragments: [],
  debris: [],
  warnings: [],
  corrections: [],
};
const URL = "https://duizhao.example.org/read/xu-2023-global-cyberspace-governance";

describe("issueNumber", () => {
  it("reads the number of a 年第N期 issue, however the PDF spaced it", () => {
    expect(issueNumber("2023年第6期")).toBe("6");
    expect(issueNumber("2023 年 第 12 期")).toBe("12");
    expect(issueNumber("第3期")).toBe("3");
  });

  it("keeps any other issue as printed, and an empty one as unknown", () => {
    expect(issueNumber("Vol. 4, No. 2")).toBe("Vol. 4, No. 2");
    expect(issueNumber(" 6 ")).toBe("6");
    expect(issueNumber("")).toBeNull();
    expect(issueNumber(null)).toBeNull();
  });

  it("never invents: the result is the printed number or the printed text (property)", () => {
    fc.assert(
      fc.property(fc.string(), (printed) => {
        const result = issueNumber(printed);
        if (printed.trim() === "") expect(result).toBeNull();
        else expect(printed.includes(result!)).toBe(true);
      }),
      { seed: 14, numRuns: 500 },
    );
  });
});

describe("documentReference", () => {
  it("is the essay as a journal article, unknown fields left null", () => {
    expect(documentReference(DOCUMENT)).toEqual({
      slug: DOCUMENT.slug,
      title: DOCUMENT.title,
      authors: ["徐龙第"],
      journal: "欧洲研究",
      printedIssue: "2023年第6期",
      issue: "6",
      date: "2023",
      abstract: DOCUMENT.abstract,
      language: "zh",
      pages: null,
    });
    const bare = documentReference({ ...DOCUMENT, authors: [], journal: null, issue: null, date: null, abstract: null });
    expect(bare).toMatchObject({ authors: [], journal: null, issue: null, printedIssue: null, date: null, abstract: null });
  });

  it("makes a CSL item with the reader's address and no field it does not know", () => {
    const item = documentCslItem(documentReference({ ...DOCUMENT, journal: null, date: null }), URL);
    expect(item).toEqual({
      id: DOCUMENT.slug,
      type: "article-journal",
      title: DOCUMENT.title,
      language: "zh-CN",
      author: [{ literal: "徐龙第" }],
      issue: "6",
      abstract: DOCUMENT.abstract,
      URL,
    });
  });
});

describe("exportDocumentReference", () => {
  it("writes RIS a reference manager imports as the journal article", () => {
    const result = exportDocumentReference(documentReference(DOCUMENT), "ris", URL);
    expect(result.contentType).toBe("application/x-research-info-systems; charset=utf-8");
    expect(result.fileExtension).toBe("ris");
    const lines = result.body.split(/\r?\n/u);
    expect(lines[0]).toBe("TY  - JOUR");
    expect(lines).toContain(`TI  - ${DOCUMENT.title}`);
    expect(lines).toContain("AU  - 徐龙第");
    expect(lines.some((line) => /^(T2|JO|JF)  - 欧洲研究$/u.test(line))).toBe(true);
    expect(lines).toContain("IS  - 6");
    expect(lines.some((line) => /^(PY|DA|Y1)  - 2023/u.test(line))).toBe(true);
    expect(lines).toContain(`UR  - ${URL}`);
    expect(lines.filter((line) => line.startsWith("ER  -"))).toHaveLength(1);
  });

  it("writes a BibLaTeX @article (keyed as lib/citations keys every entry: author, year, title word), Chinese text kept", () => {
    const result = exportDocumentReference(documentReference(DOCUMENT), "bibtex", URL);
    expect(result.contentType).toBe("application/x-bibtex; charset=utf-8");
    expect(result.body).toMatch(/^@article\{徐龙第2023[^,\s]*,/u);
    expect(result.body.match(/^@/gmu)).toHaveLength(1);
    expect(result.body).toContain("journaltitle = {欧洲研究}");
    expect(result.body).toMatch(/author = \{\{?徐龙第\}?\}/u);
    expect(result.body).toMatch(/number = \{6\}|issue = \{6\}/u);
    expect(result.body).toContain("date = {2023}");
  });

  it("writes the GB/T 7714 reference of the essay, read online ([J/OL] with the reader's address)", () => {
    const result = exportDocumentReference(documentReference(DOCUMENT), "gbt7714", URL);
    expect(result.body.trim()).toBe(`[1] 徐龙第. ${DOCUMENT.title}[J/OL]. 欧洲研究, 2023(6). ${URL}.`);
  });
});
