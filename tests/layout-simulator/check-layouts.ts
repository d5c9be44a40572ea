import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { failureReport } from "./failure-report";
import { layoutCaseArbitrary, runCase, runCaseCached, type LayoutCase } from "./layout-case";
import type { InvariantName } from "./layout-invariants";
import type { MarkerStyle } from "./layout-parameters";

/**
 * Runs the invariants over generated layouts with fast-check and, on failure, returns a report of the
 * shrunk counterexample (also written as JSON for `show-failure.ts --case`). Time-bounded: fast-check stops
 * generating and shrinking at `timeLimitMs`, and reports the smallest failing case found by then.
 */

export interface CheckOptions {
  style: MarkerStyle;
  seed: number;
  numRuns: number;
  timeLimitMs: number;
  /** Check (and shrink towards) this invariant only; all of them when absent. */
  invariant?: InvariantName;
}

export function checkLayouts(options: CheckOptions): { failed: boolean; report: string; runs: number } {
  const details = fc.check(
    fc.property(layoutCaseArbitrary(options.style), (layoutCase) =>
      runCaseCached(layoutCase).violations.every((v) => options.invariant !== undefined && v.invariant !== options.invariant),
    ),
    { seed: options.seed, numRuns: options.numRuns, interruptAfterTimeLimit: options.timeLimitMs, markInterruptAsFailure: false },
  );
  if (!details.failed || details.counterexample === null) return { failed: false, report: `${details.numRuns} layouts, no violation`, runs: details.numRuns };
  const layoutCase: LayoutCase = details.counterexample[0];
  const outcome = runCase(layoutCase);
  const file = path.join(os.tmpdir(), `duizhao-layout-${options.style}-${options.seed}${options.invariant ? `-${options.invariant}` : ""}.json`);
  fs.writeFileSync(file, JSON.stringify(layoutCase));
  const report = [
    `${options.style} layouts, seed ${options.seed}${options.invariant ? `, ${options.invariant}` : ""}: failed after ${details.numRuns} runs (${details.numShrinks} shrinks${details.interrupted ? ", shrinking interrupted by the time limit" : ""})`,
    `reproduce: node --import tsx tests/layout-simulator/show-failure.ts --style ${options.style} --seed ${options.seed} --path ${details.counterexamplePath}`,
    `       or: node --import tsx tests/layout-simulator/show-failure.ts --case ${file}`,
    "",
    failureReport(layoutCase, outcome),
  ].join("\n");
  return { failed: true, report, runs: details.numRuns };
}
