/**
 * Prints one typeset PDF case the fidelity bench ran: what pdf.js read (lines with role, size, x, y, raised
 * runs), the truth and the parse's notes, and the scored differences, so a PDF failure can be placed in the
 * PDF reading (wrong lines, roles or raised runs) or in the text path (right lines, wrong structure):
 *   node --import tsx tests/pdf-typesetter/show-pdf-case.ts --seed 145000001 --style circled --index 17
 * `--index` is the `#k` the bench prints for a failing PDF (its place among the style's cases for that seed).
 */
import { parseArgs } from "node:util";
import fc from "fast-check";
import { pdfSourceLines } from "@/lib/ingest/pdf/pdf-source-lines";
import { readPdfText } from "@/lib/ingest/pdf/read-pdf-text";
import type { MarkerStyle } from "@/tests/layout-simulator/layout-parameters";
import { pdfCaseArbitrary, runPdfCase } from "./pdf-case";
import { printCaseOutcome } from "./print-case-outcome";
import { openPdfPrinter } from "./print-pdf";

const { values } = parseArgs({ options: { seed: { type: "string" }, style: { type: "string", default: "circled" }, index: { type: "string", default: "0" }, count: { type: "string" } } });
const style = values.style as MarkerStyle;
if ((style !== "circled" && style !== "bracket") || values.seed === undefined) {
  console.error("usage: show-pdf-case.ts --seed N --style circled|bracket --index K");
  process.exit(2);
}
const index = Number(values.index);
// fast-check's sample of n runs starts with the same cases for any n larger than the index.
const pdfCase = fc.sample(pdfCaseArbitrary(style), { seed: Number(values.seed), numRuns: Math.max(index + 1, Number(values.count ?? 0)) })[index]!;
const printer = await openPdfPrinter();
try {
  const outcome = await runPdfCase(pdfCase, printer);
  const { params } = pdfCase;
  console.log(`${style} ${params.geometry.name}, first folio ${params.firstFolio}, overrun ${params.noteOverrun}, justified ${params.justified}; ${outcome.pages} pages`);
  console.log(outcome.violations.length === 0 ? "no invariant violated" : outcome.violations.map((v) => `  ${v.invariant}: ${v.detail}`).join("\n"));
  const pdf = await readPdfText(outcome.bytes);
  const source = pdfSourceLines(pdf);
  const roles = source.geometry;
  console.log("\nsource lines (role, size, x, y; raised runs in ^…^):");
  source.text.split("\n").forEach((text, k) => {
    const g = roles[k];
    if (g === undefined) return;
    let shown = text.replace(/\f/gu, "\\f");
    for (const r of [...g.raised].sort((a, b) => b.offset - a.offset)) {
      const at = r.offset + (text.startsWith("\f") ? 2 : 0);
      shown = `${shown.slice(0, at)}^${r.text}^${shown.slice(at + r.text.length)}`;
    }
    const box = g.boxes[0]!;
    console.log(`${String(k + 1).padStart(4)} p${g.page} ${g.role.padEnd(12)}${g.paragraphStart ? "¶" : " "} x${box.x.toFixed(0).padStart(4)} y${box.y.toFixed(0).padStart(4)} h${box.height.toFixed(1)}| ${shown}`);
  });
  printCaseOutcome(outcome.truth, outcome);
} finally {
  await printer.close();
}
