import "server-only";
import type { ConceptDictionary } from "@/lib/concepts/concept-dictionary";
import { loadConceptDictionary } from "@/lib/concepts/load-concept-dictionary";
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
 * Each result is handed to `onResult` as soon as it is known and is not kept: a folder of 1,000 essays is
 * never in memory at once (each result carries its whole parsed document).
 */
export async function ingestEachSource(
  db: Database,
  files: readonly ({ path: string } & CompanionPaths)[],
  onResult: (result: IngestResult) => void | Promise<void>,
  onProgress: (message: string) => void = () => {},
): Promise<void> {
  const pipelineVersion = await computePipelineVersion();
  // Read once for the folder, as the pipeline version hashed it: every essay's mentions come from the same dictionary.
  const dictionary = loadConceptDictionary();
  for (const [index, file] of files.entries()) {
    onProgress(`[${index + 1}/${files.length}] ${file.path}`);
    await onResult(await ingestSource(db, file, pipelineVersion, dictionary));
  }
}

/** ingestEachSource, with every result returned at the end: for a few files (tests, a named file). */
export async function ingestSources(
  db: Database,
  files: readonly ({ path: string } & CompanionPaths)[],
  onProgress: (message: string) => void = () => {},
): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  await ingestEachSource(db, files, (result) => void results.push(result), onProgress);
  return results;
}

async function ingestSource(db: Database, file: { path: string } & CompanionPaths, pipelineVersion: string, dictionary: ConceptDictionary): Promise<IngestResult> {
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
    const outcome = await loadDocument(draft, documentSource, db, { dictionary });
    return { file: file.path, ok: true, outcome, draft, parseMs, loadMs: performance.now() - loadStart };
  } catch (error) {
    return { file: file.path, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
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
