import { describe, expect, it } from "vitest";
import { compareHref as compareStateHref, readCompareState, readFocus } from "@/lib/urls/app-urls";
import { dropUnknown } from "./compare-state";

const base = { left: "essay-a", right: "essay-b" };

describe("readCompareState", () => {
  it("reads every part of a shared link", () => {
    const state = readCompareState({ ...base, lp: "p-1", rp: "h-2", c: "cyber-sovereignty,four-principles", align: "1", f: "right:p-9", pane: "right" });
    expect(state).toEqual({
      ...base,
      lp: "p-1",
      rp: "h-2",
      concepts: ["cyber-sovereignty", "four-principles"],
      align: true,
      focus: { side: "right", anchor: "p-9" },
      pane: "right",
      jumped: null,
    });
  });

  it("reads where the last jump landed, with the concept's mention when there was one", () => {
    expect(readCompareState({ ...base, j: "right:p-33:12-16:cyber-sovereignty" })?.jumped).toEqual({
      side: "right",
      anchor: "p-33",
      mention: { concept: "cyber-sovereignty", start: 12, end: 16 },
    });
    expect(readCompareState({ ...base, j: "left:p-2" })?.jumped).toEqual({ side: "left", anchor: "p-2", mention: null });
    expect(readCompareState({ ...base, j: "up:p-2" })?.jumped).toBeNull();
    expect(readCompareState({ ...base, j: "left:p-2:9-3:x" })?.jumped).toEqual({ side: "left", anchor: "p-2", mention: null });
  });

  it("takes concepts from a comma list or from repeated parameters (a plain form), once each", () => {
    expect(readCompareState({ ...base, c: ["a-b", "c", "a-b,d"] })?.concepts).toEqual(["a-b", "c", "d"]);
  });

  it("drops malformed values instead of failing", () => {
    const state = readCompareState({ ...base, lp: "<script>", c: "ok, BAD ID ,,x", align: "yes", f: "middle:p-1", pane: "up" });
    expect(state).toMatchObject({ lp: null, concepts: ["ok", "x"], align: false, focus: null, pane: "left" });
  });

  it("needs both documents", () => {
    expect(readCompareState({ left: "a" })).toBeNull();
    expect(readCompareState({ left: "a", right: "../etc" })).toBeNull();
  });
});

describe("readFocus", () => {
  it("reads a side and an anchor, rejecting anything else", () => {
    expect(readFocus("left:n-12")).toEqual({ side: "left", anchor: "n-12" });
    expect(readFocus("left:")).toBeNull();
    expect(readFocus("p-1")).toBeNull();
  });
});

describe("dropUnknown", () => {
  const known = { leftAnchors: new Set(["p-1", "p-2"]), rightAnchors: new Set(["p-7"]), concepts: new Set(["a", "b", "c", "d", "e", "f", "g", "h"]) };

  it("keeps what the documents have and drops the rest", () => {
    const state = readCompareState({ ...base, lp: "p-2", rp: "p-1", c: "a,zzz,b", f: "right:p-7" })!;
    expect(dropUnknown(state, known)).toMatchObject({ lp: "p-2", rp: null, concepts: ["a", "b"], focus: { side: "right", anchor: "p-7" } });
  });

  it("checks the focused block against its own side", () => {
    const state = readCompareState({ ...base, f: "right:p-1" })!;
    expect(dropUnknown(state, known).focus).toBeNull();
  });

  it("drops a jump that landed on a block its side does not have", () => {
    expect(dropUnknown(readCompareState({ ...base, j: "right:p-1" })!, known).jumped).toBeNull();
    expect(dropUnknown(readCompareState({ ...base, j: "right:p-7" })!, known).jumped).toEqual({ side: "right", anchor: "p-7", mention: null });
  });

  it("keeps no more concepts than there are tones", () => {
    const state = readCompareState({ ...base, c: "a,b,c,d,e,f,g,h" })!;
    expect(dropUnknown(state, known).concepts).toEqual(["a", "b", "c", "d", "e", "f", "g"]);
  });
});

describe("compareStateHref", () => {
  it("writes a link that reads back as the same state", () => {
    const state = readCompareState({ ...base, lp: "p-1", c: "x-y,z", align: "1", f: "left:p-1", pane: "right" })!;
    const href = compareStateHref(state);
    expect(href).toContain("c=x-y,z");
    expect(href).toContain("f=left:p-1");
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(readCompareState(params)).toEqual(state);
  });

  it("leaves defaults out", () => {
    expect(compareStateHref(readCompareState(base)!)).toBe("/compare?left=essay-a&right=essay-b");
  });
});
