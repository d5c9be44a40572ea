import { INVARIANTS, type InvariantName } from "./layout-invariants";

/**
 * Which seeds and invariants the property tests in `npm test` run. CI must be deterministic: a seed that
 * changed every run would let a rare failing layout sink an unrelated change, so `npm test` runs fixed seeds
 * (a failure found by any of them shrinks and reproduces exactly). `DUIZHAO_LAYOUT_SEED=<n>` (or `=random`)
 * adds one more seed for exploring locally; `npm run bench -- fidelity` runs thousands of layouts.
 */
export const FIXED_SEEDS = [20261206, 7];

export function propertySeeds(env: NodeJS.ProcessEnv = process.env): number[] {
  const extra = env.DUIZHAO_LAYOUT_SEED;
  if (extra === undefined || extra === "") return FIXED_SEEDS;
  const seed = extra === "random" ? Date.now() % 2 ** 31 : Number(extra);
  if (!Number.isInteger(seed)) throw new Error(`DUIZHAO_LAYOUT_SEED must be an integer or "random", got ${extra}`);
  return [...FIXED_SEEDS, seed];
}

/**
 * Not yet met, measured by the fidelity bench instead of failing every run: a note text that lost its start
 * and label and closes like no citation (a gloss, `…的治理成本。`), standing between a body sentence the page cut
 * and the next labelled note or page; a cut note line that happens to fill the body measure (`《习近平在…的`); a
 * note block of several lines whose early lines were wrapped short before an address (read as full body lines);
 * a one-line note block the extraction opened on its own right before page furniture and a glued page; note lines
 * a Latin phrase made look as wide as the body: still read as body text in 0.2–0.8% of invented layouts and 1–5%
 * of corpus 001's re-typeset ones (2,000 and 200 seeds per style on each dev range; it was 0.3–1.1% and 1–7.5%;
 * issue 11 stays open on it). Removing an entry here is how the test starts to guard it.
 */
export const OPEN_INVARIANTS: readonly InvariantName[] = ["no-text-added-to-body"];

export const HELD_INVARIANTS = INVARIANTS.filter((name) => !OPEN_INVARIANTS.includes(name));
