import "server-only";
import type { MentionBlockKind } from "@/lib/derivations/find-mentions";
import { blocksSharingWith, indexPassageSharing } from "@/lib/derivations/passage-sharing-index";
import type { DatabaseTransaction } from "./prisma-client";
import type { WrittenBlock } from "./update-passage-index";

/**
 * Each block's parallels across the corpus — how many blocks of other documents share a passage with it
 * (word for word, at least MIN_SHARED_HAN_CHARS Han characters, as side by side's shared passages), and in
 * how many documents — stored on its passage-index row (PassageFingerprint.parallelPlaces,
 * .parallelDocuments), so that the reader reads two numbers instead of aligning every candidate on each
 * render (issue 15: 430 ms a reader at 40 essays, growing with the corpus).
 *
 * Kept up to date inside the loading transaction, with work proportional to the document's changed blocks
 * and what they match: only the document's own blocks and the blocks of other documents its changed blocks
 * share a passage with are written. Sharing a passage is symmetric (a common window of the skeleton,
 * extended both ways, is the same stretch in both texts), so what a document gives another block is one
 * place per block of it that block shares with, and one document when any does.
 *  - readParallelsBefore, before a document's rows are deleted: its blocks as they were (text, fingerprints,
 *    counts).
 *  - updateParallelCounts, after its passage index is written (or after its removal): a block whose kind,
 *    anchor and text are unchanged keeps its counts and gives other blocks what it gave them (a re-ingest of
 *    an unchanged text, when the pipeline changes, costs a read); a block gone or changed takes its places
 *    away from the blocks it matched, a new or changed one adds its own and gets its counts.
 */

interface BlockBefore {
  blockKind: MentionBlockKind;
  blockAnchor: string;
  text: string;
  fingerprints: number[];
  parallelPlaces: number;
  parallelDocuments: number;
}

export interface ParallelsBefore {
  documentId: string;
  blocks: BlockBefore[];
}

export async function readParallelsBefore(tx: DatabaseTransaction, documentId: string): Promise<ParallelsBefore> {
  const blocks = await tx.passageFingerprint.findMany({
    where: { documentId },
    select: { blockKind: true, blockAnchor: true, text: true, fingerprints: true, parallelPlaces: true, parallelDocuments: true },
  });
  return { documentId, blocks };
}

/** A block compared with the corpus: its text and its passage-index fingerprints. */
interface ComparedBlock {
  text: string;
  fingerprints: number[];
}

/** A block of another document that some of the compared blocks share a passage with. */
interface Matched {
  documentId: string;
  text: string;
  /** The compared blocks (their positions) sharing a passage with it. */
  sharing: Set<number>;
}

const sameBlock = (b: { blockKind: string; blockAnchor: string; text: string }) => `${b.blockKind}\u0000${b.blockAnchor}\u0000${b.text}`;

/**
 * After a load (`loaded`: the document and the passage-index rows writePassageIndex has just written for
 * it, with their texts) or a removal (null): see above.
 */
export async function updateParallelCounts(tx: DatabaseTransaction, before: ParallelsBefore, loaded: { documentId: string; blocks: readonly WrittenBlock[] } | null): Promise<void> {
  const documentId = loaded?.documentId ?? null;
  const now = loaded?.blocks ?? [];
  const beforeByKey = new Map(before.blocks.map((block) => [sameBlock(block), block]));
  const nowKeys = new Set(now.map(sameBlock));
  const kept = now.filter((block) => beforeByKey.has(sameBlock(block)));
  const added = now.filter((block) => !beforeByKey.has(sameBlock(block)));
  const gone = before.blocks.filter((block) => !nowKeys.has(sameBlock(block)));
  if (added.length === 0 && gone.length === 0) {
    await setOwnCounts(tx, kept.map((block) => ({ id: block.id, ...counted(beforeByKey.get(sameBlock(block))!) })));
    return;
  }

  // Neither the old version's rows (deleted) nor the new one's are other documents.
  const excluded = documentId ?? before.documentId;
  const [fromGone, fromAdded] = [await findMatched(tx, gone, excluded), await findMatched(tx, added, excluded)];

  // The new and changed blocks' own counts; the unchanged keep theirs.
  const own = added.map((block, index) => {
    let places = 0;
    const documents = new Set<string>();
    for (const matched of fromAdded.values()) {
      if (!matched.sharing.has(index)) continue;
      places += 1;
      documents.add(matched.documentId);
    }
    return { id: block.id, places, documents: documents.size };
  });
  await setOwnCounts(tx, [...kept.map((block) => ({ id: block.id, ...counted(beforeByKey.get(sameBlock(block))!) })), ...own.filter((c) => c.places > 0)]);

  // Other blocks: a place per block gone or added that shares with it; a document less (more) when none of
  // the document's blocks shared with it after (before) and some did before (after). The unchanged blocks
  // count on both sides, so they are asked only about the blocks the changed ones matched.
  const keptIndex = indexPassageSharing(kept.map((block) => block.text));
  const changes: { id: string; places: number; documents: number }[] = [];
  for (const id of new Set([...fromGone.keys(), ...fromAdded.keys()])) {
    const matched = (fromGone.get(id) ?? fromAdded.get(id))!;
    const lost = fromGone.get(id)?.sharing.size ?? 0;
    const gained = fromAdded.get(id)?.sharing.size ?? 0;
    const keptShares = kept.length > 0 && blocksSharingWith(keptIndex, matched.text).size > 0;
    const documents = Number(gained > 0 || keptShares) - Number(lost > 0 || keptShares);
    if (gained - lost !== 0 || documents !== 0) changes.push({ id, places: gained - lost, documents });
  }
  if (changes.length === 0) return;
  await tx.$executeRaw`
    update "PassageFingerprint" f set "parallelPlaces" = f."parallelPlaces" + c.places, "parallelDocuments" = f."parallelDocuments" + c.documents
    from unnest(${changes.map((c) => c.id)}::text[], ${changes.map((c) => c.places)}::int[], ${changes.map((c) => c.documents)}::int[]) as c(id, places, documents)
    where f.id = c.id`;
}

