import { describe, expect, it } from "vitest";
import { MAX_QUOTE_LENGTH } from "@/lib/urls/app-urls";
import { blockTextFromRuns, selectedPassage, selectionLinkPlace } from "./selection-link";

describe("blockTextFromRuns", () => {
  it("joins the runs at their offsets", () => {
    expect(blockTextFromRuns([{ offset: 0, text: "网络空间" }, { offset: 4, text: "命运共同体" }])).toBe("网络空间命运共同体");
    expect(blockTextFromRuns([])).toBe("");
  });

  it("lets a run overwrite what stands from its offset on", () => {
    expect(blockTextFromRuns([{ offset: 0, text: "abcdef" }, { offset: 3, text: "XY" }])).toBe("abcXY");
  });
});

describe("selectedPassage", () => {
  const text = "全球网络空间治理  的四项原则";

  it("keeps a selection's offsets", () => {
    expect(selectedPassage(text, 2, 6)).toEqual({ start: 2, end: 6 });
  });

  it("refuses an empty, reversed or blank selection", () => {
    expect(selectedPassage(text, 4, 4)).toBeNull();
    expect(selectedPassage(text, 6, 2)).toBeNull();
    expect(selectedPassage(text, 8, 10)).toBeNull();
  });

  it("cuts a long selection to the longest quote", () => {
    const long = "字".repeat(MAX_QUOTE_LENGTH * 2);
    expect(selectedPassage(long, 10, long.length)).toEqual({ start: 10, end: 10 + MAX_QUOTE_LENGTH });
  });
});

describe("selectionLinkPlace", () => {
  const viewport = { width: 1280, height: 900 };

  it("stands below the middle of the selection", () => {
    expect(selectionLinkPlace({ bottom: 300, left: 400, width: 200 }, viewport)).toEqual({ top: 308, left: 420 });
  });

  it("stays inside the viewport when the selection has scrolled out of it", () => {
    expect(selectionLinkPlace({ bottom: -500, left: -300, width: 10 }, viewport)).toEqual({ top: 8, left: 8 });
    expect(selectionLinkPlace({ bottom: 5000, left: 5000, width: 10 }, viewport)).toEqual({ top: 852, left: 1080 });
  });
});
