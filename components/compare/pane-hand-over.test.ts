import { describe, expect, it } from "vitest";
import { decodeHandOver, documentPair, encodeHandOver, HAND_OVER_MS } from "./pane-hand-over";

const pair = documentPair("left-essay", "right-essay");

describe("pane hand-over", () => {
  it("gives back the positions left for the same documents", () => {
    const raw = encodeHandOver(pair, { left: 5000, right: 2500.5 }, 1_000);
    expect(decodeHandOver(raw, pair, 1_000 + HAND_OVER_MS - 1)).toEqual({ left: 5000, right: 2500.5 });
  });

  it("gives nothing for other documents, once stale, or for what is not a hand-over", () => {
    const raw = encodeHandOver(pair, { left: 1, right: 2 }, 1_000);
    expect(decodeHandOver(raw, documentPair("left-essay", "another"), 1_000)).toBeNull();
    expect(decodeHandOver(raw, pair, 1_000 + HAND_OVER_MS)).toBeNull();
    expect(decodeHandOver(null, pair, 1_000)).toBeNull();
    expect(decodeHandOver("{not json", pair, 1_000)).toBeNull();
    expect(decodeHandOver("null", pair, 1_000)).toBeNull();
    expect(decodeHandOver(JSON.stringify({ documents: pair, at: 1_000, left: "1", right: 2 }), pair, 1_000)).toBeNull();
  });

  it("keeps the two documents apart in the pair", () => {
    expect(documentPair("a", "b")).not.toBe(documentPair("b", "a"));
  });
});
