import "server-only";
import type { TeiConceptMention, TeiProvenance } from "@/lib/exchange/document-to-tei";
import { getDatabase, type Database } from "./prisma-client";

/** What an export says about where a document's rows came from, and the concept mentions to mark in it. */
export interface DocumentProvenance {
  provenance: TeiProvenance;
  /** In reading order of their blocks' anchors and offsets (the TEI builder sorts per block anyway). */
  mentions: TeiConceptMention[];
}

/**
 * A document's ingest provenance (source file, SHA-256s, the pipeline version its rows were made with, when)
 * and its concept mentions (a member item's under the member's id) as UTF-16 offsets into its blocks' texts, or null when no document has that slug.
 * The TEI export pairs it with getDocumentStructure.
 */
export async function getDocumentProvenance(slug: string, db: Database = getDatabase()): Promise<DocumentProvenance | null> {
  const row = await db.document.findUnique({
    where: { slug },
    select: {
      sourceFile: true,
      sourceSha256: true,
      correctionsSha256: true,
      parserVersion: true,
      ingestedAt: true,
      mentions: {
        select: { blockAnchor: true, start: true, end: true, conceptId: true, memberOf: true },
        orderBy: [{ blockAnchor: "asc" }, { start: "asc" }, { end: "asc" }, { conceptId: "asc" }],
      },
    },
  });
  if (!row) return null;
  return {
    provenance: {
      sourceFile: row.sourceFile,
      sourceSha256: row.sourceSha256,
      correctionsSha256: row.correctionsSha256,
      pipelineVersion: row.parserVersion,
      ingestedAt: row.ingestedAt.toISOString(),
    },
    // A member item's mention is stored under its compound with the member in memberOf; the export points to
    // the most specific description there is, the member's (its concept page serves member ids too).
    mentions: row.mentions.map(({ blockAnchor, start, end, conceptId, memberOf }) => ({ blockAnchor, start, end, conceptId: memberOf ?? conceptId })),
  };
}
