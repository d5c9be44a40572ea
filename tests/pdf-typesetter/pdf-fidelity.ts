import fc from "fast-check";
import { corpusDocument } from "@/tests/layout-simulator/corpus-structure";
import type { MarkerStyle } from "@/tests/layout-simulator/layout-parameters";
import type { TrueDocument } from "@/tests/layout-simulator/true-document";
import { pdfCaseArbitrary, runPdfCase, type PdfCase, type PdfCaseOutcome } from "./pdf-case";
import { PDFTOTEXT_MODES, pdftotext, pdftotextVersion, scoreExtractedText } from "./pdftotext";
import { openPdfPrinter, type PdfPrinter } from "./print-pdf";
import { PDF_GEOMETRIES, typesetPdfPages } from "./typeset-pdf-page";

/**
 * The fidelity bench's PDF rows: generated documents typeset on pages of every geometry in both marker styles,
 * printed by Chromium, read back with pdf.js and parsed; and corpus 001 re-typeset in each geometry. Figures as
 * for text (wrong attachments, body characters lost/added, note, paragraph, marker, heading and URL recall) and
 * PDF pages per second for reading and parsing (the print is not counted). Then the same PDFs read by poppler's
 * pdftotext in each of its modes and parsed as text (`benchPdftotextFidelity`).
 */

const percent = (part: number, whole: number) => (whole === 0 ? "n/a" : `${((100 * part) / whole).toFixed(1)}%`);

/** The figures of one row, added up over its cases and printed as the text rows print them. */
class FidelityTally {
  private readonly t = { cases: 0, attachable: 0, attachedRight: 0, paraTruth: 0, paraDraft: 0, paraExact: 0, markersTruth: 0, markersFound: 0, spurious: 0, headingsTruth: 0, headingsFound: 0, urlsTruth: 0, urlsFound: 0, wrong: 0, lost: 0, added: 0, bodyChars: 0, debris: 0, threw: 0, pages: 0, overruns: 0, parseMs: 0 };
  private readonly failing = new Map<string, string[]>();
  private readonly geometries = new Set<string>();

  add(k: number, pdfCase: PdfCase, outcome: Omit<PdfCaseOutcome, "bytes">): void {
    const t = this.t;
    t.cases += 1;
    this.geometries.add(pdfCase.params.geometry.name);
    t.pages += outcome.pages;
    t.overruns += outcome.truth.pages.filter((page) => page.overrun).length;
    t.parseMs += outcome.parseMs;
    for (const v of outcome.violations) this.failing.set(v.invariant, [...(this.failing.get(v.invariant) ?? []), `#${k} ${pdfCase.params.geometry.name}: ${v.detail.slice(0, 80)}`]);
    const s = outcome.score;
    if (s === null) {
      t.threw += 1;
      return;
    }
    t.attachable += s.notes.attachable;
    t.attachedRight += s.notes.attachedRight;
    t.paraTruth += s.paragraphs.truth;
    t.paraDraft += s.paragraphs.draft;
    t.paraExact += s.paragraphs.exact;
    t.markersTruth += s.markers.truth;
    t.markersFound += s.markers.found;
    t.spurious += s.markers.spurious;
    t.headingsTruth += s.headings.truth;
    t.headingsFound += s.headings.found;
    t.urlsTruth += s.urls.truth;
    t.urlsFound += s.urls.found;
    t.wrong += s.wrongAttachments.length;
    t.lost += s.body.lost;
    t.added += s.body.added;
    t.bodyChars += outcome.truth.paragraphs.join("").length + outcome.truth.headings.map((h) => h.label + h.text).join("").length;
    t.debris += s.debrisLeaked.length;
  }

  /** `reading` names what the time covers (pdf.js read + parse, or the text parse alone). */
  print(title: string, reading: string): void {
    const t = this.t;
    const precision = t.paraExact / Math.max(1, t.paraDraft);
    const recall = t.paraExact / Math.max(1, t.paraTruth);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    console.log(`\n${title}: ${t.cases} PDFs, ${t.pages} pages, ${t.overruns} with a note running on overleaf (geometries ${[...this.geometries].join(", ")})${t.threw ? `, parser threw on ${t.threw}` : ""}`);
    console.log(`  note-text recall (own text, exact, right marker)  ${percent(t.attachedRight, t.attachable)}  (${t.attachedRight}/${t.attachable})`);
    console.log(`  exact paragraph F1                                ${(100 * f1).toFixed(1)}%  (precision ${percent(t.paraExact, t.paraDraft)}, recall ${percent(t.paraExact, t.paraTruth)})`);
    console.log(`  marker recall (right place, right label)          ${percent(t.markersFound, t.markersTruth)}  (${t.spurious} spurious markers)`);
    console.log(`  heading recall                                    ${percent(t.headingsFound, t.headingsTruth)}`);
    console.log(`  exact URL recall                                  ${percent(t.urlsFound, t.urlsTruth)}  (${t.urlsFound}/${t.urlsTruth})`);
    console.log(`  wrong attachments                                 ${t.wrong}`);
    console.log(`  body characters lost / added                      ${t.lost} / ${t.added} of ${t.bodyChars}`);
    console.log(`  debris leaked into text                           ${t.debris}`);
    console.log(`  ${`PDF pages per second (${reading})`.padEnd(50)}${(t.pages / (t.parseMs / 1000)).toFixed(1)}  (${(t.parseMs / t.pages).toFixed(0)} ms a page)`);
    for (const [invariant, examples] of this.failing) console.log(`    ${invariant}: ${examples.length} PDFs, e.g. ${examples.slice(0, 3).join("; ")}`);
  }
}

