import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CORPUS_FILES, loadCorpusDocument } from "@/tests/fixtures/concepts/corpus-blocks";
import type { MentionBlock } from "./find-mentions";
import { type PassageDocument, findSharedPassages, findSharedPassagesWith, indexPassageDocument, preparePassageText, sharesPassageWith } from "./find-shared-passages";

function doc(slug: string, ...texts: string[]): PassageDocument {
  return { slug, blocks: texts.map((text, i): MentionBlock => ({ kind: "paragraph", anchor: `${slug}-p${i + 1}`, text })) };
}

describe("findSharedPassages", () => {
  it("finds a passage that differs only in punctuation, quotation marks and spacing, with offsets on both sides", () => {
    const a = doc("a", "他指出：“各国应该加强沟通、扩大共识、深化合作，共同构建网络空间命运共同体。”此后");
    const b = doc("b", "正如所言，各国应该加强沟通，扩大共识， 深化合作,共同构建\n网络空间命运共同体");
    const [passage, ...rest] = findSharedPassages(a, b);
    expect(rest).toEqual([]);
    expect(passage?.skeleton).toBe("各国应该加强沟通扩大共识深化合作共同构建网络空间命运共同体");
    expect(passage?.hanChars).toBe(29);
    expect(passage?.a).toMatchObject({ slug: "a", blockAnchor: "a-p1", text: "各国应该加强沟通、扩大共识、深化合作，共同构建网络空间命运共同体" });
    expect(passage?.b).toMatchObject({ slug: "b", blockAnchor: "b-p1", text: "各国应该加强沟通，扩大共识， 深化合作,共同构建\n网络空间命运共同体" });
    const aText = a.blocks[0]?.text ?? "";
    expect(aText.slice(passage?.a.start, passage?.a.end)).toBe(passage?.a.text);
  });

  it("applies the threshold to Han characters: 11 shared is nothing, 12 is a passage", () => {
    expect(findSharedPassages(doc("a", "甲一二三四五六七八九十壹乙"), doc("b", "丙一二三四五六七八九十壹丁"))).toEqual([]);
    const found = findSharedPassages(doc("a", "甲一二三四五六七八九十壹贰乙"), doc("b", "丙一二三四五六七八九十壹贰丁"));
    expect(found.map((p) => p.skeleton)).toEqual(["一二三四五六七八九十壹贰"]);
    expect(findSharedPassages(doc("a", "甲一二三四五六七八九十壹乙"), doc("b", "丙一二三四五六七八九十壹丁"), { minChars: 11 })).toHaveLength(1);
  });

  it("reports each common passage once, at its full extent, not as overlapping windows", () => {
    const shared = "网络空间是人类共同的活动空间网络空间前途命运应由世界各国共同掌握";
    const found = findSharedPassages(doc("a", `前言${shared}后记`), doc("b", `开头：${shared}。结尾`));
    expect(found).toHaveLength(1);
    expect(found[0]?.skeleton).toBe(shared);
  });

  it("keeps overlapping passages that pair one stretch of A with different places in B", () => {
    const run = "一二三四五六七八九十壹贰叁肆伍陆柒捌";
    const first = run.slice(0, 14);
    const last = run.slice(4);
    const found = findSharedPassages(doc("a", `甲${run}乙`), doc("b", `丙${first}丁`, `戊${last}己`));
    expect(found.map((p) => [p.skeleton, p.b.blockAnchor, p.a.start, p.a.end])).toEqual([
      [first, "b-p1", 1, 15],
      [last, "b-p2", 5, 19],
    ]);
  });

  it("pairs a passage repeated in B with each repetition", () => {
    const phrase = "尊重网络主权维护和平安全促进开放合作";
    const found = findSharedPassages(doc("a", `即${phrase}。`), doc("b", `一是${phrase}；`, `二是${phrase}。`));
    expect(found.map((p) => p.b.blockAnchor)).toEqual(["b-p1", "b-p2"]);
  });

  it("never joins text across a block boundary", () => {
    expect(findSharedPassages(doc("a", "甲一二三四五六", "七八九十壹贰乙"), doc("b", "丙一二三四五六七八九十壹贰丁"))).toEqual([]);
  });

  it("compares letters and digits (full-width folded) but does not count them towards the threshold", () => {
    const found = findSharedPassages(doc("a", "联合国信息安全政府专家组(ＧＧＥ)报告"), doc("b", "联合国信息安全政府专家组（GGE）在"), { minChars: 12 });
    expect(found.map((p) => p.skeleton)).toEqual(["联合国信息安全政府专家组gge"]);
    expect(findSharedPassages(doc("a", "http://www.xinhuanet.com/politics/2018"), doc("b", "见 http://www.xinhuanet.com/politics/2018。"))).toEqual([]);
  });

  it("rejects a nonsensical threshold", () => {
    expect(() => findSharedPassages(doc("a", "甲"), doc("b", "乙"), { minChars: 0 })).toThrow(RangeError);
  });
});

