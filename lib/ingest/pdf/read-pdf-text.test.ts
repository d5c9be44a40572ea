import { describe, expect, it } from "vitest";
import { looksLikePdf, textItemsToLines } from "./read-pdf-text";

/** A pdf.js text item at (x, baseline) in PDF user space (y up), `size` points, one em per character. */
const item = (str: string, x: number, baseline: number, size: number, fontName = "f1") => ({
  str,
  transform: [size, 0, 0, size, x, baseline],
  width: Array.from(str).length * size * (/^[\x20-\x7e]+$/u.test(str) ? 0.5 : 1),
  height: size,
  fontName,
});
const TOP = 600;

describe("textItemsToLines", () => {
  it("joins runs on one baseline, with a raised smaller marker, into one line in x order", () => {
    const lines = textItemsToLines([item("，这是", 83, 500, 10.5), item("网络主权的延伸", 10, 500, 10.5), item("①", 80, 503, 6.3)], 1, 0, TOP);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.text).toBe("网络主权的延伸①，这是");
    expect(lines[0]!.fontSize).toBe(10.5);
    expect(lines[0]!.raised).toEqual([{ offset: 7, text: "①" }]);
  });

  it("takes the line's size from its baseline, even when a raised marker has more characters (`点。[5]`)", () => {
    const [line] = textItemsToLines([item("点。", 10, 500, 10.5), item("[5]", 31, 503.2, 6.3)], 1, 0, TOP);
    expect(line!.fontSize).toBe(10.5);
    expect(line!.raised).toEqual([{ offset: 2, text: "[5]" }]);
  });

  it("reads a marker set glyph by glyph (`[`, `1`, `2`, `]` as separate raised runs) as one raised run, and a raised run a word's white away as another", () => {
    const glyphs = [item("[", 31, 503.2, 6.3), item("1", 34.15, 503.2, 6.3), item("2", 37.3, 503.2, 6.3), item("]", 40.45, 503.2, 6.3)];
    const [line] = textItemsToLines([item("点。", 10, 500, 10.5), ...glyphs, item("后文", 45, 500, 10.5), item("*", 70, 503.2, 6.3)], 1, 0, TOP);
    expect(line!.text).toBe("点。[12]后文*");
    expect(line!.raised).toEqual([{ offset: 2, text: "[12]" }, { offset: 8, text: "*" }]);
  });

  it("keeps lines apart, top to bottom, and reads a gap of an em as an ideographic space", () => {
    const lines = textItemsToLines([item("注释", 10, 100, 8), item("一", 10, 520, 13), item("余论", 36, 520, 13), item("正文", 10, 490, 10.5)], 1, 0, TOP);
    expect(lines.map((l) => l.text)).toEqual(["一\u3000余论", "正文", "注释"]);
    expect(lines.map((l) => l.y)).toEqual([...lines.map((l) => l.y)].sort((a, b) => a - b));
  });

  it("puts radicals in the text layer back to ideographs", () => {
    expect(textItemsToLines([item("\u2F79络，参\u2EC5", 10, 500, 10.5)], 1, 0, TOP)[0]!.text).toBe("网络，参见");
  });
});

describe("looksLikePdf", () => {
  it("finds the signature near the start, not elsewhere", () => {
    expect(looksLikePdf(new TextEncoder().encode("%PDF-1.7\n…"))).toBe(true);
    expect(looksLikePdf(new TextEncoder().encode("junk\n%PDF-1.4\n"))).toBe(true);
    expect(looksLikePdf(new TextEncoder().encode("网络主权\n"))).toBe(false);
  });
});

describe("textItemsToLines spacing", () => {
  it("adds no space beside a raised marker, whatever its measured width (`。[3]2003年`)", () => {
    const [line] = textItemsToLines([item("采纳。", 10, 500, 10.5), item("[3]", 41.5, 503.2, 6.3), item("2003年", 60, 500, 10.5)], 1, 0, TOP);
    expect(line!.text).toBe("采纳。[3]2003年");
  });
  it("adds a word space only between Latin words", () => {
    const [latin] = textItemsToLines([item("Global", 10, 500, 10.5), item("Commission", 46, 500, 10.5)], 1, 0, TOP);
    expect(latin!.text).toBe("Global Commission");
    const [mixed] = textItemsToLines([item("所谓open", 10, 500, 10.5), item("数据", 57, 500, 10.5)], 1, 0, TOP);
    expect(mixed!.text).toBe("所谓open数据");
  });
});
