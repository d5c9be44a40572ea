import "server-only";
import { getDatabase } from "./prisma-client";

/**
 * A value that changes whenever any document is ingested or removed: pages rendered from the corpus
 * can be cached under it and never served stale.
 */
export async function getCorpusVersion(): Promise<string> {
  const [row] = await getDatabase().$queryRaw<{ count: bigint; latest: Date | null }[]>`
    select count(*) as count, max("ingestedAt") as latest from "Document"`;
  return `${row?.count ?? 0}-${row?.latest?.getTime() ?? 0}`;
}
