import type { DocumentStructure } from "@/lib/model/document-model";
import { parseDocument, type ParseDocumentInput } from "../parse-document";
import { pdfSourceLines } from "./pdf-source-lines";
import { readPdfText, type ReadPdfOptions } from "./read-pdf-text";

export type ParsePdfInput = Omit<ParseDocumentInput, "geometry" | "maxBytes"> & ReadPdfOptions;

/**
 * PDF bytes → validated DocumentStructure: the PDF's lines with their geometry (read-pdf-text), made into the
 * structure stage's input with that geometry as explicit evidence (pdf-source-lines), then the same
 * structure stage as for text. Source lines are the PDF's printed lines in page order, so corrections files
 * and warnings name them the same way (`--dry-run --json` shows the document; its blocks carry their pages).
 * Throws IngestError for a PDF it refuses (encrypted, no text layer, damaged, too large, with JavaScript).
 */
export async function parsePdfDocument(input: ParsePdfInput): Promise<DocumentStructure> {
  const pdf = await readPdfText(input.bytes, { maxBytes: input.maxBytes });
  const source = pdfSourceLines(pdf);
  const bytes = new TextEncoder().encode(source.text);
  return parseDocument({
    bytes,
    fileName: input.fileName,
    manifest: input.manifest,
    corrections: input.corrections,
    geometry: source.geometry,
    // The text made from a PDF is as long as the PDF's text layer: the PDF's own limit has been applied.
    maxBytes: Math.max(bytes.length, 1),
  });
}