async function benchCases(title: string, cases: PdfCase[], printer: PdfPrinter): Promise<void> {
  const tally = new FidelityTally();
  for (const [k, pdfCase] of cases.entries()) tally.add(k, pdfCase, await runPdfCase(pdfCase, printer));
  tally.print(title, "pdf.js read + parse");
}

/**
 * The same cases printed once and read by pdftotext in each mode, then parsed on the text path: one row per mode.
 * `#k` in a failing example is the case's place among the style's cases, as for the pdf.js rows
 * (`node --import tsx tests/pdf-typesetter/show-pdftotext-case.ts --seed N --style S --index k --mode M`).
 */
async function benchPdftotextCases(title: string, cases: PdfCase[], printer: PdfPrinter): Promise<void> {
  const tallies = new Map(PDFTOTEXT_MODES.map((mode) => [mode, new FidelityTally()]));
  for (const [k, pdfCase] of cases.entries()) {
    const set = typesetPdfPages(pdfCase.document, pdfCase.params);
    const bytes = await printer.print(set.html);
    for (const mode of PDFTOTEXT_MODES) {
      const text = await pdftotext(bytes, mode);
      tallies.get(mode)!.add(k, pdfCase, { ...scoreExtractedText(text, set.truth), pages: set.pages });
    }
  }
  for (const [mode, tally] of tallies) tally.print(`${title}, pdftotext ${mode === "default" ? "(default mode)" : `-${mode}`}`, "text parse alone");
}

export async function benchPdfFidelity(options: { perStyle: number; seed: number }): Promise<void> {
  const printer = await openPdfPrinter();
  try {
    // Warm-up, not counted: pdf.js loads its worker code and the JIT settles on the first documents.
    for (const warm of fc.sample(pdfCaseArbitrary("circled"), { seed: options.seed + 1_000_000, numRuns: 2 })) await runPdfCase(warm, printer);
    for (const style of ["circled", "bracket"] as const satisfies readonly MarkerStyle[]) {
      const cases = fc.sample(pdfCaseArbitrary(style), { seed: options.seed, numRuns: options.perStyle });
      await benchCases(`PDF, invented documents, ${style} markers (seed ${options.seed})`, cases, printer);
    }
    const corpus: TrueDocument = corpusDocument("corpus-001");
    for (const style of ["circled", "bracket"] as const) {
      const cases = PDF_GEOMETRIES.map((geometry, k) => ({ document: corpus, params: { style, geometry, firstFolio: 1 + 40 * k } }));
      await benchCases(`PDF, corpus-001 re-typeset, ${style} markers`, cases, printer);
    }
  } finally {
    await printer.close();
  }
}

/**
 * The typeset PDFs read by poppler's pdftotext instead of pdf.js (default, -layout and -raw), parsed as text:
 * the same figures, on the same seeds as the pdf.js rows. Left out, saying so, when pdftotext is not installed.
 */
export async function benchPdftotextFidelity(options: { perStyle: number; seed: number }): Promise<void> {
  const version = pdftotextVersion();
  if (version === null) {
    console.log("\npdftotext rows left out: pdftotext is not installed (Debian: apt-get install poppler-utils)");
    return;
  }
  console.log(`\npdftotext rows: ${version}`);
  const printer = await openPdfPrinter();
  try {
    for (const style of ["circled", "bracket"] as const satisfies readonly MarkerStyle[]) {
      const cases = fc.sample(pdfCaseArbitrary(style), { seed: options.seed, numRuns: options.perStyle });
      await benchPdftotextCases(`pdftotext, invented documents, ${style} markers (seed ${options.seed})`, cases, printer);
    }
    const corpus: TrueDocument = corpusDocument("corpus-001");
    for (const style of ["circled", "bracket"] as const) {
      const cases = PDF_GEOMETRIES.map((geometry, k) => ({ document: corpus, params: { style, geometry, firstFolio: 1 + 40 * k } }));
      await benchPdftotextCases(`pdftotext, corpus-001 re-typeset, ${style} markers`, cases, printer);
    }
  } finally {
    await printer.close();
  }
}
