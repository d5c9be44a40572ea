/**
 * `node --import tsx tests/pdf-typesetter/make-pdf-fixtures.ts` writes the committed test PDFs to
 * tests/fixtures/pdf/: invented documents set in each marker style and page geometry (each with a
 * `.truth.json`, what was printed, for score-parse.ts), and the bad PDFs the ingest must refuse. Needs Chromium
 * (`CHROMIUM_PATH`, default /usr/bin/chromium) and the Noto Serif CJK font (Debian: fonts-noto-cjk).
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { documentArbitrary } from "@/tests/layout-simulator/document-arbitrary";
import type { MarkerStyle } from "@/tests/layout-simulator/layout-parameters";
import { imageOnlyPdf, passwordProtectedPdf, pdfWithJavaScript, textPdf, truncatedPdf } from "./hand-made-pdfs";
import { openPdfPrinter } from "./print-pdf";
import { PDF_GEOMETRIES, typesetPdfPages } from "./typeset-pdf-page";

export const PDF_FIXTURES_DIR = path.join(import.meta.dirname, "..", "fixtures", "pdf");

/** The typeset fixtures: name, the documentArbitrary seed of its document, marker style, geometry. */
export const TYPESET_FIXTURES: ReadonlyArray<{ name: string; seed: number; style: MarkerStyle; geometry: string; firstFolio: number }> = [
  { name: "circled-16k", seed: 7, style: "circled", geometry: "16k", firstFolio: 27 },
  { name: "bracket-a4", seed: 23, style: "bracket", geometry: "a4", firstFolio: 101 },
  { name: "bracket-a5", seed: 10, style: "bracket", geometry: "a5", firstFolio: 9 },
];

async function main(): Promise<void> {
  fs.mkdirSync(PDF_FIXTURES_DIR, { recursive: true });
  const printer = await openPdfPrinter();
  try {
    for (const fixture of TYPESET_FIXTURES) {
      const [document] = fc.sample(documentArbitrary, { seed: fixture.seed, numRuns: 1 });
      const geometry = PDF_GEOMETRIES.find((g) => g.name === fixture.geometry)!;
      const set = typesetPdfPages(document!, { style: fixture.style, geometry, firstFolio: fixture.firstFolio });
      const bytes = await printer.print(set.html);
      fs.writeFileSync(path.join(PDF_FIXTURES_DIR, `${fixture.name}.pdf`), bytes);
      fs.writeFileSync(path.join(PDF_FIXTURES_DIR, `${fixture.name}.truth.json`), JSON.stringify(set.truth, null, 1) + "\n");
      console.log(`${fixture.name}.pdf: ${set.pages} pages, ${(bytes.length / 1024).toFixed(0)} KiB`);
    }
    fs.writeFileSync(path.join(PDF_FIXTURES_DIR, "bad-scripted.pdf"), pdfWithJavaScript());
    fs.writeFileSync(path.join(PDF_FIXTURES_DIR, "bad-encrypted.pdf"), passwordProtectedPdf());
    fs.writeFileSync(path.join(PDF_FIXTURES_DIR, "bad-image-only.pdf"), imageOnlyPdf());
    fs.writeFileSync(path.join(PDF_FIXTURES_DIR, "bad-truncated.pdf"), truncatedPdf(textPdf()));
    console.log("bad-scripted.pdf, bad-encrypted.pdf, bad-image-only.pdf, bad-truncated.pdf");
  } finally {
    await printer.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) await main();
