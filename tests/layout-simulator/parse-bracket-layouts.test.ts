import { describe, expect, it } from "vitest";
import { checkLayouts } from "./check-layouts";
import { INVARIANTS } from "./layout-invariants";

/**
 * Invariants of the parser on generated bracket-marker layouts (see layout-invariants.ts): no note attached to
 * the wrong marker, no body text lost, added or reordered, no debris in text, every heading and marker
 * found, unsure notes left unattached with a warning. A fixed seed, and a fresh one every run; one property
 * per invariant, so each failure shrinks to its own smallest layout (the parses are shared, see runCaseCached).
 */

const FIXED_SEED = 20261206;
const RUNS = 250;
/** Per invariant and seed; fast-check stops generating or shrinking here and reports what it has. */
const TIME_LIMIT_MS = 3_000;
const TEST_TIMEOUT_MS = 30_000;
const REPORT_HEAD_LINES = 14;

describe("parsing generated bracket layouts", () => {
  for (const seed of [FIXED_SEED, Date.now() % 2 ** 31]) {
    for (const invariant of INVARIANTS) {
      it(`${invariant} (seed ${seed})`, { timeout: TEST_TIMEOUT_MS }, () => {
        const result = checkLayouts({ style: "bracket", seed, numRuns: RUNS, timeLimitMs: TIME_LIMIT_MS, invariant });
        // The full report (text, truth, parse, diff) goes to stderr; the assertion repeats its head.
        if (result.failed) console.error(result.report);
        expect(result.failed, result.report.split("\n").slice(0, REPORT_HEAD_LINES).join("\n")).toBe(false);
      });
    }
  }
});
