import "server-only";
import { type MentionBlockKind } from "@/lib/derivations/find-mentions";
import { getDatabase, type Database } from "./prisma-client";

/** How many places elsewhere in the corpus share a passage with one block of a document. */
export interface ParallelCount {
  blockKind: MentionBlockKind;
  anchor: string;
  /** Blocks (headings, paragraphs, notes) of other documents that share at least one passage with it. */
  places: number;
  /** The documents those blocks are in. */
  documents: number;
}

/**
 * For each block of a document, how many places in other documents share a passage with it (word for word,
 * at least MIN_SHARED_HAN_CHARS Han characters, as side by side's shared passages, verified by the
 * alignment so that a set phrase is not counted). The numbers are stored at load on the block's
 * passage-index row (update-parallel-counts.ts), so this reads one row per block that has parallels,
 * whatever the corpus holds. Blocks sharing nothing are left out. Null when the document does not exist.
 */
export async function countParallelPlaces(slug: string, db: Database = getDatabase()): Promise<ParallelCount[] | null> {
  const document = await db.document.findUnique({
    where: { slug },
    select: {
      passageFingerprints: {
        where: { parallelPlaces: { gt: 0 } },
        select: { blockKind: true, blockAnchor: true, parallelPlaces: true, parallelDocuments: true },
      },
    },
  });
  if (!document) return null;
  return document.passageFingerprints.map((row) => ({ blockKind: row.blockKind, anchor: row.blockAnchor, places: row.parallelPlaces, documents: row.parallelDocuments }));
}
