import { describe, expect, it } from "vitest";
import { markerExcerpt } from "./marker-excerpt";

describe("markerExcerpt", () => {
  it("returns a short block whole, split at the marker", () => {
    expect(markerExcerpt("网络主权是国家主权的延伸。其后文字。", 13)).toEqual({
      before: "网络主权是国家主权的延伸。",
      after: "其后文字。",
      clippedStart: false,
      clippedEnd: false,
    });
  });

  it("cuts a long block at sentence ends inside the window", () => {
    const sentence = (ch: string) => `${ch.repeat(30)}。`;
    const text = sentence("甲") + sentence("乙") + sentence("丙") + sentence("丁") + sentence("戊");
    const offset = text.indexOf("丙") + 10;
    const excerpt = markerExcerpt(text, offset, 40);
    // The window reaches back into 乙's sentence; the excerpt starts where 丙's sentence starts.
    expect(excerpt.before).toBe("丙".repeat(10));
    expect(excerpt.after).toBe("丙".repeat(20) + "。");
    expect(excerpt.clippedStart && excerpt.clippedEnd).toBe(true);
  });

  it("cuts at the radius when no sentence ends nearby, without splitting surrogate pairs", () => {
    const text = "𠀀".repeat(100);
    const excerpt = markerExcerpt(text, 100, 10);
    expect([...excerpt.before]).toHaveLength(10);
    expect([...excerpt.after]).toHaveLength(10);
    expect(excerpt.before + excerpt.after).toBe("𠀀".repeat(20));
  });

  it("clamps an offset outside the text", () => {
    expect(markerExcerpt("短文。", 99).before).toBe("短文。");
    expect(markerExcerpt("短文。", -5).after).toBe("短文。");
  });
});
