import { describe, expect, it } from "vitest";
import type { DocumentStructure, Footnote } from "@/lib/model/document-model";
import { invariantViolations } from "./layout-invariants";
import type { LayoutTruth } from "./layout-truth";
import { scoreParse } from "./score-parse";

/** The scorer on hand-made drafts: it passes a faithful parse and catches each kind of damage. */

const truth: LayoutTruth = {
  title: "题目",
  headings: [{ level: 1, label: "一", text: "制度的起源" }],
  paragraphs: ["甲乙丙丁，戊己庚辛。", "子丑寅卯，辰巳午未。申酉戌亥。"],
  order: ["h0", "p0", "p1"],
  markers: [
    { page: 1, label: "①", paragraph: 0, offset: 10, note: 0 },
    { page: 1, label: "②", paragraph: 1, offset: 10, note: 1 },
    { page: 2, label: "①", paragraph: 1, offset: 15, note: 2 },
  ],
  notes: [
    { text: "林卫东：《河流》，山川书局2015年版，第12页。", status: "present", surviving: "林卫东：《河流》，山川书局2015年版，第12页。", page: 1, label: "①" },
    { text: "《标准》，新华网，2018年4月21日，http://www.xinhuanet.com/a/c_1.htm。", status: "truncated", surviving: "新华网，2018年4月21日，http://www.xinhuanet.com/a/c_1.htm。", page: 1, label: "②" },
    { text: "同上，第5页。", status: "missing", surviving: "", page: 2, label: "①" },
  ],
  urls: [],
  debris: [
    { kind: "running-head", text: "区域治理评论　2023年第6期" },
    { kind: "folio", text: "37" },
  ],
  pages: [],
};

function note(anchor: string, label: string, page: number, status: Footnote["status"], text: string, line: number): Footnote {
  return { anchor, label, page, status, text, citations: [], sourceLines: [line, line], attachment: null, correction: null };
}

function faithfulDraft(): DocumentStructure {
  return {
    slug: "x",
    title: "题目",
    authors: [],
    journal: null,
    issue: null,
    date: null,
    abstract: null,
    pageCount: 2,
    headings: [{ anchor: "h-1", level: 1, label: "一", text: "制度的起源", markers: [], sourceLines: [5, 5], correction: null }],
    paragraphs: [
      { anchor: "p-1", headingAnchor: "h-1", text: "甲乙丙丁，戊己庚辛。", markers: [{ label: "①", footnoteAnchor: "n-1", offset: 10 }], sourceLines: [6, 7], correction: null },
      {
        anchor: "p-2",
        headingAnchor: "h-1",
        text: "子丑寅卯，辰巳午未。申酉戌亥。",
        markers: [
          { label: "②", footnoteAnchor: "n-2", offset: 10 },
          { label: "①", footnoteAnchor: "n-3", offset: 15 },
        ],
        sourceLines: [8, 12],
        correction: null,
      },
    ],
    footnotes: [
      note("n-1", "①", 1, "present", truth.notes[0]!.text, 9),
      note("n-2", "②", 1, "truncated", truth.notes[1]!.surviving, 10),
      note("n-3", "①", 2, "missing", "", 12),
    ],
    fragments: [],
    debris: [],
    warnings: [{ code: "note-missing", message: "Page 2: no note text in the source for ①", sourceLines: [12, 12] }],
    corrections: [],
  };
}

