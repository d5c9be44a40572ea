import "server-only";
import { canonicalJson } from "./canonical-json";
import { randomUUID } from "node:crypto";
import type { ConceptDictionary } from "@/lib/concepts/concept-dictionary";
import type { DocumentStructure } from "@/lib/model/document-model";
import type { DocumentManifest } from "@/lib/ingest/document-manifest";
import { CORPUS_CHANGED_CHANNEL } from "@/lib/page-cache/corpus-page-cache.mjs";
import { insertRows, type ColumnTypes } from "./insert-rows";
import { getDatabase, type Database, type DatabaseTransaction } from "./prisma-client";
import { updateCatalogueFacetCounts } from "./update-catalogue-facet-counts";
import { blocksOf, CORPUS_LOAD_LOCK, forgetDocumentDerivations, updateCorpusDerivations } from "./rebuild-corpus-derivations";
import { reanchorImportedAnnotations } from "./reanchor-imported-annotations";
import { sectionBounds } from "./read-document-sections";
import { recordMovedAnchors } from "./record-moved-anchors";
import { forgetUnreferencedPdf, storeSourcePdf, type SourcePdfInput } from "./store-source-pdf";
import { writeSearchBlocks } from "./write-search-blocks";

export interface DocumentSource {
  sourceFile: string;
  sourceSha256: string;
  parserVersion: string;
  manifest: DocumentManifest | null;
  /** SHA-256 of the corrections file beside the text; null (or absent) when it has none. */
  correctionsSha256?: string | null;
  /** The PDF the document was read from, kept with it (once per content); null (or absent) for a text source. */
  pdf?: SourcePdfInput | null;
}

export type LoadOutcome =
  | { status: "unchanged"; slug: string }
  | { status: "created" | "replaced"; slug: string; moved: number; orphaned: string[] };

/**
 * Writes one parsed document in ONE transaction: either every row of the new version is there
 * (with the corpus-wide derivations recomputed), or the database is exactly as it was.
 * An unchanged file (same bytes, same manifest, same corrections file, same parser) changes nothing.
 */
