import { describe, expect, it } from "vitest";
import type { DocumentDraft } from "./document-draft";
import { formatQualityReport, qualityFigures } from "./quality-report";

const draft: DocumentDraft = {
  slug: "x",
  title: "标题",
  authors: [],
  journal: null,
  issue: null,
  date: null,
  abstract: null,
  pageCount: 2,
  headings: [],
  paragraphs: [
    { anchor: "p-1", headingAnchor: null, text: "正文。", markers: [{ label: "①", footnoteAnchor: "n-1", offset: 3 }, { label: "②", footnoteAnchor: "n-2", offset: 3 }], sourceLines: [3, 5], correction: null },
  ],
  footnotes: [
    {
      anchor: "n-1", label: "①", page: 1, status: "present", text: "《书》。", sourceLines: [7, 7], attachment: null, correction: null,
      citations: [{ anchor: "n-1-c1", raw: "《书》", authors: [], title: null, container: null, date: null, pages: null, url: "http://www.", repeats: null, sourceLines: [7, 7] }],
    },
    { anchor: "n-2", label: "②", page: 1, status: "missing", text: "", citations: [], sourceLines: [5, 5], attachment: null, correction: null },
  ],
  fragments: [{ text: "残片。", sourceLines: [9, 9], page: 1, candidates: [], reason: "No marker on page 1 is left without a note." }],
  debris: [{ kind: "folio", text: "27", line: 1 }],
  warnings: [{ code: "note-missing", message: "Page 1: no text for ②.", sourceLines: [5, 5] }],
  corrections: [],
};

describe("quality report", () => {
  it("counts what was found and what was lost", () => {
    expect(qualityFigures(draft)).toMatchObject({
      pages: 2, paragraphs: 1, markers: 2, notesPresent: 1, notesMissing: 1, notesTruncated: 0, fragments: 1,
      citations: 1, citationsWithoutTitle: 1, citationsWithSuspiciousUrl: 1, warnings: 1,
    });
  });

  it("lists every warning with its lines and the suspicious URLs", () => {
    const report = formatQualityReport(draft);
    expect(report).toContain("[note-missing] line 5: Page 1: no text for ②.");
    expect(report).toContain("n-1-c1 http://www.");
    expect(report).toContain("1 present, 1 missing, 0 truncated");
  });
});
