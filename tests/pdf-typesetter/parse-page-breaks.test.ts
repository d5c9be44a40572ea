import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { corpusDocument } from "@/tests/layout-simulator/corpus-structure";
import { comparePageBreaks, missingFromTei } from "@/tests/layout-simulator/page-break-truth";
import { pdfCaseArbitrary, runPdfCase, type PdfCase } from "./pdf-case";
import { pdfPrinterForSuite } from "./pdf-printer-for-suite";
import { PDF_GEOMETRIES } from "./typeset-pdf-page";

/**
 * A page that begins inside a paragraph or a note of a PDF is recorded at the very character the page's first
 * line begins with, numbered by the folio printed on that page: corpus 001's structure set on each geometry
 * (its long paragraphs run over most pages; its notes run on overleaf), and a few invented documents.
 */

const TEST_TIMEOUT_MS = 180_000;
const INVENTED_CASES = 4;
const INVENTED_SEED = 20261206;

const printer = pdfPrinterForSuite();

async function checkCase(pdfCase: PdfCase) {
  const outcome = await runPdfCase(pdfCase, printer());
  expect(outcome.draft, outcome.error ?? "").not.toBeNull();
  const draft = outcome.draft!;
  const comparison = comparePageBreaks(draft, outcome.truth);
  expect(comparison.wrong).toEqual([]);
  // And the TEI writes each as a pb at that character.
  expect(missingFromTei(draft, comparison.found)).toEqual([]);
  // A PDF's pages are its own: always judged.
  expect(comparison.pagesJudged).toBe(true);
  // Every break carries the folio printed on its page (the typesetter numbers pages from firstFolio).
  for (const block of [...draft.headings, ...draft.paragraphs, ...draft.footnotes]) {
    for (const pageBreak of block.pageBreaks ?? []) expect(pageBreak.folio).toBe(String(pdfCase.params.firstFolio + pageBreak.page - 1));
  }
  return comparison;
}

describe("page breaks inside blocks of typeset PDFs", () => {
  for (const geometry of PDF_GEOMETRIES) {
    it(`are where each page began, with its folio: corpus 001 on ${geometry.name} pages`, { timeout: TEST_TIMEOUT_MS }, async () => {
      const style = geometry.name === "a4" ? "bracket" : "circled";
      const comparison = await checkCase({
        document: corpusDocument("corpus-001"),
        params: { style, geometry, firstFolio: 27, noteOverrun: true, justified: geometry.name !== "a5" },
      });
      expect(comparison.found.filter((b) => b.block === "paragraph").length).toBeGreaterThan(5);
      expect(comparison.found.some((b) => b.block === "note")).toBe(true);
      // Blocks whose text the parse did not read exactly as printed are not judged: few (one long paragraph of
      // corpus 001 differs from the truth further on, at the time of writing).
      expect(comparison.unjudged).toBeLessThan(comparison.found.length / 10);
    });
  }

  it("are where each page began in invented documents", { timeout: TEST_TIMEOUT_MS }, async () => {
    let found = 0;
    for (const style of ["circled", "bracket"] as const) {
      for (const pdfCase of fc.sample(pdfCaseArbitrary(style), { seed: INVENTED_SEED, numRuns: INVENTED_CASES / 2 })) {
        found += (await checkCase(pdfCase)).found.length;
      }
    }
    expect(found).toBeGreaterThan(0);
  });
});