const counted = (block: BlockBefore) => ({ places: block.parallelPlaces, documents: block.parallelDocuments });

async function setOwnCounts(tx: DatabaseTransaction, counts: readonly { id: string; places: number; documents: number }[]): Promise<void> {
  const nonzero = counts.filter((c) => c.places !== 0 || c.documents !== 0);
  if (nonzero.length === 0) return;
  await tx.$executeRaw`
    update "PassageFingerprint" f set "parallelPlaces" = c.places, "parallelDocuments" = c.documents
    from unnest(${nonzero.map((c) => c.id)}::text[], ${nonzero.map((c) => c.places)}::int[], ${nonzero.map((c) => c.documents)}::int[]) as c(id, places, documents)
    where f.id = c.id`;
}

/**
 * The blocks of other documents that share a passage with some of `blocks`, by passage-index row id:
 * candidates are the rows whose fingerprints overlap a block's (through the GIN index; winnowing keeps a
 * fingerprint of every MIN_SHARED_HAN_CHARS-long common stretch, so no sharing block is missed), and each
 * candidate's text is read once and verified against all the blocks it is a candidate for
 * (blocksSharingWith), so a set phrase (a common fingerprint, no passage) is not counted.
 */
async function findMatched(tx: DatabaseTransaction, blocks: readonly ComparedBlock[], excludedDocumentId: string): Promise<Map<string, Matched>> {
  if (blocks.length === 0) return new Map();
  const owner = blocks.flatMap((block, index) => block.fingerprints.map(() => index));
  const prints = blocks.flatMap((block) => block.fingerprints);
  type Candidate = { own: number; otherId: string; otherDocumentId: string };
  const [setting] = await tx.$queryRaw<{ previous: string }[]>`select current_setting('enable_seqscan') as previous`;
  // Through the GIN index: a sequential scan compares every row's array with every one of the blocks'. Set
  // for this query only: the rest of the loading transaction plans as usual.
  await tx.$queryRaw`select set_config('enable_seqscan', 'off', true)`;
  const candidates = await tx.$queryRaw<Candidate[]>`
    with own as (select i, array_agg(fp) as fps from unnest(${owner}::int[], ${prints}::int[]) as u(i, fp) group by i)
    select own.i as own, o.id as "otherId", o."documentId" as "otherDocumentId"
    from own join "PassageFingerprint" o on o.fingerprints && own.fps
    where o."documentId" <> ${excludedDocumentId}`;
  await tx.$queryRaw`select set_config('enable_seqscan', ${setting?.previous ?? "on"}, true)`;
  if (candidates.length === 0) return new Map();

  const byOther = new Map<string, { documentId: string; among: Set<number> }>();
  for (const c of candidates) {
    const entry = byOther.get(c.otherId) ?? { documentId: c.otherDocumentId, among: new Set<number>() };
    entry.among.add(c.own);
    byOther.set(c.otherId, entry);
  }
  // Each candidate's text once, by its row (the index row holds its block's text), not once per block it is a candidate for.
  const texts = new Map(
    (await tx.$queryRaw<{ id: string; text: string }[]>`select id, text from "PassageFingerprint" where id = any(${[...byOther.keys()]}::text[])`).map((row) => [row.id, row.text]),
  );
  const index = indexPassageSharing(blocks.map((block) => block.text));
  const matched = new Map<string, Matched>();
  for (const [id, other] of byOther) {
    const text = texts.get(id);
    if (text === undefined) continue;
    const sharing = blocksSharingWith(index, text, other.among);
    if (sharing.size > 0) matched.set(id, { documentId: other.documentId, text, sharing });
  }
  return matched;
}
