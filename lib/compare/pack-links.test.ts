import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CompareLink, LinkEvidence, LinkSide } from "./build-compare-view";
import { packLinks, unpackLinks } from "./pack-links";

const anchor = fc.constantFrom("p-1a2b3c4d", "p-5e6f7a8b", "h-9c0d1e2f", "n-3a4b5c6d", "n-7e8f9a0b", "p-\u0000odd");
const offset = fc.option(fc.nat({ max: 4000 }), { nil: null });
const side: fc.Arbitrary<LinkSide> = fc.record({
  anchor,
  blockKind: fc.constantFrom("heading", "paragraph", "footnote"),
  label: fc.constantFrom("¶ 1", "¶ 12", "§ 一、总论", "注 ③ (p. 5)", ""),
  order: fc.nat({ max: 300 }),
  start: offset,
  end: offset,
});
const text = fc.string({ maxLength: 12 });
const evidence: fc.Arbitrary<LinkEvidence> = fc.oneof(
  fc.constant({ kind: "shared_passage" as const }),
  fc.record({
    kind: fc.constant("shared_source" as const),
    title: text,
    sourceType: fc.option(text, { nil: null }),
    leftNote: fc.option(anchor, { nil: null }),
    rightNote: fc.option(anchor, { nil: null }),
  }),
  fc.record({ kind: fc.constant("concept_overlap" as const), concepts: fc.array(fc.record({ id: text, labelZh: text }), { maxLength: 5 }) }),
);
const link: fc.Arbitrary<CompareLink> = fc
  .record({ confidence: fc.integer({ min: 0, max: 100 }).map((n) => n / 100), left: side, right: side, evidence })
  .map((value) => ({ kind: value.evidence.kind, ...value }));

describe("packed links", () => {
  it("unpack to exactly the links packed", () => {
    fc.assert(
      fc.property(fc.array(link, { maxLength: 40 }), (links) => {
        expect(unpackLinks(JSON.parse(JSON.stringify(packLinks(links))))).toEqual(links);
      }),
      { seed: 16, numRuns: 300 },
    );
  });

  it("write each string and each linked block once", () => {
    const end = (anchorOf: string, order: number): LinkSide => ({ anchor: anchorOf, blockKind: "paragraph", label: `¶ ${order}`, order, start: null, end: null });
    const concepts = [
      { id: "cyber-sovereignty", labelZh: "网络主权" },
      { id: "united-nations", labelZh: "联合国框架" },
    ];
    const links: CompareLink[] = Array.from({ length: 30 }, (_, i) => ({
      kind: "concept_overlap",
      confidence: 0.5,
      left: end("p-left", 3),
      right: end(`p-right-${i % 3}`, i % 3),
      evidence: { kind: "concept_overlap", concepts },
    }));
    const packed = packLinks(links);
    expect(packed.blocks.left).toHaveLength(1);
    expect(packed.blocks.right).toHaveLength(3);
    expect(packed.strings.filter((s) => s === "网络主权")).toHaveLength(1);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(links).length / 5);
  });
});
