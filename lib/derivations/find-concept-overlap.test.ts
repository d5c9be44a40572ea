import { describe, expect, it } from "vitest";
import { loadConceptDictionary } from "@/lib/concepts/load-concept-dictionary";
import { CORPUS_FILES, loadCorpusDocument } from "@/tests/fixtures/concepts/corpus-blocks";
import { findConceptOverlap } from "./find-concept-overlap";
import { type ConceptMention, type MentionBlockKind, findMentions } from "./find-mentions";

/** Mentions from "anchor: id id id" lines; offsets do not matter to the overlap. */
function mentions(spec: Record<string, string>, kind: MentionBlockKind = "paragraph"): ConceptMention[] {
  return Object.entries(spec).flatMap(([anchor, ids]) =>
    ids.split(" ").map((conceptId, i) => ({ conceptId, blockAnchor: anchor, blockKind: kind, start: i, end: i + 1, variant: conceptId, via: "variant" as const })),
  );
}

describe("findConceptOverlap", () => {
  it("scores identical concept sets 1 and lists the shared concepts", () => {
    const [pair, ...rest] = findConceptOverlap(mentions({ a1: "x y" }), mentions({ b1: "y x" }));
    expect(rest).toEqual([]);
    expect(pair).toMatchObject({ a: "a1", b: "b1", score: 1, rankInA: 1, rankInB: 1 });
    expect([...(pair?.shared ?? [])].sort()).toEqual(["x", "y"]);
  });

  it("weighs a concept by its rarity: sharing rare concepts beats sharing ubiquitous ones", () => {
    const a = mentions({ a1: "common rare1 rare2 other1", a2: "common rare3 other2" });
    const b = mentions({ b1: "common rare1 rare2 other3", b2: "common rare3 other4", b3: "common", b4: "common" });
    const pairs = findConceptOverlap(a, b, { minShared: 2, minScore: 0 });
    const score = (x: string, y: string) => pairs.find((p) => p.a === x && p.b === y)?.score ?? 0;
    // Both pairs share two concepts and differ in two; a1–b1 shares two rare ones, a2–b2 one rare and the ubiquitous one.
    expect(score("a1", "b1")).toBeGreaterThan(score("a2", "b2"));
    expect(pairs.find((p) => p.a === "a2" && p.b === "b2")?.shared).toEqual(["rare3", "common"]);
  });

  it("ignores how often a paragraph repeats a concept", () => {
    const once = findConceptOverlap(mentions({ a1: "x y z" }), mentions({ b1: "x y w" }));
    const often = findConceptOverlap(mentions({ a1: "x x x y z" }), mentions({ b1: "x y y w" }));
    expect(often).toEqual(once);
  });

  it("needs minShared shared concepts and minScore", () => {
    expect(findConceptOverlap(mentions({ a1: "x p q" }), mentions({ b1: "x r s" }))).toEqual([]);
    expect(findConceptOverlap(mentions({ a1: "x p q" }), mentions({ b1: "x r s" }), { minShared: 1, minScore: 0 })).toHaveLength(1);
    expect(findConceptOverlap(mentions({ a1: "x y p q r s" }), mentions({ b1: "x y t u v w" }), { minScore: 0.5 })).toEqual([]);
  });

  it("keeps the top k partners of each paragraph, and a pair that is best for either side", () => {
    const a = mentions({ a1: "x y", a2: "x y z" });
    const b = mentions({ b1: "x y", b2: "x y q", b3: "x y q r", b4: "x y q r s" });
    const pairs = findConceptOverlap(a, b, { topK: 1, minScore: 0 });
    // a1's best is b1 (identical); b2..b4 are each kept only because a1 or a2 is their own best partner.
    expect(pairs.filter((p) => p.a === "a1").map((p) => [p.b, p.rankInA])).toEqual([
      ["b1", 1],
      ["b2", 2],
      ["b3", 3],
      ["b4", 4],
    ]);
    // a2's own best is b1 (second best for b1): kept; a2 is nobody else's best and b1 is its only top-1.
    expect(pairs.filter((p) => p.a === "a2").map((p) => [p.b, p.rankInA, p.rankInB])).toEqual([["b1", 1, 2]]);
    const strict = findConceptOverlap(mentions({ a1: "x y", a2: "x y" }), mentions({ b1: "x y", b2: "x y" }), { topK: 1 });
    expect(strict.map((p) => `${p.a}-${p.b}`)).toEqual(["a1-b1", "a1-b2", "a2-b1"]);
  });

  it("leaves headings and notes out unless asked", () => {
    const a = mentions({ h1: "x y" }, "heading");
    const b = mentions({ n1: "x y" }, "footnote");
    expect(findConceptOverlap(a, b)).toEqual([]);
    expect(findConceptOverlap(a, b, { blockKinds: ["heading", "footnote"] })).toHaveLength(1);
  });
});

describe("findConceptOverlap on the corpus", async () => {
  const dictionary = loadConceptDictionary();
  const [essay0, essay1] = await Promise.all(CORPUS_FILES.map((file) => loadCorpusDocument(file)));
  if (essay0 === undefined || essay1 === undefined) throw new Error("corpus missing");
  const mentions0 = findMentions(essay0.blocks, dictionary);
  const mentions1 = findMentions(essay1.blocks, dictionary);
  const pairs = findConceptOverlap(mentions0, mentions1);

  it("aligns paragraphs of the two essays on concepts both really mention", () => {
    expect(pairs.length).toBeGreaterThan(0);
    for (const pair of pairs) {
      expect(pair.score).toBeGreaterThanOrEqual(0.2);
      expect(pair.score).toBeLessThanOrEqual(1);
      expect(pair.shared.length).toBeGreaterThanOrEqual(2);
      for (const id of pair.shared) {
        expect(mentions0.some((m) => m.blockAnchor === pair.a && m.conceptId === id)).toBe(true);
        expect(mentions1.some((m) => m.blockAnchor === pair.b && m.conceptId === id)).toBe(true);
      }
    }
  });

  it("connects the passages where both essays set out the three problems", () => {
    expect(pairs.some((p) => p.shared.includes("three-problems"))).toBe(true);
  });
});