export async function loadDocument(
  document: DocumentStructure,
  source: DocumentSource,
  db: Database = getDatabase(),
  options: {
    beforeCommit?: () => Promise<void>;
    /** The concept dictionary, read once for a folder (else read at each load). */
    dictionary?: ConceptDictionary;
  } = {},
): Promise<LoadOutcome> {
  const existing = await db.document.findUnique({
    where: { slug: document.slug },
    select: { sourceSha256: true, parserVersion: true, manifest: true, correctionsSha256: true, sourcePdfSha256: true },
  });
  if (existing && isUnchanged(existing, source)) {
    return { status: "unchanged", slug: document.slug };
  }
  return db.$transaction(
    async (tx) => {
      // Serialise loads of the corpus: derivations read what other loads write.
      await tx.$executeRaw`select pg_advisory_xact_lock(${CORPUS_LOAD_LOCK}::bigint)`;
      const previous = await tx.document.findUnique({ where: { slug: document.slug }, select: { sourcePdfSha256: true, journal: true, date: true, authors: true } });
      if (source.pdf) await storeSourcePdf(source.pdf, tx);
      const documentId = await upsertDocumentRow(tx, document, source);
      // The whole corpus's journal, year and author counts, from the row as it was to the row as it is.
      await updateCatalogueFacetCounts(tx, previous, { journal: document.journal, date: document.date, authors: document.authors });
      // The PDF of the previous version goes when nothing refers to it any more.
      if (previous && previous.sourcePdfSha256 !== (source.pdf?.sha256 ?? null)) await forgetUnreferencedPdf(previous.sourcePdfSha256, tx);
      // A document new to the corpus has a row made just now: no earlier version, rows, derivations or
      // annotations refer to it, so there is nothing to remap, forget, delete or re-anchor (seven queries
      // and their round trips, for each essay of a folder's first ingest).
      const remap = previous ? await recordMovedAnchors(documentId, document, tx) : { moved: 0, orphaned: [] };
      const derivationsBefore = previous ? await forgetDocumentDerivations(tx, documentId) : { sourceIds: [] };
      if (previous) await deleteDocumentContent(tx, documentId);
      await insertDocumentContent(tx, documentId, document);
      await writeSearchBlocks(documentId, document, tx);
      // Imported Web Annotations follow their words into the new text (or are orphaned, with the reason).
      if (previous) await reanchorImportedAnnotations(documentId, document, tx);
      await updateCorpusDerivations(tx, documentId, derivationsBefore, {
        dictionary: options.dictionary,
        loaded: { id: documentId, slug: document.slug, blocks: blocksOf(document) },
      });
      // Delivered on commit, never on rollback: running servers drop the pages they rendered from the old corpus.
      await tx.$executeRaw`select pg_notify(${CORPUS_CHANGED_CHANNEL}, ${document.slug})`;
      await options.beforeCommit?.();
      return {
        status: existing ? "replaced" : "created",
        slug: document.slug,
        moved: remap.moved,
        orphaned: remap.orphaned,
      } as const;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/**
 * Same source bytes, parser, manifest and corrections file as the stored version, and the PDF kept as it
 * is to be kept (a version loaded before PDFs were kept has none): nothing to write.
 */
function isUnchanged(
  existing: { sourceSha256: string; parserVersion: string; manifest: unknown; correctionsSha256: string | null; sourcePdfSha256: string | null },
  source: DocumentSource,
): boolean {
  return (
    existing.sourceSha256 === source.sourceSha256 &&
    existing.sourcePdfSha256 === (source.pdf?.sha256 ?? null) &&
    existing.parserVersion === source.parserVersion &&
    existing.correctionsSha256 === (source.correctionsSha256 ?? null) &&
    canonicalJson(existing.manifest) === canonicalJson(source.manifest ?? {})
  );
}


async function upsertDocumentRow(tx: DatabaseTransaction, document: DocumentStructure, source: DocumentSource): Promise<string> {
  const data = {
    sourceFile: source.sourceFile,
    sourceSha256: source.sourceSha256,
    correctionsSha256: source.correctionsSha256 ?? null,
    parserVersion: source.parserVersion,
    manifest: (source.manifest ?? {}) as object,
    title: document.title,
    titleEn: source.manifest?.titleEn ?? null,
    authors: document.authors,
    journal: document.journal,
    issue: document.issue,
    date: document.date,
    abstract: document.abstract,
    pageCount: document.pageCount,
    debris: document.debris,
    fragments: document.fragments,
    warnings: document.warnings,
    corrections: document.corrections,
    sourcePdfSha256: source.pdf?.sha256 ?? null,
    ingestedAt: new Date(),
    // Stored so that a concordance page places its blocks without reading every block of their documents.
    ...sectionBounds({
      headings: document.headings.map((h) => ({ level: h.level, lineFrom: h.sourceLines[0], lineTo: h.sourceLines[1] })),
      paragraphs: document.paragraphs.map((p) => ({ lineFrom: p.sourceLines[0], lineTo: p.sourceLines[1] })),
      footnotes: document.footnotes.map((n) => ({ lineFrom: n.sourceLines[0], lineTo: n.sourceLines[1] })),
    }),
  };
  const row = await tx.document.upsert({
    where: { slug: document.slug },
    create: { slug: document.slug, ...data },
    update: data,
    select: { id: true },
  });
  return row.id;
}

async function deleteDocumentContent(tx: DatabaseTransaction, documentId: string): Promise<void> {
  const where = { documentId };
  await tx.footnoteMarker.deleteMany({ where });
  await tx.citation.deleteMany({ where });
  await tx.footnote.deleteMany({ where });
  await tx.paragraph.deleteMany({ where });
  await tx.heading.deleteMany({ where });
  await tx.conceptMention.deleteMany({ where });
  await tx.searchBlock.deleteMany({ where });
}

async function insertDocumentContent(tx: DatabaseTransaction, documentId: string, document: DocumentStructure): Promise<void> {
  await insertRows(
    "Heading",
    HEADING_COLUMNS,
    document.headings.map((heading, ordinal) => ({
      id: randomUUID(),
      documentId,
      anchor: heading.anchor,
      ordinal,
      level: heading.level,
      label: heading.label,
      text: heading.text,
      lineFrom: heading.sourceLines[0],
      lineTo: heading.sourceLines[1],
      correction: heading.correction,
      placement: heading.placement,
      pageBreaks: heading.pageBreaks,
    })),
    tx,
  );
  await insertRows(
    "Paragraph",
    PARAGRAPH_COLUMNS,
    document.paragraphs.map((paragraph, ordinal) => ({
      id: randomUUID(),
      documentId,
      anchor: paragraph.anchor,
      ordinal,
      headingAnchor: paragraph.headingAnchor,
      text: paragraph.text,
      lineFrom: paragraph.sourceLines[0],
      lineTo: paragraph.sourceLines[1],
      correction: paragraph.correction,
      placement: paragraph.placement,
      pageBreaks: paragraph.pageBreaks,
    })),
    tx,
  );
  const footnoteIds = new Map(document.footnotes.map((note) => [note.anchor, randomUUID()]));
  await insertRows(
    "Footnote",
    FOOTNOTE_COLUMNS,
    document.footnotes.map((note, ordinal) => ({
      id: footnoteIds.get(note.anchor)!,
      documentId,
      anchor: note.anchor,
      ordinal,
      label: note.label,
      page: note.page,
      status: note.status,
      text: note.text,
      lineFrom: note.sourceLines[0],
      lineTo: note.sourceLines[1],
      attachmentHow: note.attachment?.how ?? null,
      attachmentConfidence: note.attachment?.confidence ?? null,
      attachmentUncertain: note.attachment?.uncertain ?? null,
      attachmentEvidence: note.attachment?.evidence ?? null,
      correction: note.correction,
      placement: note.placement,
      pageBreaks: note.pageBreaks,
    })),
    tx,
  );
  const markerRows = [
    ...document.headings.flatMap((h) => h.markers.map((m) => ({ blockKind: "heading" as const, blockAnchor: h.anchor, ...m }))),
    ...document.paragraphs.flatMap((p) => p.markers.map((m) => ({ blockKind: "paragraph" as const, blockAnchor: p.anchor, ...m }))),
  ];
  await insertRows(
    "FootnoteMarker",
    FOOTNOTE_MARKER_COLUMNS,
    markerRows.map((marker) => {
      const footnoteId = footnoteIds.get(marker.footnoteAnchor);
      if (!footnoteId) throw new Error(`marker ${marker.label} in ${marker.blockAnchor} calls unknown note ${marker.footnoteAnchor}`);
      return {
        id: randomUUID(),
        documentId,
        footnoteId,
        blockKind: marker.blockKind,
        blockAnchor: marker.blockAnchor,
        label: marker.label,
        offset: marker.offset,
      };
    }),
    tx,
  );
  await insertRows(
    "Citation",
    CITATION_COLUMNS,
    document.footnotes.flatMap((note) =>
      note.citations.map((citation, index) => ({
        id: randomUUID(),
        documentId,
        footnoteId: footnoteIds.get(note.anchor)!,
        anchor: citation.anchor,
        ordinal: index,
        raw: citation.raw,
        authors: citation.authors,
        title: citation.title,
        container: citation.container,
        date: citation.date,
        pages: citation.pages,
        url: citation.url,
        repeatsAnchor: citation.repeats,
        lineFrom: citation.sourceLines[0],
        lineTo: citation.sourceLines[1],
      })),
    ),
    tx,
  );
}

/** The columns every block (heading, paragraph, note) has. */
const BLOCK_COLUMNS = {
  id: "text",
  documentId: "text",
  anchor: "text",
  ordinal: "int",
  text: "text",
  lineFrom: "int",
  lineTo: "int",
  correction: "text",
  placement: "jsonb",
  pageBreaks: "jsonb",
} as const;

const HEADING_COLUMNS: ColumnTypes<"Heading"> = { ...BLOCK_COLUMNS, level: "int", label: "text" };

const PARAGRAPH_COLUMNS: ColumnTypes<"Paragraph"> = { ...BLOCK_COLUMNS, headingAnchor: "text" };

/** Exported for insert-rows.db.test.ts, which writes notes with the loader's own column types. */
export const FOOTNOTE_COLUMNS: ColumnTypes<"Footnote"> = {
  ...BLOCK_COLUMNS,
  label: "text",
  page: "int",
  status: { enum: "FootnoteStatus" },
  attachmentHow: { enum: "AttachmentHow" },
  attachmentConfidence: "float8",
  attachmentUncertain: "boolean",
  attachmentEvidence: "text",
};

const FOOTNOTE_MARKER_COLUMNS: ColumnTypes<"FootnoteMarker"> = {
  id: "text",
  documentId: "text",
  footnoteId: "text",
  blockKind: { enum: "BlockKind" },
  blockAnchor: "text",
  label: "text",
  offset: "int",
};

const CITATION_COLUMNS: ColumnTypes<"Citation"> = {
  id: "text",
  documentId: "text",
  footnoteId: "text",
  anchor: "text",
  ordinal: "int",
  raw: "text",
  authors: "text[]",
  title: "text",
  container: "text",
  date: "text",
  pages: "text",
  url: "text",
  repeatsAnchor: "text",
  sourceId: "text",
  lineFrom: "int",
  lineTo: "int",
};
