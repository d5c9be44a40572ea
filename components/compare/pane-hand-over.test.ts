import { describe, expect, it } from "vitest";
import { decodeHandOver, documentPair, encodeHandOver, HAND_OVER_MS } from "./pane-hand-over";

const pair = documentPair("left-essay", "right-essay");

describe("pane hand-over", () => {
  it("gives back the positions left for the same documents", () => {
    const positions = { left: { scrollTop: 5000, block: "p-1a2b3c4d", offset: -12.5 }, right: { scrollTop: 2500.5, block: null, offset: 0 } };
    const raw = encodeHandOver(pair, positions, 1_000);
    expect(decodeHandOver(raw, pair, 1_000 + HAND_OVER_MS - 1)).toEqual(positions);
  });

  it("gives nothing for other documents, once stale, or for what is not a hand-over", () => {
    const at = (scrollTop: number) => ({ scrollTop, block: "p-1", offset: 8 });
    const raw = encodeHandOver(pair, { left: at(1), right: at(2) }, 1_000);
    expect(decodeHandOver(raw, documentPair("left-essay", "another"), 1_000)).toBeNull();
    expect(decodeHandOver(raw, pair, 1_000 + HAND_OVER_MS)).toBeNull();
    expect(decodeHandOver(null, pair, 1_000)).toBeNull();
    expect(decodeHandOver("{not json", pair, 1_000)).toBeNull();
    expect(decodeHandOver("null", pair, 1_000)).toBeNull();
    expect(decodeHandOver(JSON.stringify({ documents: pair, at: 1_000, left: "1", right: at(2) }), pair, 1_000)).toBeNull();
    expect(decodeHandOver(JSON.stringify({ documents: pair, at: 1_000, left: { ...at(1), block: 7 }, right: at(2) }), pair, 1_000)).toBeNull();
    expect(decodeHandOver(JSON.stringify({ documents: pair, at: 1_000, left: { ...at(1), offset: null }, right: at(2) }), pair, 1_000)).toBeNull();
    // The hand-over of a version before the blocks: positions as bare numbers.
    expect(decodeHandOver(JSON.stringify({ documents: pair, at: 1_000, left: 1, right: 2 }), pair, 1_000)).toBeNull();
  });

  it("keeps the two documents apart in the pair", () => {
    expect(documentPair("a", "b")).not.toBe(documentPair("b", "a"));
  });
});
