import { describe, expect, it } from "vitest";
import type { CompareState } from "@/lib/compare/compare-state";
import { urlCorrections } from "./url-corrections";

const shown: CompareState = {
  left: "a",
  right: "b",
  lp: "p-3",
  rp: null,
  concepts: ["cyber-sovereignty"],
  align: false,
  focus: { side: "left", anchor: "p-3" },
  pane: "left",
  jumped: null,
};

describe("urlCorrections", () => {
  it("changes nothing when the URL says what the server showed", () => {
    expect(urlCorrections(new URLSearchParams("left=a&right=b&lp=p-3&c=cyber-sovereignty&f=left:p-3"), shown)).toEqual({});
  });

  it("drops what the server dropped: an unknown concept, a focus and positions of another version", () => {
    const search = new URLSearchParams("left=a&right=b&c=no-such,cyber-sovereignty&f=left:p-nowhere&lp=p-nowhere&rp=%3Cx%3E");
    expect(urlCorrections(search, shown)).toEqual({ concepts: ["cyber-sovereignty"], focus: "left:p-3", leftPosition: "p-3", rightPosition: null });
  });

  it("takes concepts given as a comma list or repeated as the same list, and clears them when none is left", () => {
    expect(urlCorrections(new URLSearchParams("c=x&c=y&lp=p-3&f=left:p-3"), { ...shown, concepts: ["x", "y"] })).toEqual({});
    expect(urlCorrections(new URLSearchParams("c=x,y&lp=p-3&f=left:p-3"), { ...shown, concepts: ["x", "y"] })).toEqual({});
    expect(urlCorrections(new URLSearchParams("c=bad&lp=p-3&f=left:p-3"), { ...shown, concepts: [] })).toEqual({ concepts: null });
  });

  it("leaves the values it does not correct (align, pane) alone", () => {
    expect(urlCorrections(new URLSearchParams("align=maybe&pane=up&lp=p-3&c=cyber-sovereignty&f=left:p-3"), shown)).toEqual({});
  });
});
