import type { DocumentStructure } from "@/lib/model/document-model";
import { parseDocument, type ParseDocumentInput } from "../parse-document";
import { pdfSourceLines } from "./pdf-source-lines";
import { readPdfText, type PdfText, type ReadPdfOptions } from "./read-pdf-text";

export type ParsePdfInput = Omit<ParseDocumentInput, "geometry" | "maxBytes"> & ReadPdfOptions;

/**
 * PDF bytes → validated DocumentStructure: the PDF's lines with their geometry (read-pdf-text), made into the
 * structure stage's input with that geometry as explicit evidence (pdf-source-lines), then the same
 * structure stage as for text. Source lines are the PDF's printed lines in page order, so corrections files
 * and warnings name them the same way (`--dry-run --json` shows the document; its blocks carry their pages).
 * Throws IngestError for a PDF it refuses (encrypted, no text layer, damaged, too large, with JavaScript).
 */
export async function parsePdfDocument(input: ParsePdfInput): Promise<DocumentStructure> {
  return parsePdfText(await readPdfText(input.bytes, { maxBytes: input.maxBytes }), input);
}

/**
 * The lines read from a PDF → its document. When the pages raise note markers but no page has a run of
 * smaller type at its foot (notes set in the body's size), the geometry cannot say where notes begin: the
 * text is then parsed as extracted text is (pages still from the PDF's page breaks), and a warning says so.
 */
export function parsePdfText(pdf: PdfText, input: Omit<ParsePdfInput, "bytes" | "maxBytes">): DocumentStructure {
  const source = pdfSourceLines(pdf);
  const bytes = new TextEncoder().encode(source.text);
  const callsNotes = source.geometry.some((line) => line.raised.length > 0);
  const seesNotes = source.geometry.some((line) => line.role === "note");
  const trustGeometry = seesNotes || !callsNotes;
  const draft = parseDocument({
    bytes,
    fileName: input.fileName,
    manifest: input.manifest,
    corrections: input.corrections,
    geometry: trustGeometry ? source.geometry : undefined,
    // The text made from a PDF is as long as the PDF's text layer: the PDF's own limit has been applied.
    maxBytes: Math.max(bytes.length, 1),
  });
  if (trustGeometry) return draft;
  const lines = source.text.split("\n").length - 1;
  return {
    ...draft,
    warnings: [
      {
        code: "pdf-note-area-unseen",
        message: "The PDF raises note markers, but no page sets a note area in smaller type at its foot: notes, running heads and paragraphs were read from the text alone, as for extracted text (blocks carry no page placement).",
        sourceLines: [1, Math.max(1, lines)],
      },
      ...draft.warnings,
    ],
  };
}
