import { describe, expect, it } from "vitest";
import { chooseCounterpart, linkStrengths, type MentionPlace, positionInDocument } from "./choose-counterpart";

const mention = (anchor: string, position: number, member: string | null = null, start = 0): MentionPlace => ({ anchor, start, end: start + 4, member, position });

describe("chooseCounterpart", () => {
  const candidates = [mention("p-a", 0.1), mention("p-b", 0.5), mention("p-c", 0.9)];

  it("prefers a mention in a block linked to the source's block, however far away", () => {
    expect(chooseCounterpart(mention("p-x", 0.12), candidates, new Map([["p-c", 3.5]]))?.anchor).toBe("p-c");
  });

  it("takes the most strongly linked block when several are linked", () => {
    expect(chooseCounterpart(mention("p-x", 0.5), candidates, new Map([["p-a", 1.3], ["p-c", 3.9]]))?.anchor).toBe("p-c");
  });

  it("falls back to the nearest relative position", () => {
    expect(chooseCounterpart(mention("p-x", 0.62), candidates, new Map([["p-elsewhere", 3]]))?.anchor).toBe("p-b");
  });

  it("prefers the same member item among equally placed mentions", () => {
    const items = [mention("p-a", 0.4, "principle-1"), mention("p-a", 0.41, "principle-2", 10)];
    expect(chooseCounterpart(mention("p-x", 0.4, "principle-2"), items, new Map([["p-a", 3]]))?.member).toBe("principle-2");
  });

  it("has nothing to offer when the other document never mentions the concept", () => {
    expect(chooseCounterpart(mention("p-x", 0.5), [], new Map())).toBeNull();
  });
});

describe("linkStrengths", () => {
  const links = [
    { kind: "concept_overlap" as const, confidence: 0.4, left: { anchor: "p-1" }, right: { anchor: "p-9" } },
    { kind: "shared_passage" as const, confidence: 1, left: { anchor: "p-1" }, right: { anchor: "p-9" } },
    { kind: "shared_source" as const, confidence: 0.85, left: { anchor: "p-2" }, right: { anchor: "p-8" } },
  ];

  it("scores a linked block by its strongest link, from either side", () => {
    expect(linkStrengths(links, "left", "p-1")).toEqual(new Map([["p-9", 4]]));
    expect(linkStrengths(links, "right", "p-8")).toEqual(new Map([["p-2", 2.85]]));
    expect(linkStrengths(links, "right", "p-1").size).toBe(0);
  });
});

describe("positionInDocument", () => {
  it("counts whole blocks and the offset within the block", () => {
    expect(positionInDocument(0, 4, 0, 100)).toBe(0);
    expect(positionInDocument(2, 4, 50, 100)).toBeCloseTo(0.625);
    expect(positionInDocument(3, 4, 100, 100)).toBe(1);
    expect(positionInDocument(0, 0, 0, 0)).toBe(0);
  });
});
