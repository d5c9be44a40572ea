import { describe, expect, it } from "vitest";
import type { BodyMarker } from "./build-body";
import { extractionRunLines, leaveNotesUnattached } from "./extraction-runs";
import type { MatchResult } from "./match-notes";
import type { NoteSegment } from "./split-notes";

const printed = Array.from({ length: 60 }, (_, k) => `正文的第${k}行文字，正文的一行文字正文的一行文字`);

describe("extractionRunLines", () => {
  it("finds none in printed lines", () => {
    expect(extractionRunLines(printed)).toEqual([]);
  });

  it("names the lines that open with closing punctuation when they are a fair share of the text", () => {
    const runs = [...printed.slice(0, 10), "即所谓“四项原则”", "，研究者对治理模式的评价", "《流域治理的比较研究》", "。①在全球网络", ...printed.slice(10, 20)];
    expect(extractionRunLines(runs)).toEqual([12, 14]);
  });

  it("takes a single stray line in a long printed text for a hand edit, not for runs", () => {
    expect(extractionRunLines([...printed, "。", ...printed])).toEqual([]);
  });

  it("takes a single stray line for a hand edit in a short text too, where it alone is over the share", () => {
    expect(extractionRunLines([...printed.slice(0, 9), "，才能逐步形成", ...printed.slice(9, 19)])).toEqual([]);
    expect(extractionRunLines([...printed.slice(0, 9), "，才能逐步形成", "。①在全球网络", ...printed.slice(9, 19)])).toEqual([10, 11]);
  });
});

describe("leaveNotesUnattached", () => {
  it("turns every placed note into a fragment naming its marker, the marker not located", () => {
    const segment = { page: 1, text: "《示例》，某出版社2001年版。", lines: [{ lineNo: 30 }] } as unknown as NoteSegment;
    const result: MatchResult = { placed: new Map([[1, { segment, attachment: { how: "order", confidence: 0.9, evidence: "", uncertain: false } }]]), fragments: [], unlocated: new Set(), pageOf: new Map(), warnings: [] } as unknown as MatchResult;
    const markers = [{ label: "①" }, { label: "②" }] as BodyMarker[];
    leaveNotesUnattached(result, markers, [12, 14]);
    expect(result.placed.size).toBe(0);
    expect(result.fragments.map((f) => [f.segment.text, f.candidates])).toEqual([["《示例》，某出版社2001年版。", ["②"]]]);
    expect([...result.unlocated]).toEqual([1]);
    expect(result.warnings.map((w) => w.sourceLines)).toEqual([[12, 14]]);
  });
});
