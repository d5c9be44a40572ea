import "server-only";
import { type MentionBlockKind } from "@/lib/derivations/find-mentions";
import { preparePassageText, sharesPassageWith } from "@/lib/derivations/find-shared-passages";
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
 * at least MIN_SHARED_HAN_CHARS Han characters, as side by side's shared passages): the blocks whose
 * passage-index fingerprints overlap its own are found through the GIN index and each pair verified by the
 * alignment, so a common set phrase (which shares a fingerprint but not a passage) is not counted. One
 * query for the candidates and one for their texts, whatever the corpus holds; the work grows with the
 * places found, not with the corpus. Blocks sharing nothing are left out. Null when the document does not exist.
 */
export async function countParallelPlaces(slug: string, db: Database = getDatabase()): Promise<ParallelCount[] | null> {
  const document = await db.document.findUnique({ where: { slug }, select: { id: true } });
  if (!document) return null;
  type Candidate = { ownKind: MentionBlockKind; ownAnchor: string; documentId: string; blockKind: MentionBlockKind; blockAnchor: string };
  const candidates = await db.$transaction(async (tx) => {
    // Through the GIN index: a sequential scan compares every row's array with every one of the document's.
    await tx.$executeRaw`set local enable_seqscan = off`;
    return tx.$queryRaw<Candidate[]>`
      select p."blockKind"::text as "ownKind", p."blockAnchor" as "ownAnchor", o."documentId", o."blockKind"::text as "blockKind", o."blockAnchor"
      from "PassageFingerprint" p join "PassageFingerprint" o on o.fingerprints && p.fingerprints and o."documentId" <> p."documentId"
      where p."documentId" = ${document.id}`;
  });
  if (candidates.length === 0) return [];

  const own = await readBlockTexts([...new Map(candidates.map((c) => [c.ownAnchor, { documentId: document.id, blockKind: c.ownKind, blockAnchor: c.ownAnchor }])).values()], db);
  const others = await readBlockTexts([...new Map(candidates.map((c) => [`${c.documentId}\u0000${c.blockAnchor}`, c])).values()], db);
  const counts = new Map<string, { blockKind: MentionBlockKind; places: number; documents: Set<string> }>();
  const prepared = new Map<string, ReturnType<typeof preparePassageText>>();
  for (const candidate of candidates) {
    const ownText = own.get(`${document.id}\u0000${candidate.ownAnchor}`);
    const otherText = others.get(`${candidate.documentId}\u0000${candidate.blockAnchor}`);
    if (ownText === undefined || otherText === undefined) continue;
    let ownPrepared = prepared.get(candidate.ownAnchor);
    if (!ownPrepared) prepared.set(candidate.ownAnchor, (ownPrepared = preparePassageText(ownText)));
    // Most candidates share only a set phrase's fingerprint (nine in ten at 150 essays): each is checked
    // without building the passages (sharesPassageWith answers as findSharedPassages would).
    if (!sharesPassageWith(ownPrepared, otherText)) continue;
    const count = counts.get(candidate.ownAnchor) ?? { blockKind: candidate.ownKind, places: 0, documents: new Set<string>() };
    count.places += 1;
    count.documents.add(candidate.documentId);
    counts.set(candidate.ownAnchor, count);
  }
  return [...counts.entries()].map(([anchor, count]) => ({ blockKind: count.blockKind, anchor, places: count.places, documents: count.documents.size }));
}

/** The texts of these blocks, by document id and anchor. */
export async function readBlockTexts(blocks: readonly { documentId: string; blockKind: MentionBlockKind; blockAnchor: string }[], db: Database): Promise<Map<string, string>> {
  const of = (kind: MentionBlockKind) => {
    const wanted = blocks.filter((b) => b.blockKind === kind);
    return [wanted.map((b) => b.documentId), wanted.map((b) => b.blockAnchor)] as const;
  };
  const [hd, ha] = of("heading");
  const [pd, pa] = of("paragraph");
  const [fd, fa] = of("footnote");
  const rows = await db.$queryRaw<{ documentId: string; anchor: string; text: string }[]>`
    select b."documentId", b.anchor, b.text from "Heading" b join unnest(${hd}::text[], ${ha}::text[]) as c(d, a) on b."documentId" = c.d and b.anchor = c.a
    union all
    select b."documentId", b.anchor, b.text from "Paragraph" b join unnest(${pd}::text[], ${pa}::text[]) as c(d, a) on b."documentId" = c.d and b.anchor = c.a
    union all
    select b."documentId", b.anchor, b.text from "Footnote" b join unnest(${fd}::text[], ${fa}::text[]) as c(d, a) on b."documentId" = c.d and b.anchor = c.a`;
  return new Map(rows.map((row) => [`${row.documentId}\u0000${row.anchor}`, row.text]));
}
