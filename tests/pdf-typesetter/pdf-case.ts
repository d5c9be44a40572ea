import fc from "fast-check";
import type { DocumentStructure } from "@/lib/model/document-model";
import { parsePdfDocument } from "@/lib/ingest/pdf/parse-pdf-document";
import { documentArbitrary } from "@/tests/layout-simulator/document-arbitrary";
import { invariantViolations, type Violation } from "@/tests/layout-simulator/layout-invariants";
import type { MarkerStyle } from "@/tests/layout-simulator/layout-parameters";
import type { LayoutTruth } from "@/tests/layout-simulator/layout-truth";
import { scoreParse, type ParseScore } from "@/tests/layout-simulator/score-parse";
import type { TrueDocument } from "@/tests/layout-simulator/true-document";
import type { PdfPrinter } from "./print-pdf";
import { PDF_GEOMETRIES, typesetPdfPages, type PdfLayoutParameters } from "./typeset-pdf-page";

/** One generated PDF case: a document, the page geometry and marker style it is set in. */
export interface PdfCase {
  document: TrueDocument;
  params: PdfLayoutParameters;
}

export function pdfCaseArbitrary(style: MarkerStyle, document?: TrueDocument): fc.Arbitrary<PdfCase> {
  return fc.record({
    document: document === undefined ? documentArbitrary : fc.constant(document),
    params: fc.record({ style: fc.constant(style), geometry: fc.constantFrom(...PDF_GEOMETRIES), firstFolio: fc.integer({ min: 1, max: 240 }), noteOverrun: fc.boolean(), justified: fc.boolean() }),
  });
}

export interface PdfCaseOutcome {
  bytes: Uint8Array;
  truth: LayoutTruth;
  pages: number;
  draft: DocumentStructure | null;
  error: string | null;
  score: ParseScore | null;
  violations: Violation[];
  parseMs: number;
}

/** Typesets and prints a case, then parses the PDF and scores the parse against what was printed. */
export async function runPdfCase(pdfCase: PdfCase, printer: PdfPrinter): Promise<PdfCaseOutcome> {
  const set = typesetPdfPages(pdfCase.document, pdfCase.params);
  const bytes = await printer.print(set.html);
  return { ...(await scorePdf(bytes, set.truth)), pages: set.pages };
}

/** Parses PDF bytes and scores the parse against the truth of what was printed. */
export async function scorePdf(bytes: Uint8Array, truth: LayoutTruth): Promise<Omit<PdfCaseOutcome, "pages">> {
  const started = performance.now();
  let draft: DocumentStructure | null = null;
  let error: string | null = null;
  try {
    draft = await parsePdfDocument({ bytes, fileName: "typeset.pdf" });
  } catch (thrown) {
    error = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
  }
  const parseMs = performance.now() - started;
  if (draft === null) return { bytes, truth, draft, error, score: null, violations: [{ invariant: "no-body-text-lost", detail: `parser threw ${error}` }], parseMs };
  const score = scoreParse(draft, truth);
  return { bytes, truth, draft, error, score, violations: invariantViolations(score), parseMs };
}
