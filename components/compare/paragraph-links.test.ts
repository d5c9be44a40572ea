import { describe, expect, it } from "vitest";
import type { CounterpartEntry } from "@/lib/compare/build-compare-view";
import { counterpartAt, countLinksByBlock, firstCounterpart, linksOfBlock } from "./paragraph-links";

const link = (left: string, right: string) => ({ left: { anchor: left }, right: { anchor: right } });
const target = (anchor: string) => ({ anchor, start: 0, end: 2 });

describe("countLinksByBlock", () => {
  it("counts each block's links on each side", () => {
    const counts = countLinksByBlock([link("p-1", "p-9"), link("p-1", "p-8"), link("p-2", "p-9")]);
    expect([...counts.left]).toEqual([["p-1", 2], ["p-2", 1]]);
    expect([...counts.right]).toEqual([["p-9", 2], ["p-8", 1]]);
  });
});

describe("linksOfBlock", () => {
  it("lists the links of the block in focus, on its side", () => {
    const links = [link("p-1", "p-9"), link("p-2", "p-1"), link("p-1", "p-8")];
    expect(linksOfBlock(links, { side: "left", anchor: "p-1" })).toEqual([links[0], links[2]]);
    expect(linksOfBlock(links, { side: "right", anchor: "p-1" })).toEqual([links[1]]);
    expect(linksOfBlock(links, null)).toEqual([]);
  });
});

describe("counterparts", () => {
  const entries: CounterpartEntry[] = [
    [40, 44, target("p-7")],
    [10, 14, target("p-3")],
    [20, 24, null],
  ];

  it("a chip goes to the counterpart of the block's first mention", () => {
    expect(firstCounterpart(entries)?.[2]).toEqual(target("p-3"));
    expect(firstCounterpart([])).toBeUndefined();
    // The entries themselves are left in their order.
    expect(entries[0]![0]).toBe(40);
  });

  it("a mark goes to the counterpart of the mention it is part of, else to the block's first entry", () => {
    expect(counterpartAt(entries, 42)?.[2]).toEqual(target("p-7"));
    expect(counterpartAt(entries, 14)?.[2]).toEqual(target("p-7"));
    expect(counterpartAt(entries, 20)?.[2]).toBeNull();
    expect(counterpartAt([], 3)).toBeUndefined();
  });
});
