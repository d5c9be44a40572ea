import { describe, expect, it } from "vitest";
import { caseForSeed, runCase } from "./layout-case";
import type { NoteFormat } from "./layout-parameters";
import type { LayoutTruth, TruthNote, TruthPage } from "./layout-truth";
import { classifyOutcome, noteDecided } from "./classify-misses";

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩";

/** A truth with one page per entry: its format and, per note, "present", "missing", "head" (head lost) or "tail". */
function truthOf(pages: Array<{ format: NoteFormat; notes: string[]; overrun?: boolean }>): LayoutTruth {
  const notes: TruthNote[] = [];
  const truthPages: TruthPage[] = [];
  pages.forEach((page, p) => {
    page.notes.forEach((status, k) => {
      const text = `甲乙丙丁${p}${k}戊己庚辛。`;
      const surviving = status === "missing" ? "" : status === "head" ? text.slice(4) : status === "tail" ? text.slice(0, 6) : text;
      notes.push({ text, status: status === "present" ? "present" : status === "missing" ? "missing" : "truncated", surviving, page: p + 1, label: CIRCLED[k]! });
    });
    truthPages.push({ page: p + 1, bodyLines: 20, format: page.format, markers: page.notes.length, lost: page.notes.filter((s) => s === "missing").length, truncated: 0, overrun: page.overrun === true, listLost: 0 });
  });
  return { title: "", headings: [], paragraphs: [], order: [], markers: [], notes, urls: [], debris: [], pages: truthPages };
}

describe("noteDecided", () => {
  it("decides every note of an unlabelled page that kept a text for each marker, and none of one that lost a text", () => {
    const truth = truthOf([
      { format: "bare", notes: ["present", "tail", "head"] },
      { format: "list", notes: ["present", "missing", "present"] },
    ]);
    expect([0, 1, 2].map((n) => noteDecided(truth, n).decided)).toEqual([true, true, true]);
    expect([3, 5].map((n) => noteDecided(truth, n).decided)).toEqual([false, false]);
  });

  it("decides a labelled note that kept its label, whatever its page lost", () => {
    const truth = truthOf([{ format: "labelled", notes: ["missing", "present", "tail", "missing"] }]);
    expect([1, 2].map((n) => noteDecided(truth, n).decided)).toEqual([true, true]);
  });

  it("decides a note that lost its label only when the labels around it leave one free marker per text", () => {
    const one = truthOf([{ format: "labelled", notes: ["present", "head", "present"] }]);
    expect(noteDecided(one, 1).decided).toBe(true);
    const last = truthOf([{ format: "labelled", notes: ["present", "head"] }]);
    expect(noteDecided(last, 1).decided).toBe(true);
    // A lost note beside it: two free markers, one text.
    const open = truthOf([{ format: "labelled", notes: ["present", "missing", "head", "present"] }]);
    expect(noteDecided(open, 2).decided).toBe(false);
  });

  it("does not decide a note that runs over onto a page whose first surviving note lost its head", () => {
    const truth = truthOf([
      { format: "bare", notes: ["present", "present"], overrun: true },
      { format: "labelled", notes: ["head", "present"] },
    ]);
    expect(noteDecided(truth, 1).decided).toBe(false);
    expect(noteDecided(truth, 0).decided).toBe(true);
    const clean = truthOf([
      { format: "bare", notes: ["present", "present"], overrun: true },
      { format: "labelled", notes: ["present", "present"] },
    ]);
    expect(noteDecided(clean, 1).decided).toBe(true);
  });
});

describe("classifyOutcome", () => {
  it("counts every attachable note once, and misses exactly the notes the scorer does not count as attached right", () => {
    for (const seed of [11, 12, 13]) {
      const layoutCase = caseForSeed("circled", seed);
      const outcome = runCase(layoutCase);
      const result = classifyOutcome(outcome.layout, outcome.draft!, layoutCase.document, layoutCase.params);
      const attachable = outcome.layout.truth.notes.filter((n) => n.status !== "missing").length;
      expect(result.attachableNotes).toBe(attachable);
      expect(result.decidedNotes).toBeLessThanOrEqual(attachable);
      expect(result.misses.filter((m) => m.what === "note").length).toBe(attachable - outcome.score!.notes.attachedRight);
      // URLs: every missed one counted once, and the decided ones among the URLs of decided notes.
      expect(result.misses.filter((m) => m.what === "url").length).toBe(outcome.score!.urls.truth - outcome.score!.urls.found);
      expect(result.misses.filter((m) => m.what === "url" && m.decided).length).toBeLessThanOrEqual(result.decidedUrls);
      expect(result.decidedUrls).toBeLessThanOrEqual(result.urls);
    }
  });
});
