import "server-only";
import type { MentionBlockKind } from "@/lib/derivations/find-mentions";
import { preparePassageText, sharesPassageWith } from "@/lib/derivations/find-shared-passages";
import type { DatabaseTransaction } from "./prisma-client";
import { readBlockTexts } from "./read-block-texts";

/**
 * Each block's parallels across the corpus — how many blocks of other documents share a passage with it
 * (word for word, at least MIN_SHARED_HAN_CHARS Han characters, as side by side's shared passages), and in
 * how many documents — stored on its passage-index row (PassageFingerprint.parallelPlaces,
 * .parallelDocuments), so that the reader reads two numbers instead of aligning every candidate on each
 * render (issue 15: 430 ms a reader at 40 essays, growing with the corpus).
 *
 * Kept up to date inside the loading transaction, with work proportional to the document and what it
 * matches: only the document's own blocks and the blocks of other documents it shares a passage with are
 * written. Sharing a passage is symmetric (a common window of the skeleton, extended both ways, is the same
 * stretch in both texts), so what a document gives another block is one place per block of it that block
 * shares with, and one document.
 *  - subtractParallelCounts, before a document's rows (and its passage-index rows) are deleted: the blocks
 *    it matched lose what it gave them.
 *  - addParallelCounts, after its passage index is written: its blocks get their counts, and the blocks it
 *    matches gain.
 */

/** A pair (a block of the document, a block of another document) that share a passage. */
interface ParallelPair {
  ownId: string;
  otherId: string;
  otherDocumentId: string;
}

export async function subtractParallelCounts(tx: DatabaseTransaction, documentId: string): Promise<void> {
  const pairs = await findParallelPairs(tx, documentId);
  await changeOtherBlocks(tx, pairs, -1);
}

export async function addParallelCounts(tx: DatabaseTransaction, documentId: string): Promise<void> {
  const pairs = await findParallelPairs(tx, documentId);
  await changeOtherBlocks(tx, pairs, +1);
  const own = new Map<string, { places: number; documents: Set<string> }>();
  for (const pair of pairs) {
    const count = own.get(pair.ownId) ?? { places: 0, documents: new Set<string>() };
    count.places += 1;
    count.documents.add(pair.otherDocumentId);
    own.set(pair.ownId, count);
  }
  if (own.size === 0) return;
  const ids = [...own.keys()];
  const places = ids.map((id) => own.get(id)!.places);
  const documents = ids.map((id) => own.get(id)!.documents.size);
  await tx.$executeRaw`
    update "PassageFingerprint" f set "parallelPlaces" = c.places, "parallelDocuments" = c.documents
    from unnest(${ids}::text[], ${places}::int[], ${documents}::int[]) as c(id, places, documents) where f.id = c.id`;
}

/** Each other block gains (or loses) one place per block of the document it shares with, and one document. */
async function changeOtherBlocks(tx: DatabaseTransaction, pairs: readonly ParallelPair[], sign: 1 | -1): Promise<void> {
  const byOther = new Map<string, number>();
  for (const pair of pairs) byOther.set(pair.otherId, (byOther.get(pair.otherId) ?? 0) + 1);
  if (byOther.size === 0) return;
  const ids = [...byOther.keys()];
  const places = ids.map((id) => sign * byOther.get(id)!);
  await tx.$executeRaw`
    update "PassageFingerprint" f set "parallelPlaces" = f."parallelPlaces" + c.places, "parallelDocuments" = f."parallelDocuments" + ${sign}::int
    from unnest(${ids}::text[], ${places}::int[]) as c(id, places) where f.id = c.id`;
}

/**
 * Every pair of a block of the document and a block of another document that share a passage: candidates
 * are the blocks whose fingerprints overlap (through the GIN index; winnowing keeps a fingerprint of every
 * MIN_SHARED_HAN_CHARS-long common stretch, so no sharing block is missed), each verified by the alignment,
 * so a set phrase (a common fingerprint, no passage) is not counted.
 */
export async function findParallelPairs(tx: DatabaseTransaction, documentId: string): Promise<ParallelPair[]> {
  type Candidate = ParallelPair & { ownKind: MentionBlockKind; ownAnchor: string; otherKind: MentionBlockKind; otherAnchor: string };
  const [setting] = await tx.$queryRaw<{ previous: string }[]>`select current_setting('enable_seqscan') as previous`;
  // Through the GIN index: a sequential scan compares every row's array with every one of the document's.
  // Set for this query only: the rest of the loading transaction plans as usual.
  await tx.$queryRaw`select set_config('enable_seqscan', 'off', true)`;
  const candidates = await tx.$queryRaw<Candidate[]>`
    select p.id as "ownId", p."blockKind"::text as "ownKind", p."blockAnchor" as "ownAnchor",
           o.id as "otherId", o."documentId" as "otherDocumentId", o."blockKind"::text as "otherKind", o."blockAnchor" as "otherAnchor"
    from "PassageFingerprint" p join "PassageFingerprint" o on o.fingerprints && p.fingerprints and o."documentId" <> p."documentId"
    where p."documentId" = ${documentId}`;
  await tx.$queryRaw`select set_config('enable_seqscan', ${setting?.previous ?? "on"}, true)`;
  if (candidates.length === 0) return [];

  const ownBlocks = new Map(candidates.map((c) => [c.ownAnchor, { documentId, blockKind: c.ownKind, blockAnchor: c.ownAnchor }]));
  const otherBlocks = new Map(candidates.map((c) => [c.otherId, { documentId: c.otherDocumentId, blockKind: c.otherKind, blockAnchor: c.otherAnchor }]));
  const texts = await readBlockTexts([...ownBlocks.values(), ...otherBlocks.values()], tx);
  const prepared = new Map<string, ReturnType<typeof preparePassageText>>();
  const pairs: ParallelPair[] = [];
  for (const candidate of candidates) {
    const ownText = texts.get(`${documentId}\u0000${candidate.ownAnchor}`);
    const otherText = texts.get(`${candidate.otherDocumentId}\u0000${candidate.otherAnchor}`);
    if (ownText === undefined || otherText === undefined) continue;
    let own = prepared.get(candidate.ownAnchor);
    if (!own) prepared.set(candidate.ownAnchor, (own = preparePassageText(ownText)));
    // Most candidates share only a set phrase's fingerprint (nine in ten at 150 essays): each is checked
    // without building the passages (sharesPassageWith answers as findSharedPassages would).
    if (sharesPassageWith(own, otherText)) pairs.push({ ownId: candidate.ownId, otherId: candidate.otherId, otherDocumentId: candidate.otherDocumentId });
  }
  return pairs;
}
