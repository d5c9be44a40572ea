import { describe, expect, it } from "vitest";
import { corpusDocument } from "./corpus-structure";
import { caseForSeed, runCase } from "./layout-case";
import { comparePageBreaks, missingFromTei, type PageBreakComparison } from "./page-break-truth";

/**
 * A page that begins inside a paragraph or a note is recorded at the very character the page's first line
 * begins with, and only there: the simulated layouts say where each printed page began (glyph artefacts,
 * line-break hyphens, padded URLs, markers and all), and every paragraph and note the parse read whole must
 * carry exactly those breaks, and its TEI a pb at each. Cases are drawn from fixed seeds, invented documents
 * and corpus 001's structure (whose long paragraphs run over most pages). The page a break opens is judged
 * where the layout stage counted the printed pages right (see comparePageBreaks).
 */

const SEEDS_PER_STYLE = 40;
const CORPUS_SEEDS = 6;

/**
 * Parses the case of each seed, compares its page breaks with where the layout began each page, and checks that
 * its TEI writes each break found as a pb at that character.
 */
function compareSeeds(seeds: number, caseOf: (seed: number) => ReturnType<typeof caseForSeed>): PageBreakComparison[] {
  const outcomes: PageBreakComparison[] = [];
  for (let seed = 1; seed <= seeds; seed += 1) {
    const outcome = runCase(caseOf(seed));
    if (outcome.draft === null) continue;
    const comparison = comparePageBreaks(outcome.draft, outcome.layout.truth);
    outcomes.push(comparison);
    expect(missingFromTei(outcome.draft, comparison.found), `seed ${seed}`).toEqual([]);
  }
  return outcomes;
}

function judged(outcomes: PageBreakComparison[]) {
  return {
    found: outcomes.reduce((n, o) => n + o.found.length, 0),
    notes: outcomes.reduce((n, o) => n + o.found.filter((b) => b.block === "note").length, 0),
    unjudged: outcomes.reduce((n, o) => n + o.unjudged, 0),
    pagesJudged: outcomes.filter((o) => o.pagesJudged).length,
    wrong: outcomes.flatMap((o) => o.wrong),
  };
}

describe("page breaks inside blocks, against simulated layouts", () => {
  for (const style of ["circled", "bracket"] as const) {
    it(`are where each page began, in invented documents (${style})`, () => {
      const outcomes = compareSeeds(SEEDS_PER_STYLE, (seed) => caseForSeed(style, seed));
      const result = judged(outcomes);
      expect(result.wrong).toEqual([]);
      // Enough breaks were judged for the property to mean something, and most blocks holding one were read whole.
      expect(result.found).toBeGreaterThan(SEEDS_PER_STYLE);
      expect(result.unjudged).toBeLessThan(result.found / 10);
      expect(result.pagesJudged).toBeGreaterThan(outcomes.length / 2);
    }, 120_000);
  }

  it("are where each page began in corpus 001's structure, notes running over included", () => {
    const outcomes = compareSeeds(CORPUS_SEEDS, (seed) =>
      caseForSeed(seed % 2 === 0 ? "circled" : "bracket", seed, undefined, corpusDocument("corpus-001")),
    );
    const result = judged(outcomes);
    expect(result.wrong).toEqual([]);
    expect(result.found).toBeGreaterThan(CORPUS_SEEDS * 5);
    expect(result.notes).toBeGreaterThan(0);
    expect(result.pagesJudged).toBeGreaterThan(0);
  }, 120_000);
});
