/**
 * `node --import tsx tests/pdf-typesetter/make-pdftotext-fixtures.ts` writes tests/fixtures/pdftotext: for each
 * fixture of pdftotext-fixtures.ts, its case typeset and printed by Chromium, read by poppler's pdftotext in the
 * fixture's modes (`<name>.<mode>.txt`), and the truth of what was printed (`<name>.truth.json`). Needs Chromium,
 * the Noto CJK fonts and pdftotext (Debian: chromium, fonts-noto-cjk, poppler-utils); the tests need none of them.
 * Fixture names as arguments write only those (the others stay as committed).
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { pdfCaseArbitrary } from "./pdf-case";
import { pdftotext, pdftotextVersion } from "./pdftotext";
import { PDFTOTEXT_FIXTURES, PDFTOTEXT_FIXTURES_DIR } from "./pdftotext-fixtures";
import { openPdfPrinter } from "./print-pdf";
import { typesetPdfPages } from "./typeset-pdf-page";

const version = pdftotextVersion();
if (version === null) throw new Error("pdftotext is not installed (Debian: apt-get install poppler-utils)");
fs.mkdirSync(PDFTOTEXT_FIXTURES_DIR, { recursive: true });
const printer = await openPdfPrinter();
try {
  const only = process.argv.slice(2);
  for (const fixture of PDFTOTEXT_FIXTURES.filter((f) => only.length === 0 || only.includes(f.name))) {
    const pdfCase = fc.sample(pdfCaseArbitrary(fixture.style), { seed: fixture.seed, numRuns: fixture.index + 1 })[fixture.index]!;
    const set = typesetPdfPages(pdfCase.document, pdfCase.params);
    const bytes = await printer.print(set.html);
    for (const mode of fixture.modes) fs.writeFileSync(path.join(PDFTOTEXT_FIXTURES_DIR, `${fixture.name}.${mode}.txt`), await pdftotext(bytes, mode));
    fs.writeFileSync(path.join(PDFTOTEXT_FIXTURES_DIR, `${fixture.name}.truth.json`), JSON.stringify(set.truth, null, 1) + "\n");
    console.log(`${fixture.name}: ${pdfCase.params.geometry.name}, ${set.pages} pages, ${fixture.modes.join(", ")} (${version})`);
  }
} finally {
  await printer.close();
}
