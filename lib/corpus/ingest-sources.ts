import "server-only";
import { loadDocument, type LoadOutcome } from "@/lib/db/load-document";
import type { Database } from "@/lib/db/prisma-client";
import type { DocumentStructure } from "@/lib/model/document-model";
import { parseDocument } from "@/lib/ingest/parse-document";
import { parsePdfText } from "@/lib/ingest/pdf/parse-pdf-document";
import { looksLikePdf, readPdfText } from "@/lib/ingest/pdf/read-pdf-text";
import type { SourcePdfInput } from "@/lib/db/store-source-pdf";
import { computePipelineVersion } from "./pipeline-version";
import { readSourceFile, type CompanionPaths, type SourceFile } from "./read-source-file";

export type IngestResult =
  | { file: string; ok: true; outcome: LoadOutcome; draft: DocumentStructure; parseMs: number; loadMs: number }
  | { file: string; ok: false; error: string };

/**
 * Reads, parses and loads source files one by one, each in its own transaction. A file that fails
 * (unreadable, refused by the parser, bad manifest or corrections file) is reported and leaves its document as it was.
 */
export async function ingestSources(
  db: Database,
  files: readonly ({ path: string } & CompanionPaths)[],
  onProgress: (message: string) => void = () => {},
): Promise<IngestResult[]> {
  const pipelineVersion = await computePipelineVersion();
  const results: IngestResult[] = [];
  for (const [index, file] of files.entries()) {
    onProgress(`[${index + 1}/${files.length}] ${file.path}`);
    try {
      const source = await readSourceFile(file.path, { manifestPath: file.manifestPath, correctionsPath: file.correctionsPath });
      const parseStart = performance.now();
      const { draft, pdf } = await parseSourceFileWithPdf(source);
      const parseMs = performance.now() - parseStart;
      const loadStart = performance.now();
      const documentSource = {
        sourceFile: source.fileName,
        sourceSha256: source.sha256,
        correctionsSha256: source.correctionsSha256,
        parserVersion: pipelineVersion,
        manifest: source.manifest,
        // A PDF is kept with its document, to show each passage on its printed page.
        pdf,
      };
      const outcome = await loadDocument(draft, documentSource, db);
      results.push({ file: file.path, ok: true, outcome, draft, parseMs, loadMs: performance.now() - loadStart });
    } catch (error) {
      results.push({ file: file.path, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}

/** A source text or PDF (told apart by its `%PDF-` signature, not its name) → its document. */
export async function parseSourceFile(source: SourceFile): Promise<DocumentStructure> {
  return (await parseSourceFileWithPdf(source)).draft;
}

/** A source text or PDF → its document, and for a PDF the PDF itself as it is kept (bytes, pages and their sizes); null for a text. */
export async function parseSourceFileWithPdf(source: SourceFile): Promise<{ draft: DocumentStructure; pdf: SourcePdfInput | null }> {
  if (!looksLikePdf(source.bytes)) return { draft: parseSource(source), pdf: null };
  const text = await readPdfText(source.bytes);
  const draft = parsePdfText(text, {
    fileName: source.fileName,
    manifest: source.manifest ?? undefined,
    corrections: source.corrections ?? undefined,
  });
  const pageSizes = text.pages.map((page) => ({ width: page.width, height: page.height }));
  return { draft, pdf: { sha256: source.sha256, bytes: source.bytes, pageSizes } };
}

/** A source text → its document (synchronous: text only; parseSourceFile takes PDFs as well). */
export function parseSource(source: SourceFile): DocumentStructure {
  return parseDocument({
    bytes: source.bytes,
    fileName: source.fileName,
    manifest: source.manifest ?? undefined,
    corrections: source.corrections ?? undefined,
  });
}
