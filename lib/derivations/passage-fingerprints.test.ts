import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findSharedPassages } from "./find-shared-passages";
import { blocksSharingFingerprints, FINGERPRINT_K, FINGERPRINT_WINDOW, fingerprintBlocks, fingerprintText } from "./passage-fingerprints";

const block = (anchor: string, text: string) => ({ kind: "paragraph" as const, anchor, text });

describe("fingerprintText", () => {
  it("guarantees a common fingerprint for every 12-character shared passage (k + w − 1 = 12)", () => {
    expect(FINGERPRINT_K + FINGERPRINT_WINDOW - 1).toBe(12);
    // Few distinct characters, so texts share runs by chance as well as by construction.
    const text = (max: number) => fc.array(fc.constantFrom(..."网络空间治理规则合作国际秩序发展，。"), { maxLength: max }).map((cs) => cs.join(""));
    const quoted = fc.array(fc.constantFrom(..."网络空间治理规则合作国际秩序发展"), { minLength: 11, maxLength: 24 }).map((cs) => cs.join(""));
    let shared = 0;
    fc.assert(
      fc.property(text(40), text(30), text(40), text(30), quoted, (before, after, other, tail, quote) => {
        const a = block("a", `${before}${quote}${after}`);
        const b = block("b", `${other}${quote}${tail}`);
        const passages = findSharedPassages({ slug: "a", blocks: [a] }, { slug: "b", blocks: [b] });
        if (passages.length === 0) return;
        shared += 1;
        const fa = new Set(fingerprintText(a.text));
        expect(fingerprintText(b.text).some((f) => fa.has(f))).toBe(true);
      }),
      { seed: 15, numRuns: 2000 },
    );
    expect(shared).toBeGreaterThan(200);
  });

  it("ignores what the alignment ignores (punctuation, width, case) and keeps a third or so of the 8-grams", () => {
    expect(fingerprintText("推动构建网络空间命运共同体，是各国的共同责任。")).toEqual(fingerprintText("推动构建“网络空间命运共同体”是各国的共同责任"));
    expect(fingerprintText("ＡＢＣ推动构建网络空间命运共同体")).toEqual(fingerprintText("abc推动构建网络空间命运共同体"));
    expect(fingerprintText("网络空间命运共同体")).toEqual([]);
    const long = "各国应当在相互尊重相互信任的基础上加强对话与合作推动互联网全球治理体系变革共同构建和平安全开放合作的网络空间建立多边民主透明的全球互联网治理体系";
    const grams = [...long].length - FINGERPRINT_K + 1;
    const kept = fingerprintText(long).length;
    expect(kept).toBeGreaterThan(grams / 5);
    expect(kept).toBeLessThan(grams / 2);
  });
});

describe("blocksSharingFingerprints", () => {
  it("keeps the blocks of each document that can hold a passage shared with the other: aligning them alone finds every shared passage", () => {
    const words = fc.array(fc.constantFrom(..."网络空间治理规则合作国际秩序发展，。"), { maxLength: 40 }).map((cs) => cs.join(""));
    const quoted = fc.array(fc.constantFrom(..."网络空间治理规则合作国际秩序发展"), { minLength: 12, maxLength: 24 }).map((cs) => cs.join(""));
    const documentOf = (slug: string, texts: string[]) => ({ slug, blocks: texts.map((text, i) => block(`${slug}-${i}`, text)) });
    let pruned = 0;
    fc.assert(
      fc.property(fc.array(words, { minLength: 1, maxLength: 5 }), fc.array(words, { minLength: 1, maxLength: 5 }), quoted, (ownTexts, otherTexts, quote) => {
        const a = documentOf("a", [...ownTexts, `甲${quote}`]);
        const b = documentOf("b", [`乙${quote}`, ...otherTexts]);
        const kept = blocksSharingFingerprints(fingerprintBlocks(a.blocks), fingerprintBlocks(b.blocks));
        const restrict = (document: typeof a, keep: { blockAnchor: string }[]) => ({
          slug: document.slug,
          blocks: document.blocks.filter((x) => keep.some((k) => k.blockAnchor === x.anchor)),
        });
        expect(findSharedPassages(restrict(a, kept.a), restrict(b, kept.b))).toEqual(findSharedPassages(a, b));
        pruned += a.blocks.length + b.blocks.length - kept.a.length - kept.b.length;
      }),
      { seed: 15, numRuns: 500 },
    );
    // The pruning does something, or the test proves nothing about it.
    expect(pruned).toBeGreaterThan(100);
  });
});
