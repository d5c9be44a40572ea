import { describe, expect, it } from "vitest";
import { describeQuote, matchQuote } from "./match-quote";

const text =
  "网络主权是国家主权在网络空间的自然延伸。各国应当尊重网络主权，不搞网络霸权。网络主权理念在许多国际文件中也得到了确认。";

describe("matchQuote", () => {
  it("finds an exact quote", () => {
    const match = matchQuote(text, "不搞网络霸权");
    expect(match && text.slice(match.start, match.end)).toBe("不搞网络霸权");
    expect(match?.similarity).toBe(1);
  });

  it("picks the occurrence whose surroundings match when the quote occurs more than once", () => {
    const second = text.indexOf("网络主权", 25);
    const selector = describeQuote(text, second, second + 4, 6);
    const match = matchQuote(text, selector.exact, selector);
    expect(match?.start).toBe(second);
  });

  it("finds a quote again after a small edit to it", () => {
    const edited = text.replace("不搞网络霸权", "不搞任何网络霸权");
    const match = matchQuote(edited, "各国应当尊重网络主权，不搞网络霸权。");
    expect(match).not.toBeNull();
    expect(edited.slice(match!.start, match!.end)).toContain("不搞任何网络霸权");
    expect(match!.similarity).toBeGreaterThan(0.8);
  });

  it("reports nothing for a passage that is gone", () => {
    const match = matchQuote(text, "人工智能治理需要新的全球框架与规则");
    expect(match === null || match.similarity < 0.6).toBe(true);
  });
});
