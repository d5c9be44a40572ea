import { describe, expect, it } from "vitest";
import type { DocumentStructure } from "@/lib/model/document-model";
import { formatQualityReport, qualityFigures } from "./quality-report";

const draft: DocumentStructure = {
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

/** The same essay after a corrections file: one note placed by wording, one marker unlocated, two entries. */
const corrected: DocumentStructure = {
  ...draft,
  footnotes: [
    {
      ...draft.footnotes[0]!,
      attachment: { how: "wording", confidence: 0.6, uncertain: true, evidence: "Shares 《书》 with the sentence before ① (lines 3, 7)." },
    },
    { ...draft.footnotes[1]!, status: "unlocated" },
  ],
  fragments: [{ text: "残片。", sourceLines: [9, 9], page: 1, candidates: ["②"], reason: "One text left over for ② on page 1, but it does not start like a note." }],
  corrections: [
    { index: 0, kind: "debris", applied: true, message: "Line 1 taken out as debris." },
    { index: 1, kind: "join-paragraphs", applied: false, message: 'no longer applies: line 12 no longer starts with "因此"' },
  ],
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

  it("counts unlocated notes, uncertain attachments and the corrections file's outcomes", () => {
    expect(qualityFigures(draft)).toMatchObject({ notesUnlocated: 0, attachmentsUncertain: 0, correctionsApplied: 0, correctionsNotApplied: 0 });
    expect(qualityFigures(corrected)).toMatchObject({
      notesPresent: 1, notesMissing: 0, notesUnlocated: 1, attachmentsUncertain: 1, correctionsApplied: 1, correctionsNotApplied: 1,
    });
  });

  it("lists each uncertain attachment with its evidence and lines, and what became of each correction", () => {
    const report = formatQualityReport(corrected);
    expect(report).toContain("1 present, 0 missing, 0 truncated, 1 unlocated · attachments uncertain 1");
    expect(report).toContain("① page 1 (line 7), by wording, confidence 0.60: Shares 《书》 with the sentence before ① (lines 3, 7).");
    expect(report).toContain("corrections file: 1 applied, 1 no longer apply");
    expect(report).toContain("corrections[0] debris: applied: Line 1 taken out as debris.");
    expect(report).toContain('corrections[1] join-paragraphs: NO LONGER APPLIES: line 12 no longer starts with "因此"');
    expect(formatQualityReport(draft)).not.toContain("corrections");
  });
});
