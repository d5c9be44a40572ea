import type { DocumentStructure, IngestWarning } from "@/lib/model/document-model";
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
  const warnings: IngestWarning[] = [];
  if (!trustGeometry) {
    const lines = source.text.split("\n").length - 1;
    warnings.push({
      code: "pdf-note-area-unseen",
      message: "The PDF raises note markers, but no page sets a note area in smaller type at its foot: notes, running heads and paragraphs were read from the text alone, as for extracted text (blocks carry no page placement).",
      sourceLines: [1, Math.max(1, lines)],
    });
  }
  // Raised glyphs that are not a marker the structure stage reads (a superscript 1 or *): the note they call is
  // not linked, and the report says where, rather than the reader silently missing it.
  source.geometry.forEach((line, k) => {
    const unread = line.role === "body" || line.role === "heading" ? line.raised.filter((run) => !READ_MARKER.test(run.text.trim())) : [];
    if (unread.length === 0) return;
    warnings.push({
      code: "pdf-raised-unread",
      message: `Page ${line.page}: raised ${unread.map((run) => `"${run.text.trim()}"`).join(", ")} not read as note markers (only ① … ⑳ and [1] … are): their notes are not linked.`,
      sourceLines: [k + 1, k + 1],
    });
  });
  if (warnings.length === 0) return draft;
  return { ...draft, warnings: [...warnings, ...draft.warnings].sort((a, b) => a.sourceLines[0] - b.sourceLines[0] || a.sourceLines[1] - b.sourceLines[1]) };
}

/** The markers the structure stage reads (find-markers.ts): circled digits and bracketed numbers. */
const READ_MARKER = /^(?:[\u2460-\u2473]|\[\d{1,3}\])+$/u;
