import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeQuote } from "@/lib/anchoring/match-quote";
import { anchorQuote } from "./web-annotation-anchor";
import { documentText, positionOf } from "./web-annotation-text";

const layout = documentText([
  { anchor: "h-1", kind: "heading", text: "一、几点观察" },
  { anchor: "p-1", kind: "paragraph", text: "各方都承认网络主权原则是讨论的起点。" },
  { anchor: "p-2", kind: "paragraph", text: "其次，数据跨境流动规则的互认牵动各方利益，各国对个人信息保护的理解并不一致。" },
  { anchor: "p-3", kind: "paragraph", text: "各方都承认网络主权原则是讨论的起点。" },
  { anchor: "n-1", kind: "footnote", text: "王五：《数据跨境流动规则比较研究》，载《国际法研究》2022年第3期。" },
]);

describe("anchorQuote", () => {
  it("anchors a quote found once, at its block and offsets", () => {
    const outcome = anchorQuote(layout, { exact: "数据跨境流动规则的互认" });
    expect(outcome).toEqual({
      status: "anchored",
      start: { anchor: "p-2", offset: 3 },
      end: { anchor: "p-2", offset: 14 },
      text: "数据跨境流动规则的互认",
      similarity: 1,
      reason: null,
    });
  });

  it("takes a stated position only when the text there is the quote", () => {
    const start = positionOf(layout, { anchor: "p-3", offset: 5 })!;
    const stated = anchorQuote(layout, { exact: "网络主权原则" }, { position: { start, end: start + 6 } });
    expect(stated).toMatchObject({ status: "anchored", start: { anchor: "p-3", offset: 5 } });
    // A position counted on another page's text names other words: it must not pick one of two equal places.
    const elsewhere = anchorQuote(layout, { exact: "网络主权原则" }, { position: { start: start + 1, end: start + 7 } });
    expect(elsewhere).toEqual({ status: "orphaned", reason: expect.stringContaining("ambiguous: the quote and its context occur in 2 places") });
  });

  it("tells repeated words apart by their context, and by nothing else than the block the annotation names", () => {
    const byPrefix = anchorQuote(layout, { exact: "数据跨境流动规则", prefix: "王五：《", suffix: "比较研究》" });
    expect(byPrefix).toMatchObject({ status: "anchored", start: { anchor: "n-1", offset: 4 } });
    const byBlock = anchorQuote(layout, { exact: "网络主权原则", prefix: "各方都承认", suffix: "是讨论的起点。" }, { block: { anchor: "p-3" } });
    expect(byBlock).toMatchObject({ status: "anchored", start: { anchor: "p-3", offset: 5 }, reason: expect.stringContaining("2 places") });
    expect(anchorQuote(layout, { exact: "网络主权原则", prefix: "各方都承认", suffix: "是讨论的起点。" })).toMatchObject({ status: "orphaned" });
  });

  it("anchors edited words above the similarity threshold and says so; orphans them below it", () => {
    const edited = anchorQuote(layout, { exact: "各国对个人数据保护的理解并不一致" });
    expect(edited).toMatchObject({ status: "anchored", start: { anchor: "p-2" }, reason: expect.stringContaining("differ from the quote") });
    expect(edited.status === "anchored" && edited.similarity).toBeGreaterThanOrEqual(0.75);
    expect(edited.status === "anchored" && edited.text).toContain("个人信息保护");
    expect(anchorQuote(layout, { exact: "监管沙盒已在多个城市试点推行" })).toEqual({ status: "orphaned", reason: expect.stringMatching(/^the quote is not in the text/) });
  });

  it("counts overlapping exact occurrences as two places", () => {
    const repetitive = documentText([{ anchor: "p-1", kind: "paragraph", text: "哈哈哈哈哈哈哈哈哈" }]);
    expect(anchorQuote(repetitive, { exact: "哈哈哈哈哈哈哈哈" })).toMatchObject({ status: "orphaned", reason: expect.stringContaining("2 places") });
  });

  it("finds a quote that took a note marker's label with it (selected on the page), on the words around the marker", () => {
    const marked = documentText([
      { anchor: "p-1", kind: "paragraph", text: "这考验着谈判者的耐心与智慧。其次，规则互认。", markers: [{ offset: 14, label: "[2]" }] },
    ]);
    expect(anchorQuote(marked, { exact: "耐心与智慧。[2]" })).toEqual({
      status: "anchored",
      start: { anchor: "p-1", offset: 8 },
      end: { anchor: "p-1", offset: 14 },
      text: "耐心与智慧。",
      similarity: 1,
      reason: expect.stringContaining("note markers' labels"),
    });
    // Across the marker: the words either side, the label left out.
    expect(anchorQuote(marked, { exact: "智慧。[2]其次" })).toMatchObject({ status: "anchored", start: { offset: 11 }, end: { offset: 16 }, text: "智慧。其次" });
    // Without the markers known, the short quote is too far from the plain text: an orphan, not a guess.
    expect(anchorQuote(documentText([{ anchor: "p-1", kind: "paragraph", text: marked.blocks[0]!.text }]), { exact: "耐心与智慧。[2]" })).toMatchObject({ status: "orphaned" });
  });

  it("matches short quotes exactly only", () => {
    expect(anchorQuote(layout, { exact: "几点考察" })).toMatchObject({ status: "orphaned" });
    expect(anchorQuote(layout, { exact: "几点观察" })).toMatchObject({ status: "anchored", start: { anchor: "h-1", offset: 2 } });
  });

  it("orphans an annotation that quotes nothing", () => {
    expect(anchorQuote(layout, null)).toMatchObject({ status: "orphaned", reason: expect.stringContaining("quotes no words") });
    expect(anchorQuote(layout, { exact: "  " })).toMatchObject({ status: "orphaned" });
  });

  it("never anchors an exact quote to other words: it lands on those words, or is orphaned", () => {
    // A small alphabet, so that quotes recur, overlap and share their context.
    const alphabet = fc.constantFrom(..."网络主权，。各");
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: alphabet, minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 6 }),
        fc.nat(),
        fc.nat(),
        fc.nat({ max: 12 }),
        (texts, blockPick, startPick, lengthPick) => {
          const blocks = texts.map((text, index) => ({ anchor: `p-${index}`, kind: "paragraph" as const, text }));
          const doc = documentText(blocks);
          const block = doc.blocks[blockPick % doc.blocks.length]!;
          const start = startPick % block.text.length;
          const end = Math.min(block.text.length, start + 1 + lengthPick);
          const quote = describeQuote(doc.text, block.start + start, block.start + end, 32);
          const outcome = anchorQuote(doc, quote);
          if (outcome.status === "anchored") {
            // Its own place has a perfect quote and context; another place could only tie with it, and a tie orphans.
            expect(outcome.text).toBe(quote.exact);
            expect(outcome.start).toEqual({ anchor: block.anchor, offset: start });
          } else {
            expect(outcome.reason).toMatch(/ambiguous/);
            expect(doc.text.split(quote.exact).length - 1).toBeGreaterThan(1);
          }
        },
      ),
      { seed: 20261206, numRuns: 1000 },
    );
  });
});
