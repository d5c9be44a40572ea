import { describe, expect, it } from "vitest";
import { describeQuote } from "@/lib/anchoring/match-quote";
import { locatePassage } from "./locate-passage";

const blocks = [
  { anchor: "p-a", text: "网络主权是国家主权在网络空间的自然延伸。各国应当尊重网络主权，不搞网络霸权。" },
  { anchor: "p-b", text: "数字鸿沟仍是长期难题，需要国际社会共同努力加以弥合。" },
  { anchor: "p-c", text: "网络主权理念在许多国际文件中也得到了确认。" },
];

function selectorFor(anchor: string, words: string) {
  const text = blocks.find((block) => block.anchor === anchor)!.text;
  const start = text.indexOf(words);
  return { ...describeQuote(text, start, start + words.length, 20), blockAnchor: anchor, offset: start };
}

describe("locatePassage", () => {
  it("finds the words in the block the link names", () => {
    const found = locatePassage(blocks, selectorFor("p-a", "不搞网络霸权"), { anchor: "p-a", offset: 31 });
    expect(found).toMatchObject({ anchor: "p-a", similarity: 1, inExpectedBlock: true });
    expect(blocks[0]!.text.slice(found!.start, found!.end)).toBe("不搞网络霸权");
  });

  it("picks the right one of two equal wordings by their context", () => {
    const selector = selectorFor("p-a", "网络主权，");
    const found = locatePassage(blocks, { ...selector, exact: "网络主权" }, { anchor: "p-a", offset: selector.offset });
    expect(found?.start).toBe(selector.offset);
  });

  it("finds the words in another block when the paragraph was split or merged", () => {
    const selector = selectorFor("p-b", "需要国际社会共同努力");
    const after = [blocks[0]!, { anchor: "p-b1", text: "数字鸿沟仍是长期难题。" }, { anchor: "p-b2", text: "需要国际社会共同努力加以弥合。" }, blocks[2]!];
    const found = locatePassage(after, selector, null);
    expect(found).toMatchObject({ anchor: "p-b2", start: 0, end: 10, inExpectedBlock: false });
  });

  it("finds edited words approximately, and says so", () => {
    const selector = selectorFor("p-b", "需要国际社会共同努力加以弥合");
    const edited = [{ anchor: "p-b", text: "数字鸿沟仍是长期难题，需要整个国际社会共同努力加以弥合。" }];
    const found = locatePassage(edited, selector, { anchor: "p-b", offset: selector.offset });
    expect(found?.anchor).toBe("p-b");
    expect(found!.similarity).toBeLessThan(1);
    expect(edited[0]!.text.slice(found!.start, found!.end)).toContain("共同努力加以弥合");
  });

  it("reports a passage that is gone instead of highlighting something else", () => {
    const selector = { exact: "人工智能治理需要新的全球框架", prefix: "", suffix: "", blockAnchor: "p-z", offset: 3 };
    expect(locatePassage(blocks, selector, null)).toBeNull();
    expect(locatePassage(blocks, { ...selector, exact: "网络霸" + "权X" }, null)).toBeNull();
  });
});
