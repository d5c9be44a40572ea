import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertySeeds } from "@/tests/layout-simulator/property-seeds";
import { pdfCaseArbitrary, runPdfCase, type PdfCaseOutcome } from "./pdf-case";
import { pdfPrinterForSuite } from "./pdf-printer-for-suite";

/**
 * The layout simulator's invariants on PDFs: invented documents typeset on journal pages (three geometries,
 * both marker styles), printed by Chromium, read back with pdf.js and scored against what was printed. Every
 * invariant must hold (none is open for PDFs). Bounded: each print and parse takes a few hundred milliseconds,
 * so a few cases per seed and style here; `npm run bench -- fidelity` runs many more.
 */

const RUNS_PER_SEED = 3;
const TEST_TIMEOUT_MS = 120_000;

const printer = pdfPrinterForSuite();

const describeOutcome = (outcome: PdfCaseOutcome) =>
  `${outcome.pages} pages: ${outcome.violations.map((v) => `${v.invariant}: ${v.detail}`).join("; ")}`;

for (const style of ["circled", "bracket"] as const) {
  describe(`parsing typeset ${style} PDFs`, () => {
    for (const seed of propertySeeds()) {
      it(`every layout invariant holds (seed ${seed})`, { timeout: TEST_TIMEOUT_MS }, async () => {
        const failures: string[] = [];
        await fc.assert(
          fc.asyncProperty(pdfCaseArbitrary(style), async (pdfCase) => {
            const outcome = await runPdfCase(pdfCase, printer());
            if (outcome.violations.length > 0) failures.push(`${pdfCase.params.geometry.name}, ${describeOutcome(outcome)}`);
            return outcome.violations.length === 0;
          }),
          // No shrinking: each step is a print; the first failure is reported as found.
          { seed, numRuns: RUNS_PER_SEED, endOnFailure: true },
        ).catch((error: unknown) => {
          throw new Error(`${failures[0] ?? ""}\n${error instanceof Error ? error.message.split("\n").slice(0, 6).join("\n") : String(error)}`);
        });
        expect(failures).toEqual([]);
      });
    }
  });
}
