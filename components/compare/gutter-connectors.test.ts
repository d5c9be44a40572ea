import { describe, expect, it } from "vitest";
import { blockPairs, type BlockPair, connectorPath } from "@/lib/compare/alignment";
import type { CompareLink, LinkSide } from "@/lib/compare/build-compare-view";
import { bodyBlockPairs, connector, connectorEnd, connectorsMarkup, DRAW_MARGIN, STUB } from "./gutter-connectors";

const side = (anchor: string, blockKind: LinkSide["blockKind"] = "paragraph") => ({ anchor, blockKind }) as LinkSide;
const link = (left: LinkSide, right: LinkSide, kind: CompareLink["kind"] = "shared_passage", confidence = 1) =>
  ({ kind, confidence, left, right }) as CompareLink;
const pair = (left: string, right: string, extra: Partial<BlockPair> = {}): BlockPair => ({
  left,
  right,
  kind: "shared_passage",
  confidence: 1,
  count: 1,
  ...extra,
});

describe("bodyBlockPairs", () => {
  it("keeps the pairs of links between the texts and leaves out any with a note at either end", () => {
    const links = [
      link(side("p-1"), side("p-9")),
      link(side("n-1", "footnote"), side("p-9"), "shared_source", 0.8),
      link(side("h-1", "heading"), side("n-2", "footnote"), "concept_overlap", 0.4),
      link(side("h-1", "heading"), side("h-2", "heading"), "concept_overlap", 0.5),
    ];
    const pairs = blockPairs(links);
    expect(bodyBlockPairs(links, pairs).map((p) => `${p.left}-${p.right}`)).toEqual(["p-1-p-9", "h-1-h-2"]);
  });

  it("keeps a pair when one of its links joins the texts, even if another joins a note of the same anchor", () => {
    const links = [link(side("x", "footnote"), side("y")), link(side("x"), side("y"), "concept_overlap", 0.3)];
    expect(bodyBlockPairs(links, blockPairs(links))).toHaveLength(1);
  });

  it("keeps the pairs' order and objects", () => {
    const links = [link(side("a"), side("b")), link(side("c"), side("d"))];
    const pairs = blockPairs(links);
    const body = bodyBlockPairs(links, pairs);
    expect(body[0]).toBe(pairs[0]);
    expect(body[1]).toBe(pairs[1]);
  });
});

describe("connectorEnd", () => {
  const gutter = { top: 100, height: 500 };
  const block = (top: number, height: number) => ({ top: gutter.top + top, bottom: gutter.top + top + height, height });

  it("is nothing for a block not laid out", () => {
    expect(connectorEnd({ top: 0, bottom: 0, height: 0 }, gutter)).toBeNull();
  });

  it("is a block's first line when it is in view: half its height, at most 14 below its top", () => {
    expect(connectorEnd(block(50, 200), gutter)).toBe(64);
    expect(connectorEnd(block(50, 20), gutter)).toBe(60);
  });

  it("is the top of what is left in view of a block partly scrolled off above", () => {
    expect(connectorEnd(block(-100, 300), gutter)).toBe(6);
  });

  it("stays 6 clear of the end of what is left in view", () => {
    expect(connectorEnd(block(485, 200), gutter)).toBe(494);
  });

  it("is the middle of a sliver of block left in view", () => {
    expect(connectorEnd(block(-100, 108), gutter)).toBe(4);
  });

  it("is where the first line would be for a block out of view", () => {
    expect(connectorEnd(block(-300, 100), gutter)).toBe(-286);
    expect(connectorEnd(block(600, 100), gutter)).toBe(614);
  });
});

describe("connector", () => {
  const gutter = { width: 40, height: 500 };

  it("draws a line across the gutter when both ends are in view", () => {
    const drawn = connector({ pair: pair("p-1", "p-2", { kind: "shared_source", confidence: 0.5 }), left: 10, right: 200 }, gutter, null);
    expect(drawn).toEqual({
      markup: `<path d="${connectorPath(40, 10, 200)}" data-kind="shared_source" data-left="p-1" data-right="p-2" opacity="0.65"></path>`,
      focused: false,
    });
  });

  it("draws a stub from the end in view towards a partner out of view", () => {
    expect(connector({ pair: pair("a", "b"), left: 100, right: 900 }, gutter, null)?.markup).toBe(
      `<path d="M0 100.0 h${STUB} l5 5" data-stub="below" data-kind="shared_passage" data-left="a" data-right="b" opacity="1"></path>`,
    );
    expect(connector({ pair: pair("a", "b"), left: -300, right: 250.25 }, gutter, null)?.markup).toBe(
      `<path d="M40.0 250.3 h-${STUB} l-5 -5" data-stub="above" data-kind="shared_passage" data-left="a" data-right="b" opacity="1"></path>`,
    );
  });

  it("counts an end within the margin of the gutter as in view", () => {
    expect(connector({ pair: pair("a", "b"), left: -DRAW_MARGIN + 1, right: 500 + DRAW_MARGIN - 1 }, gutter, null)?.markup).toContain('d="M0 ');
    expect(connector({ pair: pair("a", "b"), left: -DRAW_MARGIN, right: 10 }, gutter, null)?.markup).toContain("data-stub");
  });

  it("draws nothing when neither end is in view or an end is missing", () => {
    expect(connector({ pair: pair("a", "b"), left: -100, right: 900 }, gutter, null)).toBeNull();
    expect(connector({ pair: pair("a", "b"), left: null, right: 10 }, gutter, null)).toBeNull();
    expect(connector({ pair: pair("a", "b"), left: 10, right: null }, gutter, null)).toBeNull();
  });

  it("marks the connectors of the focused block, on its side only", () => {
    const ends = { pair: pair("a", "b"), left: 10, right: 20 };
    expect(connector(ends, gutter, { side: "left", anchor: "a" })?.focused).toBe(true);
    expect(connector(ends, gutter, { side: "right", anchor: "b" })?.markup).toContain(' data-focused=""></path>');
    expect(connector(ends, gutter, { side: "right", anchor: "a" })?.focused).toBe(false);
    expect(connector(ends, gutter, { side: "left", anchor: "b" })?.markup).not.toContain("data-focused");
  });
});

describe("connectorsMarkup", () => {
  it("draws the focused block's connectors last, the others in order, and leaves out what is not drawn", () => {
    const ends = [
      { pair: pair("a", "x"), left: 10, right: 20 },
      { pair: pair("f", "y"), left: 30, right: 40 },
      { pair: pair("b", "z"), left: -900, right: 900 },
      { pair: pair("c", "w"), left: 50, right: 60 },
      { pair: pair("f", "v"), left: 30, right: 70 },
    ];
    const markup = connectorsMarkup(ends, { width: 40, height: 500 }, { side: "left", anchor: "f" });
    expect([...markup.matchAll(/data-left="(\w+)" data-right="(\w+)"/gu)].map((m) => `${m[1]}${m[2]}`)).toEqual(["ax", "cw", "fy", "fv"]);
  });

  it("is empty when nothing is drawn", () => {
    expect(connectorsMarkup([], { width: 40, height: 500 }, null)).toBe("");
  });
});
