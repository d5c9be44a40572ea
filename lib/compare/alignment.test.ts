import { describe, expect, it } from "vitest";
import { alignmentChain, blockPairs, connectorOpacity, connectorPath, mapOffset } from "./alignment";

const link = (left: string, right: string, kind: "shared_passage" | "shared_source" | "concept_overlap", confidence = 1) => ({
  kind,
  confidence,
  left: { anchor: left },
  right: { anchor: right },
});

describe("blockPairs", () => {
  it("joins the links of two blocks into one pair styled by the strongest", () => {
    const pairs = blockPairs([link("a", "x", "concept_overlap", 0.7), link("a", "x", "shared_passage"), link("a", "y", "shared_source", 0.85)]);
    expect(pairs).toHaveLength(2);
    expect(pairs.find((p) => p.right === "x")).toMatchObject({ kind: "shared_passage", confidence: 1, count: 2 });
  });
});

describe("alignmentChain", () => {
  const index = (...anchors: string[]) => new Map(anchors.map((a, i) => [a, i]));

  it("keeps only pairs that go forward in both documents, preferring the weightier evidence", () => {
    const pairs = blockPairs([
      link("l1", "r1", "shared_passage"),
      link("l2", "r3", "shared_passage"),
      // Crosses the pair above: the weaker of the two crossing choices is left out.
      link("l3", "r2", "concept_overlap", 0.3),
      link("l4", "r4", "shared_source", 0.85),
    ]);
    const chain = alignmentChain(pairs, index("l1", "l2", "l3", "l4"), index("r1", "r2", "r3", "r4"));
    expect(chain.map((p) => `${p.left}-${p.right}`)).toEqual(["l1-r1", "l2-r3", "l4-r4"]);
  });

  it("uses a block once on each side", () => {
    const pairs = blockPairs([link("l1", "r1", "shared_passage"), link("l1", "r2", "shared_passage"), link("l2", "r2", "concept_overlap", 0.2)]);
    const chain = alignmentChain(pairs, index("l1", "l2"), index("r1", "r2"));
    expect(new Set(chain.map((p) => p.left)).size).toBe(chain.length);
    expect(new Set(chain.map((p) => p.right)).size).toBe(chain.length);
    expect(chain).toHaveLength(2);
  });

  it("skips blocks it cannot place", () => {
    expect(alignmentChain(blockPairs([link("n-1", "r1", "shared_passage")]), new Map(), index("r1"))).toEqual([]);
  });
});

describe("mapOffset", () => {
  const points = [
    { left: 0, right: 0 },
    { left: 100, right: 300 },
    { left: 400, right: 600 },
  ];

  it("lands exactly on an aligned partner and interpolates between partners", () => {
    expect(mapOffset(points, 100, "left")).toBe(300);
    expect(mapOffset(points, 250, "left")).toBe(450);
    expect(mapOffset(points, 450, "right")).toBe(250);
  });

  it("is its own inverse", () => {
    for (const y of [0, 37, 100, 333, 400, 900]) expect(mapOffset(points, mapOffset(points, y, "left"), "right")).toBeCloseTo(y);
  });

  it("runs parallel beyond the last point and ignores points that would run backwards", () => {
    expect(mapOffset(points, 500, "left")).toBe(700);
    expect(mapOffset([...points, { left: 200, right: 100 }], 250, "left")).toBe(450);
    expect(mapOffset([], 42, "left")).toBe(42);
  });
});

describe("connectors", () => {
  it("leave and arrive at the given heights across the gutter", () => {
    expect(connectorPath(48, 10, 120.04)).toBe("M0 10 C24 10 24 120 48 120");
  });

  it("are never invisible, however weak", () => {
    expect(connectorOpacity(0)).toBeGreaterThan(0);
    expect(connectorOpacity(1)).toBe(1);
    expect(connectorOpacity(0.5)).toBeLessThan(connectorOpacity(0.9));
  });
});
