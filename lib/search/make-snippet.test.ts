import { describe, expect, it } from "vitest";
import { makeSnippet } from "./make-snippet";

describe("makeSnippet", () => {
  const text = "一二三四五六七八九十甲乙丙丁戊";

  it("keeps radius characters either side and marks both cuts", () => {
    const s = makeSnippet(text, 7, 9, 3);
    expect(s.snippet).toBe("…五六七八九十甲乙…");
    expect(s.snippet.slice(s.matchStart, s.matchEnd)).toBe("八九");
  });

  it("does not add an ellipsis at the ends of the text", () => {
    const s = makeSnippet(text, 0, 2, 30);
    expect(s.snippet).toBe(text);
    expect([s.matchStart, s.matchEnd]).toEqual([0, 2]);
  });

  it("never cuts a surrogate pair in half", () => {
    const astral = "𠀀𠀁𠀂中𠀃𠀄";
    const s = makeSnippet(astral, 6, 7, 2);
    expect(s.snippet).toBe("…𠀁𠀂中𠀃𠀄");
    expect(s.snippet.slice(s.matchStart, s.matchEnd)).toBe("中");
  });
});
