import "server-only";
import { findSharedPassagesWith, indexPassageDocument } from "@/lib/derivations/find-shared-passages";
import type { MentionBlock, MentionBlockKind } from "@/lib/derivations/find-mentions";
import { fingerprintBlocks } from "@/lib/derivations/passage-fingerprints";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DatabaseTransaction } from "./prisma-client";

/** One document as the corpus-wide derivations read it. */
export interface DerivedDocument {
  id: string;
  slug: string;
  /** Headings, paragraphs, then notes with text, each in reading order (the order findSharedPassages reports in). */
  blocks: MentionBlock[];
}

const KIND_ORDER: Record<MentionBlockKind, number> = { heading: 0, paragraph: 1, footnote: 2 };

/**
 * A document's entries in the passage index, and its shared-passage links: the blocks of other documents
 * that share a fingerprint with it are looked up (GIN index), read, and verified by findSharedPassages'
 * alignment. Work is proportional to the document and the blocks it matches, not to the corpus. The
 * document's old links and index entries are gone already (forgetDocumentDerivations).
 */
export async function writePassageLinks(tx: DatabaseTransaction, document: DerivedDocument): Promise<number> {
  const blocks = fingerprintBlocks(document.blocks);
  if (blocks.length === 0) return 0;
  await tx.passageFingerprint.createMany({
    data: blocks.map((block) => ({ documentId: document.id, blockKind: block.blockKind, blockAnchor: block.blockAnchor, fingerprints: block.fingerprints })),
  });
  const fingerprints = [...new Set(blocks.flatMap((block) => block.fingerprints))];
  // Through the GIN index, always: `&&` on a row compares element by element (thousands × dozens per
  // row), so a sequential scan, which the planner picks for a small corpus, costs a second at 15 essays;
  // the index answers overlap exactly (no recheck), in time proportional to the fingerprints looked up.
  await tx.$executeRaw`set local enable_seqscan = off`;
  const candidates = await tx.$queryRaw<{ documentId: string; blockKind: MentionBlockKind; blockAnchor: string }[]>`
    select "documentId", "blockKind"::text as "blockKind", "blockAnchor" from "PassageFingerprint"
    where fingerprints && ${fingerprints}::int[] and "documentId" <> ${document.id}`;
  await tx.$executeRaw`set local enable_seqscan = on`;
  if (candidates.length === 0) return 0;

  const partners = await readCandidateBlocks(tx, candidates);
  const indexed = indexPassageDocument({ slug: document.slug, blocks: document.blocks });
  const rows: Prisma.PassageLinkCreateManyInput[] = [];
  for (const partner of partners) {
    // Each pair is stored once, the document whose slug sorts first on the left (as listPassageLinks expects).
    const ownIsLeft = document.slug < partner.slug;
    const [left, right] = ownIsLeft ? [document, partner] : [partner, document];
    for (const passage of findSharedPassagesWith(indexed, partner, ownIsLeft ? "a" : "b")) {
      rows.push({
        kind: "shared_passage",
        leftDocumentId: left.id,
        leftKind: passage.a.blockKind,
        leftAnchor: passage.a.blockAnchor,
        leftStart: passage.a.start,
        leftEnd: passage.a.end,
        rightDocumentId: right.id,
        rightKind: passage.b.blockKind,
        rightAnchor: passage.b.blockAnchor,
        rightStart: passage.b.start,
        rightEnd: passage.b.end,
        confidence: 1,
        evidence: { leftText: passage.a.text, rightText: passage.b.text, hanChars: passage.hanChars },
      });
    }
  }
  if (rows.length > 0) await tx.passageLink.createMany({ data: rows });
  return rows.length;
}

/** The candidate blocks' texts, grouped by document, each document's blocks in reading order. */
async function readCandidateBlocks(
  tx: DatabaseTransaction,
  candidates: readonly { documentId: string; blockKind: MentionBlockKind; blockAnchor: string }[],
): Promise<DerivedDocument[]> {
  const of = (kind: MentionBlockKind) => {
    const wanted = candidates.filter((c) => c.blockKind === kind);
    return [wanted.map((c) => c.documentId), wanted.map((c) => c.blockAnchor)] as const;
  };
  const [hd, ha] = of("heading");
  const [pd, pa] = of("paragraph");
  const [fd, fa] = of("footnote");
  type Row = { documentId: string; kind: MentionBlockKind; anchor: string; text: string; ordinal: number };
  const rows = await tx.$queryRaw<Row[]>`
    select b."documentId", 'heading' as kind, b.anchor, b.text, b.ordinal from "Heading" b
      join unnest(${hd}::text[], ${ha}::text[]) as c(d, a) on b."documentId" = c.d and b.anchor = c.a
    union all
    select b."documentId", 'paragraph', b.anchor, b.text, b.ordinal from "Paragraph" b
      join unnest(${pd}::text[], ${pa}::text[]) as c(d, a) on b."documentId" = c.d and b.anchor = c.a
    union all
    select b."documentId", 'footnote', b.anchor, b.text, b.ordinal from "Footnote" b
      join unnest(${fd}::text[], ${fa}::text[]) as c(d, a) on b."documentId" = c.d and b.anchor = c.a`;
  const ids = [...new Set(rows.map((row) => row.documentId))];
  const slugs = new Map((await tx.document.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true } })).map((d) => [d.id, d.slug]));
  const byDocument = new Map<string, Row[]>();
  for (const row of rows) {
    const list = byDocument.get(row.documentId);
    if (list) list.push(row);
    else byDocument.set(row.documentId, [row]);
  }
  return [...byDocument.entries()].map(([id, blocks]) => ({
    id,
    slug: slugs.get(id)!,
    blocks: blocks
      .sort((x, y) => KIND_ORDER[x.kind] - KIND_ORDER[y.kind] || x.ordinal - y.ordinal)
      .map((block) => ({ kind: block.kind, anchor: block.anchor, text: block.text })),
  }));
}
