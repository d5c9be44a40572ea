import "server-only";
import { z } from "zod";
import {
  correctionOutcomeSchema,
  debrisSchema,
  fragmentSchema,
  pageBreaksSchema,
  pdfPlacementSchema,
  warningSchema,
  type PageBreak,
  type PdfPlacement,
  type Attachment,
  type DocumentStructure,
} from "@/lib/model/document-model";
import { citationOf, citationSelect } from "./citation-columns";
import { getDatabase, readInOneSnapshot, type Database, type DatabaseTransaction } from "./prisma-client";

/** The columns a footnote's attachment is rebuilt from (all null when no text is attached). */
export const attachmentSelect = {
  attachmentHow: true,
  attachmentConfidence: true,
  attachmentUncertain: true,
  attachmentEvidence: true,
} as const;

export interface AttachmentColumns {
  attachmentHow: Attachment["how"] | null;
  attachmentConfidence: number | null;
  attachmentUncertain: boolean | null;
  attachmentEvidence: string | null;
}

/** A footnote's attachment from its columns; null unless all four are set. */
export function attachmentOf(row: AttachmentColumns): Attachment | null {
  if (row.attachmentHow === null || row.attachmentConfidence === null || row.attachmentUncertain === null || row.attachmentEvidence === null) return null;
  return { how: row.attachmentHow, confidence: row.attachmentConfidence, uncertain: row.attachmentUncertain, evidence: row.attachmentEvidence };
}

// The JSON columns (debris, fragments, warnings, corrections) are written by load-document.ts from a validated
// document and validated again here with the model's schemas: the database does not check their shape. They are
// read defensively so that rows of an older ingest (fragments without page, candidates and reason) never break a
// page: an entry that does not parse is left out.
const storedListSchema = z.array(z.unknown()).catch([]);

function parseEach<T>(schema: z.ZodType<T>, column: unknown): T[] {
  return storedListSchema.parse(column).flatMap((value) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });
}

/** A block's placement column, when it holds one (PDF sources); spread into the block, so a text source's block has no key. */
function placementOf(column: unknown): { placement?: PdfPlacement } {
  if (column === null) return {};
  const parsed = pdfPlacementSchema.safeParse(column);
  return parsed.success ? { placement: parsed.data } : {};
}

/** A block's page breaks column, when it holds a valid list; spread into the block, so a block without any has no key. */
function pageBreaksOf(column: unknown): { pageBreaks?: PageBreak[] } {
  if (column === null) return {};
  const parsed = pageBreaksSchema.safeParse(column);
  return parsed.success ? { pageBreaks: parsed.data } : {};
}

/**
 * One document as the document model has it (the API's `GET /api/documents/<slug>`, the reader and side by
 * side all use it), rebuilt from the rows, or null when no document has that slug.
 */
export async function getDocumentStructure(slug: string, db: Database = getDatabase()): Promise<DocumentStructure | null> {
  // One snapshot: without it, an ingest committing mid-read left a marker whose note it had already replaced
  // (`marker.footnote` null: the route fuzz's 500s on /api/export/corpus/tei while `npm run ingest` re-loaded an essay).
  const document = await readInOneSnapshot(db, (tx) => readDocumentRows(tx, slug));
  if (!document) return null;
  return documentStructureOf(document);
}

function readDocumentRows(db: DatabaseTransaction, slug: string) {
  return db.document.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      authors: true,
      journal: true,
      issue: true,
      date: true,
      abstract: true,
      pageCount: true,
      debris: true,
      fragments: true,
      warnings: true,
      corrections: true,
      sourcePdf: { select: { sha256: true, pageCount: true } },
      headings: {
        orderBy: { ordinal: "asc" },
        select: { anchor: true, level: true, label: true, text: true, lineFrom: true, lineTo: true, correction: true, placement: true, pageBreaks: true },
      },
      paragraphs: {
        orderBy: { ordinal: "asc" },
        select: { anchor: true, headingAnchor: true, text: true, lineFrom: true, lineTo: true, correction: true, placement: true, pageBreaks: true },
      },
      footnotes: {
        orderBy: { ordinal: "asc" },
        select: {
          anchor: true,
          label: true,
          page: true,
          status: true,
          text: true,
          lineFrom: true,
          lineTo: true,
          ...attachmentSelect,
          correction: true,
          placement: true,
          pageBreaks: true,
          citations: {
            orderBy: { ordinal: "asc" },
            select: citationSelect,
          },
        },
      },
      markers: {
        select: { blockAnchor: true, label: true, offset: true, footnote: { select: { anchor: true } } },
        orderBy: [{ blockAnchor: "asc" }, { offset: "asc" }],
      },
    },
  });
}

function documentStructureOf(document: NonNullable<Awaited<ReturnType<typeof readDocumentRows>>>): DocumentStructure {
  const markersByBlock = new Map<string, { label: string; footnoteAnchor: string; offset: number }[]>();
  for (const marker of document.markers) {
    const list = markersByBlock.get(marker.blockAnchor) ?? [];
    list.push({ label: marker.label, footnoteAnchor: marker.footnote.anchor, offset: marker.offset });
    markersByBlock.set(marker.blockAnchor, list);
  }
  const markersOf = (anchor: string) => (markersByBlock.get(anchor) ?? []).sort((a, b) => a.offset - b.offset);

  return {
    slug: document.slug,
    title: document.title,
    authors: document.authors,
    journal: document.journal,
    issue: document.issue,
    date: document.date,
    abstract: document.abstract,
    pageCount: document.pageCount,
    headings: document.headings.map((h) => ({
      anchor: h.anchor,
      level: h.level,
      label: h.label,
      text: h.text,
      markers: markersOf(h.anchor),
      sourceLines: [h.lineFrom, h.lineTo],
      correction: h.correction,
      ...placementOf(h.placement),
      ...pageBreaksOf(h.pageBreaks),
    })),
    paragraphs: document.paragraphs.map((p) => ({
      anchor: p.anchor,
      headingAnchor: p.headingAnchor,
      text: p.text,
      markers: markersOf(p.anchor),
      sourceLines: [p.lineFrom, p.lineTo],
      correction: p.correction,
      ...placementOf(p.placement),
      ...pageBreaksOf(p.pageBreaks),
    })),
    footnotes: document.footnotes.map((n) => ({
      anchor: n.anchor,
      label: n.label,
      page: n.page,
      status: n.status,
      text: n.text,
      citations: n.citations.map(citationOf),
      sourceLines: [n.lineFrom, n.lineTo],
      attachment: attachmentOf(n),
      correction: n.correction,
      ...placementOf(n.placement),
      ...pageBreaksOf(n.pageBreaks),
    })),
    fragments: parseEach(fragmentSchema, document.fragments),
    debris: parseEach(debrisSchema, document.debris),
    warnings: parseEach(warningSchema, document.warnings),
    corrections: parseEach(correctionOutcomeSchema, document.corrections),
    ...(document.sourcePdf ? { sourcePdf: document.sourcePdf } : {}),
  };
}
