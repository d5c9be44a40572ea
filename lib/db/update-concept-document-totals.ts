import "server-only";
import { conceptDocumentDeltas } from "@/lib/derivations/concept-document-deltas";
import type { DatabaseTransaction } from "./prisma-client";

/**
 * Concept.documents, how many documents mention each concept (or one of its member items), kept by the one
 * transactional load as Source.documents is: the catalogue's concept facet over the whole corpus then reads
 * one row per concept instead of grouping a count row per concept and document (11,821 at 1,003 essays).
 * Each load, re-ingest or removal moves only the totals of the concepts its document gained or lost, so its
 * cost is that document's, never the corpus's. Loads are serialised (CORPUS_LOAD_LOCK), so no two adjust at once.
 */

/** The concepts a document's stored counts hold (before they are replaced or removed with it). */
export async function readDocumentConcepts(tx: DatabaseTransaction, documentId: string): Promise<string[]> {
  const rows = await tx.conceptDocumentCount.findMany({ where: { documentId }, select: { conceptId: true }, distinct: ["conceptId"] });
  return rows.map((row) => row.conceptId);
}

/** Moves the totals from what the document mentioned (`before`) to what it mentions now (`after`). */
export async function updateConceptDocumentTotals(tx: DatabaseTransaction, before: readonly string[], after: readonly string[]): Promise<void> {
  const deltas = conceptDocumentDeltas(before, after);
  if (deltas.length === 0) return;
  await tx.$executeRaw`
    update "Concept" c set documents = c.documents + d.delta
    from unnest(${deltas.map((d) => d.conceptId)}::text[], ${deltas.map((d) => d.delta)}::int[]) as d(id, delta)
    where c.id = d.id`;
}
