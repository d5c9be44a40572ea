import { describe, expect, it } from "vitest";
import { checkLayouts } from "./check-layouts";

/**
 * Invariants of the parser on generated circled-marker layouts (see layout-invariants.ts): no note attached to
 * the wrong marker, no body text lost, added or reordered, no debris in text, every heading and marker
 * found, unsure notes left unattached with a warning. A fixed seed, and a fresh one every run.
 */

const FIXED_SEED = 20261206;
const RUNS = 150;
const TIME_LIMIT_MS = 20_000;
const TEST_TIMEOUT_MS = 60_000;
const REPORT_HEAD_LINES = 12;

describe("parsing generated circled layouts", () => {
  for (const seed of [FIXED_SEED, Date.now() % 2 ** 31]) {
    it(`keeps every invariant (seed ${seed})`, { timeout: TEST_TIMEOUT_MS }, () => {
      const result = checkLayouts({ style: "circled", seed, numRuns: RUNS, timeLimitMs: TIME_LIMIT_MS });
      if (result.failed) console.error(result.report);
      // The full report (text, truth, parse, diff) is on stderr; the assertion repeats its head.
      expect(result.failed, result.report.split("\n").slice(0, REPORT_HEAD_LINES).join("\n")).toBe(false);
    });
  }
});
