/**
 * Prints one pdftotext case the fidelity bench ran: the text pdftotext printed (numbered as the parse numbers
 * source lines), the truth's and the parse's notes, and the scored differences:
 *   node --import tsx tests/pdf-typesetter/show-pdftotext-case.ts --seed 157760001 --style circled --index 3 --mode layout
 * `--index` is the `#k` the bench prints for a failing PDF; `--corpus` takes corpus-001 re-typeset in the
 * `--index`-th geometry instead; `--out DIR` also writes the text and the truth there.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import fc from "fast-check";
import { corpusDocument } from "@/tests/layout-simulator/corpus-structure";
import type { MarkerStyle } from "@/tests/layout-simulator/layout-parameters";
import { pdfCaseArbitrary, type PdfCase } from "./pdf-case";
import { PDFTOTEXT_MODES, pdftotext, scoreExtractedText, type PdftotextMode } from "./pdftotext";
import { printCaseOutcome } from "./print-case-outcome";
import { openPdfPrinter } from "./print-pdf";
import { PDF_GEOMETRIES, typesetPdfPages } from "./typeset-pdf-page";

const { values } = parseArgs({
  options: { seed: { type: "string" }, style: { type: "string", default: "circled" }, index: { type: "string", default: "0" }, mode: { type: "string", default: "default" }, corpus: { type: "boolean", default: false }, out: { type: "string" } },
});
const style = values.style as MarkerStyle;
const mode = values.mode as PdftotextMode;
if ((style !== "circled" && style !== "bracket") || !PDFTOTEXT_MODES.includes(mode) || (values.seed === undefined && !values.corpus)) {
  console.error(`usage: show-pdftotext-case.ts (--seed N | --corpus) --style circled|bracket --index K --mode ${PDFTOTEXT_MODES.join("|")} [--out DIR]`);
  process.exit(2);
}
const index = Number(values.index);
const pdfCase: PdfCase = values.corpus
  ? { document: corpusDocument("corpus-001"), params: { style, geometry: PDF_GEOMETRIES[index]!, firstFolio: 1 + 40 * index } }
  : fc.sample(pdfCaseArbitrary(style), { seed: Number(values.seed), numRuns: index + 1 })[index]!;
const printer = await openPdfPrinter();
try {
  const set = typesetPdfPages(pdfCase.document, pdfCase.params);
  const text = await pdftotext(await printer.print(set.html), mode);
  const outcome = scoreExtractedText(text, set.truth);
  const { params } = pdfCase;
  console.log(`${style} ${params.geometry.name}, first folio ${params.firstFolio}, overrun ${params.noteOverrun}, justified ${params.justified}; ${set.pages} pages; pdftotext ${mode}`);
  console.log(outcome.violations.length === 0 ? "no invariant violated" : outcome.violations.map((v) => `  ${v.invariant}: ${v.detail}`).join("\n"));
  console.log("\ntext:");
  new TextDecoder().decode(text).split("\n").forEach((line, k) => console.log(`${String(k + 1).padStart(4)}| ${line.replace(/\f/gu, "\\f")}`));
  printCaseOutcome(set.truth, outcome);
  if (values.out !== undefined) {
    const name = values.corpus ? `c001-${style}-${params.geometry.name}` : `s${values.seed}-${style}-${index}`;
    fs.mkdirSync(values.out, { recursive: true });
    fs.writeFileSync(path.join(values.out, `${name}.${mode}.txt`), text);
    fs.writeFileSync(path.join(values.out, `${name}.truth.json`), JSON.stringify(set.truth));
  }
} finally {
  await printer.close();
}
