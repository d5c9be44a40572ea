import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normaliseForSearch, normaliseText } from "@/lib/ingest/normalise-text";
import { foldForSearch, mapFoldedRange } from "./fold-for-search";

describe("foldForSearch", () => {
  it("drops punctuation and spaces, folds width and case, and keeps each character's source offset", () => {
    const text = "网络，空间 ＡＢｃ。";
    const { folded, offsets } = foldForSearch(text);
    expect(folded).toBe("网络空间abc");
    expect(offsets).toEqual([0, 1, 3, 4, 6, 7, 8]);
  });

  it("gives every unit of an NFKC expansion the offset of its source character", () => {
    const { folded, offsets } = foldForSearch("a㎞b");
    expect(folded).toBe("akmb");
    expect(offsets).toEqual([0, 1, 1, 2]);
  });

  it("indexes offsets by UTF-16 unit, so astral characters take two entries", () => {
    const { folded, offsets } = foldForSearch("𠀀，字");
    expect(folded).toBe("𠀀字");
    expect(offsets).toEqual([0, 0, 3]);
    expect(mapFoldedRange("𠀀，字", offsets, 0, 2)).toEqual({ start: 0, end: 2 });
  });

  it("maps a folded range back over the punctuation it spans", () => {
    const text = "数字，鸿沟";
    const { folded, offsets } = foldForSearch(text);
    const at = folded.indexOf("字鸿");
    const range = mapFoldedRange(text, offsets, at, at + 2);
    expect(text.slice(range.start, range.end)).toBe("字，鸿");
  });

  it("agrees with ingestion's normaliseForSearch on every line of the real corpus", () => {
    for (const file of ["000_1322acf3015bdc34.txt", "001_dd40619b11185e85.txt"]) {
      const lines = readFileSync(`corpus/${file}`, "utf8").split("\n").filter((line) => line.trim() !== "");
      expect(lines.length).toBeGreaterThan(100);
      for (const line of lines) expect(foldForSearch(normaliseText(line)).folded).toBe(normaliseForSearch(line));
    }
  });
});
