import { describe, expect, it } from "vitest";
import { segmentBlock } from "./segment-block";

const text = "网络主权是国家主权的延伸。各国应当尊重网络主权。";
const marker = (label: string, offset: number) => ({ label, footnoteAnchor: `n-${label}`, offset });

describe("segmentBlock", () => {
  it("puts markers back where they stood and keeps every character once", () => {
    const segments = segmentBlock(text, [marker("②", 24), marker("①", 13)]);
    const rebuilt = segments.map((s) => (s.kind === "text" ? s.text : `[${s.marker.label}]`)).join("");
    expect(rebuilt).toBe("网络主权是国家主权的延伸。[①]各国应当尊重网络主权。[②]");
  });

  it("gives each text segment its offset in the block", () => {
    const segments = segmentBlock(text, [marker("①", 13)]);
    for (const segment of segments) {
      if (segment.kind === "text") expect(text.slice(segment.start, segment.start + segment.text.length)).toBe(segment.text);
    }
  });

  it("splits a highlight that spans a marker so that no mark holds a button", () => {
    const segments = segmentBlock(text, [marker("①", 13)], [{ kind: "quote", start: 9, end: 17 }]);
    const marked = segments.filter((s) => s.kind === "text" && s.marks.includes("quote")).map((s) => (s.kind === "text" ? s.text : ""));
    expect(marked).toEqual(["的延伸。", "各国应当"]);
    expect(segments.findIndex((s) => s.kind === "marker")).toBe(2);
  });

  it("keeps two markers at the same offset in their order and nests overlapping highlight kinds", () => {
    const segments = segmentBlock(text, [marker("①", 5), marker("②", 5)], [
      { kind: "quote", start: 0, end: 9 },
      { kind: "search-hit", start: 5, end: 7 },
    ]);
    const labels = segments.flatMap((s) => (s.kind === "marker" ? [s.marker.label] : []));
    expect(labels).toEqual(["①", "②"]);
    const both = segments.find((s) => s.kind === "text" && s.marks.length === 2);
    expect(both?.kind === "text" && both.text).toBe("国家");
  });

  it("clamps highlights that fall outside the text and drops empty ones", () => {
    const segments = segmentBlock("短文", [], [{ kind: "quote", start: 1, end: 99 }, { kind: "search-hit", start: 5, end: 6 }]);
    expect(segments).toEqual([
      { kind: "text", text: "短", start: 0, marks: [], concepts: [] },
      { kind: "text", text: "文", start: 1, marks: ["quote"], concepts: [] },
    ]);
  });

  it("carries concept mentions with their tones, once per concept, apart from the other highlight kinds", () => {
    const segments = segmentBlock(text, [marker("①", 4)], [
      { kind: "concept", concept: "cyber-sovereignty", tone: 1, start: 0, end: 4 },
      // An item's mention inside its compound's enumeration: the same concept again.
      { kind: "concept", concept: "cyber-sovereignty", tone: 1, start: 2, end: 4 },
      { kind: "concept", concept: "sovereignty", tone: 2, start: 19, end: 23 },
      { kind: "quote", start: 17, end: 21 },
    ]);
    const texts = segments.flatMap((s) => (s.kind === "text" ? [s] : []));
    const conceptsOf = (t: string) => texts.find((s) => s.text === t)?.concepts;
    // Only the last stretch of a mention says it ends there (where the concept's number goes).
    expect(conceptsOf("网络")).toEqual([{ concept: "cyber-sovereignty", tone: 1, ends: false }]);
    expect(conceptsOf("主权")).toEqual([{ concept: "cyber-sovereignty", tone: 1, ends: true }]);
    expect(texts.find((s) => s.start === 19)).toMatchObject({ text: "网络", marks: ["quote"], concepts: [{ concept: "sovereignty", tone: 2, ends: false }] });
    expect(texts.find((s) => s.start === 21)).toMatchObject({ text: "主权", marks: [], concepts: [{ concept: "sovereignty", tone: 2, ends: true }] });
    expect(texts.every((s) => !s.marks.includes("concept" as never))).toBe(true);
    // The marker still stands between the concept's mention and the rest of the text.
    expect(segments[2]).toMatchObject({ kind: "marker" });
  });
});
