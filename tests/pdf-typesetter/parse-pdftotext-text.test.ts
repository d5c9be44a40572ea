import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { LayoutTruth } from "@/tests/layout-simulator/layout-truth";
import { scoreExtractedText } from "./pdftotext";
import { PDFTOTEXT_FIXTURES, PDFTOTEXT_FIXTURES_DIR } from "./pdftotext-fixtures";

/**
 * Text as poppler's pdftotext prints typeset PDFs of generated documents (committed: the suite needs neither
 * Chromium nor poppler), parsed on the text path and scored against what was printed. The two defects issue 11
 * forbids: body text lost, and a note attached to the wrong marker. In -raw mode, where the font changes cut
 * lines anywhere, a note left unattached is honest; one attached wrongly is not.
 */
for (const fixture of PDFTOTEXT_FIXTURES) {
  describe(`pdftotext fixture ${fixture.name} (${fixture.shape})`, () => {
    const truth = JSON.parse(fs.readFileSync(path.join(PDFTOTEXT_FIXTURES_DIR, `${fixture.name}.truth.json`), "utf8")) as LayoutTruth;
    for (const mode of fixture.modes) {
      const held = [...(mode === "raw" ? ["no-wrong-attachment"] : ["no-wrong-attachment", "no-body-text-lost"]), ...(fixture.alsoHolds ?? [])];
      it(`${mode} mode: ${held.join(", ")}`, () => {
        const text = new Uint8Array(fs.readFileSync(path.join(PDFTOTEXT_FIXTURES_DIR, `${fixture.name}.${mode}.txt`)));
        const outcome = scoreExtractedText(text, truth, `${fixture.name}.txt`);
        expect(outcome.error).toBeNull();
        const defects = outcome.violations.filter((v) => held.includes(v.invariant));
        expect(defects).toEqual([]);
      });
    }
  });
}