describe("findSharedPassages on the corpus", async () => {
  const [essay0, essay1] = await Promise.all(CORPUS_FILES.map((file) => loadCorpusDocument(file)));
  if (essay0 === undefined || essay1 === undefined) throw new Error("corpus missing");
  const passages = findSharedPassages(essay0, essay1);

  it("finds the 2015 speech both essays quote, in different punctuation", () => {
    const speech = passages.filter((p) => p.skeleton.includes("人类共同的活动空间"));
    expect(speech.length).toBeGreaterThanOrEqual(1);
    for (const p of speech) {
      expect(p.a.text).not.toBe(p.b.text);
      expect(p.a.text.replace(/[^\p{Script=Han}]/gu, "")).toBe(p.b.text.replace(/[^\p{Script=Han}]/gu, ""));
    }
  });

  it("finds the four principles and the outlook on cybersecurity spelled out in both", () => {
    expect(passages.some((p) => p.skeleton.includes("尊重网络主权维护和平安全促进开放合作构建良好秩序"))).toBe(true);
    const outlook = passages.find((p) => p.skeleton.startsWith("网络安全是整体的而不是割裂的"));
    expect(outlook?.hanChars).toBeGreaterThanOrEqual(50);
  });

  it("returns only maximal pairs: no reported pair extends by one character on both sides", () => {
    const skeletonChar = (text: string, from: number, step: 1 | -1): string | undefined => {
      for (let k = from; k >= 0 && k < text.length; k += step) {
        const ch = text[k] as string;
        if (/[\p{Script=Han}\p{L}\p{N}]/u.test(ch)) return ch.normalize("NFKC").toLowerCase();
      }
      return undefined;
    };
    const blockText = (blocks: typeof essay0.blocks, anchor: string) => blocks.find((b) => b.anchor === anchor)?.text ?? "";
    for (const p of passages) {
      const ta = blockText(essay0.blocks, p.a.blockAnchor);
      const tb = blockText(essay1.blocks, p.b.blockAnchor);
      const before = [skeletonChar(ta, p.a.start - 1, -1), skeletonChar(tb, p.b.start - 1, -1)];
      const after = [skeletonChar(ta, p.a.end, 1), skeletonChar(tb, p.b.end, 1)];
      expect(before[0] !== undefined && before[0] === before[1]).toBe(false);
      expect(after[0] !== undefined && after[0] === after[1]).toBe(false);
    }
  });
});

describe("findSharedPassagesWith", () => {
  it("gives findSharedPassages' answer, in its order, whichever document is indexed", () => {
    const text = fc.array(fc.constantFrom(..."网络空间治理规则合作，。"), { maxLength: 60 }).map((cs) => cs.join(""));
    const document = (slug: string) =>
      fc.array(text, { minLength: 1, maxLength: 4 }).map((texts) => ({ slug, blocks: texts.map((t, i) => ({ kind: "paragraph" as const, anchor: `${slug}${i}`, text: t })) }));
    fc.assert(
      fc.property(document("a"), document("b"), fc.integer({ min: 4, max: 12 }), (a, b, minChars) => {
        const expected = findSharedPassages(a, b, { minChars });
        expect(findSharedPassagesWith(indexPassageDocument(a, { minChars }), b, "a")).toEqual(expected);
        expect(findSharedPassagesWith(indexPassageDocument(b, { minChars }), a, "b")).toEqual(expected);
      }),
      { seed: 15, numRuns: 500 },
    );
  });
});

describe("sharesPassageWith", () => {
  it("says whether findSharedPassages finds a passage between the two texts", () => {
    // Few distinct characters, Latin letters and digits among them (compared but not counted as Han), so
    // that texts share runs long and short, counted and not.
    const text = fc.array(fc.constantFrom(..."网络空间治理规则合作ab12，。 "), { maxLength: 50 }).map((cs) => cs.join(""));
    const quoted = fc.array(fc.constantFrom(..."网络空间治理规则合作ab1"), { minLength: 8, maxLength: 20 }).map((cs) => cs.join(""));
    let shared = 0;
    let apart = 0;
    fc.assert(
      fc.property(text, text, text, text, quoted, (before, after, other, tail, quote) => {
        const a = `${before}${quote}${after}`;
        const b = `${other}${quote}${tail}`;
        const expected = findSharedPassages({ slug: "a", blocks: [{ kind: "paragraph", anchor: "a", text: a }] }, { slug: "b", blocks: [{ kind: "paragraph", anchor: "b", text: b }] }).length > 0;
        expect(sharesPassageWith(preparePassageText(a), b)).toBe(expected);
        if (expected) shared++;
        else apart++;
      }),
      { seed: 15, numRuns: 3000 },
    );
    // Both answers are exercised, or the comparison proves little.
    expect(shared).toBeGreaterThan(300);
    expect(apart).toBeGreaterThan(300);
  });
});