describe("scoreParse", () => {
  it("finds nothing wrong with a faithful parse", () => {
    const score = scoreParse(faithfulDraft(), truth);
    expect(invariantViolations(score)).toEqual([]);
    expect(score.markers).toEqual({ truth: 3, found: 3, spurious: 0 });
    expect(score.notes.attachedRight).toBe(2);
    expect(score.notes.kept).toBe(2);
    expect(score.paragraphs.exact).toBe(2);
  });

  it("counts notes swapped between markers as wrong attachments", () => {
    const draft = faithfulDraft();
    [draft.footnotes[0]!.text, draft.footnotes[1]!.text] = [draft.footnotes[1]!.text, draft.footnotes[0]!.text];
    const score = scoreParse(draft, truth);
    expect(score.wrongAttachments.map((w) => w.kind)).toEqual(["other-note", "other-note"]);
    expect(score.notes.kept).toBe(2);
    expect(invariantViolations(score).map((v) => v.invariant)).toContain("no-wrong-attachment");
  });

  it("counts text attached where the source has none, and a note swallowing its neighbour", () => {
    const draft = faithfulDraft();
    draft.footnotes[2] = note("n-3", "①", 2, "present", "同上，第5页。", 12);
    draft.footnotes[0]!.text = truth.notes[0]!.text + truth.notes[1]!.surviving;
    const kinds = scoreParse(draft, truth).wrongAttachments.map((w) => w.kind);
    expect(kinds).toEqual(["overlong", "no-note"]);
  });

  it("accepts the surviving part of a note, not more", () => {
    const draft = faithfulDraft();
    draft.footnotes[1]!.text = "2018年4月21日，http://www.xinhuanet.com/a/c_1.htm。";
    const score = scoreParse(draft, truth);
    expect(score.wrongAttachments).toEqual([]);
    expect(score.notes.attachedRight).toBe(1);
    expect(score.notes.altered).toHaveLength(1);
  });

  it("catches body text lost, a note glued into a paragraph, and debris in the body", () => {
    const draft = faithfulDraft();
    draft.paragraphs[0]!.text = "甲乙丙丁，戊己庚辛。37区域治理评论2023年第6期";
    draft.paragraphs[1]!.text = "子丑寅卯，辰巳午未。";
    draft.paragraphs[1]!.markers = [{ label: "②", footnoteAnchor: "n-2", offset: 10 }];
    const score = scoreParse(draft, truth);
    expect(score.body.lost).toBe(5);
    expect(score.body.added).toBeGreaterThan(10);
    expect(score.debrisLeaked.map((d) => d.text)).toEqual(["区域治理评论2023年第6期", "37"]);
    expect(score.markers.found).toBe(2);
    expect(invariantViolations(score).map((v) => v.invariant)).toEqual(["no-body-text-lost", "no-text-added-to-body", "no-debris-leaked", "every-marker-found"]);
  });

  it("catches a marker moved or missed, a heading missed, and an unattached note without a warning", () => {
    const draft = faithfulDraft();
    draft.paragraphs[0]!.markers[0]!.offset = 5;
    draft.headings = [];
    draft.footnotes[1] = note("n-2", "②", 1, "unlocated", "", 10);
    draft.warnings = [];
    const score = scoreParse(draft, truth);
    expect(score.markers.found).toBe(2);
    expect(score.headings.missed).toEqual(["1|一|制度的起源"]);
    expect(score.notes.unattachedWithoutWarning).toEqual([{ label: "②", page: 1 }]);
    // The moved marker still carries its own note: not a wrong attachment, but not recalled either.
    expect(score.wrongAttachments).toEqual([]);
    expect(score.notes.attachedRight).toBe(0);
  });

  it("scores a note kept as a fragment as kept, not attached", () => {
    const draft = faithfulDraft();
    draft.footnotes[0] = note("n-1", "①", 1, "unlocated", "", 9);
    draft.fragments = [{ text: truth.notes[0]!.text, sourceLines: [9, 9], page: 1, candidates: ["①"], reason: "two texts, one label" }];
    draft.warnings.push({ code: "note-unlocated", message: "Page 1: ①", sourceLines: [9, 9] });
    const score = scoreParse(draft, truth);
    expect(score.notes.kept).toBe(2);
    expect(score.notes.attachedRight).toBe(1);
    expect(invariantViolations(score)).toEqual([]);
  });
});
