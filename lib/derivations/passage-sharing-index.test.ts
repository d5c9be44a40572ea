import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findSharedPassages } from "./find-shared-passages";
import { blocksSharingWith, indexPassageSharing, sharedPassageRanges } from "./passage-sharing-index";

describe("blocksSharingWith", () => {
  it("names exactly the blocks findSharedPassages finds a passage between and the other text, among the candidates given", () => {
    // Few distinct characters, Latin letters and digits among them (compared but not counted as Han), so that
    // texts share runs long and short, counted and not; a quotation planted in some blocks and the other text.
    const text = fc.array(fc.constantFrom(..."网络空间治理规则合作ab12，。 "), { maxLength: 40 }).map((cs) => cs.join(""));
    const quoted = fc.array(fc.constantFrom(..."网络空间治理规则合作ab1"), { minLength: 8, maxLength: 20 }).map((cs) => cs.join(""));
    const block = fc.tuple(text, fc.boolean(), text).map(([before, quotes, after]) => ({ before, quotes, after }));
    let shared = 0;
    let apart = 0;
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 5 }), quoted, text, text, fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), (blocks, quote, head, tail, offered) => {
        const texts = blocks.map((b) => `${b.before}${b.quotes ? quote : ""}${b.after}`);
        const other = `${head}${quote}${tail}`;
        const expected = new Set(
          texts.flatMap((t, i) =>
            findSharedPassages({ slug: "a", blocks: [{ kind: "paragraph", anchor: "a", text: t }] }, { slug: "b", blocks: [{ kind: "paragraph", anchor: "b", text: other }] }).length > 0 ? [i] : [],
          ),
        );
        const index = indexPassageSharing(texts);
        expect(blocksSharingWith(index, other)).toEqual(expected);
        const among = new Set(texts.flatMap((_, i) => (offered[i] ? [i] : [])));
        expect(blocksSharingWith(index, other, among)).toEqual(new Set([...expected].filter((i) => among.has(i))));
        shared += expected.size;
        apart += texts.length - expected.size;
      }),
      { seed: 15, numRuns: 1500 },
    );
    // Both answers are exercised, or the comparison proves little.
    expect(shared).toBeGreaterThan(300);
    expect(apart).toBeGreaterThan(300);
  });

  it("reads characters beyond the Basic Multilingual Plane (and a lone surrogate) as findSharedPassages does", () => {
    // 𠀀 and 𪚥 are Han beyond the BMP: counted as Han, one character each.
    const quote = "网络𠀀空间治理规则𪚥合作共赢";
    const texts = [`前言${quote}后记`, `开头\ud800${quote.slice(0, 11)}结尾`, `其他${quote.slice(2)}内容`];
    const other = `引文：${quote}。`;
    const expected = new Set(
      texts.flatMap((t, i) =>
        findSharedPassages({ slug: "a", blocks: [{ kind: "paragraph", anchor: "a", text: t }] }, { slug: "b", blocks: [{ kind: "paragraph", anchor: "b", text: other }] }).length > 0 ? [i] : [],
      ),
    );
    // Both answers: the whole quotation shares, eleven of its characters do not.
    expect([expected.has(0), expected.has(1)]).toEqual([true, false]);
    expect(blocksSharingWith(indexPassageSharing(texts), other)).toEqual(expected);
  });
});

describe("sharedPassageRanges", () => {
  const bothSides = (own: string, other: string) =>
    findSharedPassages({ slug: "a", blocks: [{ kind: "paragraph", anchor: "a", text: own }] }, { slug: "b", blocks: [{ kind: "paragraph", anchor: "b", text: other }] }).map((p) => ({
      start: p.a.start,
      end: p.a.end,
      otherStart: p.b.start,
      otherEnd: p.b.end,
    }));

  it("gives both sides of every passage findSharedPassages finds between the block and the other text, in its order", () => {
    // As above: few distinct characters, so that passages repeat, overlap and fall short of the minimum; a
    // quotation planted twice in the other text, so that one stretch of the block pairs with two places.
    const text = fc.array(fc.constantFrom(..."网络空间治理规则合作ab12，。 "), { maxLength: 40 }).map((cs) => cs.join(""));
    const quoted = fc.array(fc.constantFrom(..."网络空间治理规则合作ab1"), { minLength: 8, maxLength: 20 }).map((cs) => cs.join(""));
    let found = 0;
    let none = 0;
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 3 }), fc.nat(2), quoted, text, text, fc.boolean(), (blocks, pick, quote, head, tail, twice) => {
        const texts = blocks.map((t, i) => (i % 2 === 0 ? `${t}${quote}` : t));
        const block = pick % texts.length;
        const other = `${head}${quote}${tail}${twice ? quote : ""}`;
        const expected = bothSides(texts[block]!, other);
        expect(sharedPassageRanges(indexPassageSharing(texts), block, other)).toEqual(expected);
        if (expected.length > 0) found++;
        else none++;
      }),
      { seed: 15, numRuns: 1500 },
    );
    expect(found).toBeGreaterThan(300);
    expect(none).toBeGreaterThan(100);
  });

  it("reads a text longer than any before it, then a shorter one, as findSharedPassages does (the other text's buffers are reused)", () => {
    const quote = "网络空间治理规则合作共赢发展";
    const own = `前言${quote}后记`;
    // Longer than the buffers first made, the quotation at its very end; then a short text whose quotation
    // stops where the long one's skeleton went on, so that a stale code would extend it.
    const long = `${"各国开展对话".repeat(700)}${quote}`;
    const short = `引文${quote}`;
    for (const other of [short, long, short, `${quote.slice(0, 11)}`]) {
      expect(sharedPassageRanges(indexPassageSharing([own]), 0, other)).toEqual(bothSides(own, other));
      expect(blocksSharingWith(indexPassageSharing([own]), other)).toEqual(new Set(bothSides(own, other).length > 0 ? [0] : []));
    }
    expect(bothSides(own, long)).toHaveLength(1);
  });

  it("counts offsets in UTF-16 units beyond the Basic Multilingual Plane, as findSharedPassages does", () => {
    const quote = "网络𠀀空间治理规则𪚥合作共赢";
    const own = `前言𠀀${quote}后记`;
    const other = `引文：${quote}。${quote}`;
    const expected = bothSides(own, other);
    expect(expected).toHaveLength(2);
    expect(sharedPassageRanges(indexPassageSharing([own]), 0, other)).toEqual(expected);
  });
});
