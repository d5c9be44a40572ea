import { findSharedPassages } from "@/lib/derivations/find-shared-passages";
import type { Database } from "@/lib/db/prisma-client";
import { storedBlocks } from "./stored-blocks";

/** One block's parallels: `<slug> <anchor>: <places> places in <documents> documents`. */
export type ParallelCountLine = string;

/**
 * The oracle for the stored parallel counts (lib/db/update-parallel-counts.ts): for every block of every
 * stored document, the blocks of other documents it shares a passage with, found by aligning every pair of
 * documents whole (findSharedPassages, as side by side does), without the passage index. Blocks sharing
 * nothing are left out. Slow by design; for tests on a few dozen documents.
 */
export async function deriveParallelCountsFromScratch(db: Database): Promise<ParallelCountLine[]> {
  const rows = await db.document.findMany({
    orderBy: { slug: "asc" },
    select: {
      slug: true,
      headings: { orderBy: { ordinal: "asc" }, select: { anchor: true, text: true } },
      paragraphs: { orderBy: { ordinal: "asc" }, select: { anchor: true, text: true } },
      footnotes: { orderBy: { ordinal: "asc" }, select: { anchor: true, text: true } },
    },
  });
  const documents = rows.map((row) => ({
    slug: row.slug,
    blocks: storedBlocks(row),
  }));
  // Block → the other blocks (slug + anchor) it shares a passage with.
  const sharing = new Map<string, Set<string>>();
  const add = (block: string, other: string) => sharing.set(block, (sharing.get(block) ?? new Set()).add(other));
  for (const [i, left] of documents.entries()) {
    for (const right of documents.slice(i + 1)) {
      for (const passage of findSharedPassages(left, right)) {
        const a = `${left.slug} ${passage.a.blockAnchor}`;
        const b = `${right.slug} ${passage.b.blockAnchor}`;
        add(a, b);
        add(b, a);
      }
    }
  }
  return [...sharing.entries()]
    .map(([block, others]) => `${block}: ${others.size} places in ${new Set([...others].map((other) => other.split(" ")[0])).size} documents`)
    .sort();
}

/** The counts as stored on the passage index, in the same shape; rows with no parallels left out. */
export async function readStoredParallelCounts(db: Database): Promise<ParallelCountLine[]> {
  const rows = await db.passageFingerprint.findMany({
    where: { OR: [{ parallelPlaces: { not: 0 } }, { parallelDocuments: { not: 0 } }] },
    select: { blockAnchor: true, parallelPlaces: true, parallelDocuments: true, document: { select: { slug: true } } },
  });
  return rows.map((row) => `${row.document.slug} ${row.blockAnchor}: ${row.parallelPlaces} places in ${row.parallelDocuments} documents`).sort();
}
