import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compactText, normaliseText } from "./normalise-text";
import { offsetAfterRemoval, pageBreakOffsets } from "./page-break-offsets";
import { removeMarkers } from "./find-markers";

/** The block's text as build-body makes it, and where each page begins in it. */
function breaksOf(lines: readonly string[], pages: readonly number[], options?: { startOmitted?: boolean }) {
  const text = normaliseText(lines.join("\n"));
  const breaks = pageBreakOffsets(
    lines.map((raw, k) => ({ raw, page: pages[k]! })),
    text,
    options,
  );
  return { text, breaks };
}

describe("pageBreakOffsets", () => {
  it("puts a break at the first character of the page's first line, Chinese joined without a space", () => {
    const { text, breaks } = breaksOf(["　　网络空间命运共同体日益成为国际社", "会的广泛共识。"], [3, 4]);
    expect(text).toBe("网络空间命运共同体日益成为国际社会的广泛共识。");
    expect(breaks).toEqual([{ offset: 16, page: 4 }]);
    expect(text.slice(16)).toBe("会的广泛共识。");
  });

  it("counts through a word the line-break hyphen broke, and keeps the space between Latin words before the break", () => {
    const hyphen = breaksOf(["the Internet Gover\uFFE3", "nance Forum"], [1, 2]);
    expect(hyphen.text).toBe("the Internet Governance Forum");
    expect(hyphen.breaks).toEqual([{ offset: 18, page: 2 }]);
    expect(hyphen.text.slice(18)).toBe("nance Forum");
    const words = breaksOf(["作用，Internet", "Governance Forum"], [1, 2]);
    expect(words.text).toBe("作用，Internet Governance Forum");
    expect(words.text.slice(words.breaks![0]!.offset)).toBe("Governance Forum");
  });

  it("counts through a URL rejoined across the break and through full-width letters folded", () => {
    const { text, breaks } = breaksOf(["参见ｈｔｔｐ:/ / ｗｗｗ.ｃａｃ.ｇｏｖ.ｃｎ /", "２０１６ - １２ / ２７.ｈｔｍ。"], [5, 6]);
    expect(text).toBe("参见http://www.cac.gov.cn/2016-12/27.htm。");
    expect(text.slice(breaks![0]!.offset)).toBe("2016-12/27.htm。");
  });

  it("gives every page a block passes over a break, at the same offset, and none within a page", () => {
    const { text, breaks } = breaksOf(["第一行文字", "第二行文字", "第三行文字"], [2, 2, 4]);
    expect(breaks).toEqual([
      { offset: 10, page: 3 },
      { offset: 10, page: 4 },
    ]);
    expect(text.slice(10)).toBe("第三行文字");
  });

  it("counts from the end, so a heading's enumerator left out of its text moves nothing", () => {
    const lines = ["三、全球网络空间治理的中国方案与实", "践路径"];
    const text = "全球网络空间治理的中国方案与实践路径";
    expect(pageBreakOffsets(lines.map((raw, k) => ({ raw, page: k + 1 })), text, { startOmitted: true })).toEqual([{ offset: 15, page: 2 }]);
  });

  it("places no break when the text holds characters its lines do not (a repair it does not know)", () => {
    expect(pageBreakOffsets([{ raw: "一二", page: 1 }, { raw: "三", page: 2 }], "一二三四")).toBeNull();
    expect(pageBreakOffsets([{ raw: "一二", page: 1 }, { raw: "三", page: 2 }], "二三")).toBeNull();
  });

  it("moves a break past the markers taken out before it; a page opening on a marker begins where it stood", () => {
    const joined = "主权。①各国②自主选择";
    const { text, removed } = removeMarkers(joined);
    expect(text).toBe("主权。各国自主选择");
    expect(text.slice(offsetAfterRemoval(joined.indexOf("自"), removed))).toBe("自主选择");
    expect(text.slice(offsetAfterRemoval(joined.indexOf("各"), removed))).toBe("各国自主选择");
    // The page opens with ①: it begins where ① stood.
    expect(offsetAfterRemoval(joined.indexOf("①"), removed)).toBe(3);
    const latin = removeMarkers("global [3] governance");
    expect(latin.text).toBe("global governance");
    expect(latin.text.slice(offsetAfterRemoval(11, latin.removed))).toBe("governance");
  });

  // Any lines, split into pages anywhere: the text before each break is what the lines before it normalise to,
  // and the text from it what the lines from it normalise to (compared without punctuation and spaces, whose
  // repair depends on the neighbours across the break).
  it("splits the text where the lines split, for any lines (property)", () => {
    const piece = fc.constantFrom("网络", "空间", "治理", "，", "。", "“", "”", " ", "　", "Internet", " Governance", "２０１", "６年", "ｈｔｔｐ:/ / ｗｗｗ.", "ａ.ｃｎ / ｘ", "Gover\uFFE3", "nance", "——", "ꎬ", "ꎮ", "(", ")", "-", "12");
    const line = fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.array(fc.tuple(line, fc.boolean()), { minLength: 2, maxLength: 8 }), (drawn) => {
        let page = 1;
        const lines = drawn.map(([text]) => text);
        const pages = drawn.map(([, turns], k) => (k > 0 && turns ? ++page : page));
        const { text, breaks } = breaksOf(lines, pages);
        expect(breaks).not.toBeNull();
        for (const pageBreak of breaks!) {
          const k = pages.indexOf(pageBreak.page);
          expect(compactText(text.slice(0, pageBreak.offset))).toBe(compactText(normaliseText(lines.slice(0, k).join("\n"))));
          expect(compactText(text.slice(pageBreak.offset))).toBe(compactText(normaliseText(lines.slice(k).join("\n"))));
        }
      }),
      { numRuns: 300 },
    );
  });
});
