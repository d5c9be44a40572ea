import "server-only";
import { findSharedPassages } from "@/lib/derivations/find-shared-passages";
import { blocksSharingWith, indexPassageSharing } from "@/lib/derivations/passage-sharing-index";
import type { MentionBlockKind } from "@/lib/derivations/find-mentions";
import { readBlockTexts } from "./read-block-texts";
import { countDocumentsHolding } from "./list-passage-links";
import { getDatabase, type Database } from "./prisma-client";
import { pageOf } from "@/lib/paging/page-window";
import { PARALLELS_PAGE_SIZE } from "@/lib/urls/url-grammar";

/**
 * A passage shared by so many essays of the corpus that it is a stock phrase of the genre, not a quotation
 * linking two arguments: a fifth of the corpus, and never fewer than this many essays (in a corpus of a
 * handful, two essays sharing words is exactly what a reader wants to see).
 */
export const STOCK_PHRASE_MIN_DOCUMENTS = 5;
const STOCK_PHRASE_SHARE = 0.2;

export interface ParallelPassage {
  /** UTF-16 offsets of the shared words in the block asked about, and in the parallel block. */
  start: number;
  end: number;
  text: string;
  otherStart: number;
  otherEnd: number;
  otherText: string;
  /** How many essays of the corpus hold these words. */
  corpusDocuments: number;
}

export interface ParallelPlace {
  slug: string;
  title: string;
  blockKind: MentionBlockKind;
  anchor: string;
  passages: ParallelPassage[];
  /** Every passage of it is held by so many essays that it is a stock phrase (ranked last). */
  stock: boolean;
}

export interface ParallelGroup {
  /** The work both places cite for these words (a source both blocks' notes cite), when one is known. */
  work: { key: string; title: string | null } | null;
  places: ParallelPlace[];
}

export interface Parallels {
  document: { slug: string; title: string };
  block: { kind: MentionBlockKind; anchor: string; text: string };
  corpusSize: number;
  /** The words of the block shared with any place, on any page (the block is shown with them marked). */
  shared: { start: number; end: number }[];
  /** Every place sharing a passage with the block, over all pages. */
  total: number;
  page: number;
  pageSize: number;
  /**
   * The page's places, in the order of the whole list, grouped by the work both cite: a group running
   * over a page break is continued, under its heading again, on the next page.
   */
  groups: ParallelGroup[];
}

/** Which page of a block's places to build; the first, of PARALLELS_PAGE_SIZE places, unless asked. */
export interface ParallelsPaging {
  page: number;
  pageSize: number;
}

/**
 * Every place elsewhere in the corpus that shares a passage with one block, grouped by the work the two
 * places cite for it when their notes cite one in common, stock phrases last. Candidates come from the
 * passage index (overlapping fingerprints, through the GIN index) and each is verified by the alignment
 * side by side uses, so the work grows with the places found, not with the corpus. Null when the document
 * or the block is unknown.
 */
export async function listParallels(
  slug: string,
  anchor: string,
  paging: ParallelsPaging = { page: 1, pageSize: PARALLELS_PAGE_SIZE },
  db: Database = getDatabase(),
): Promise<Parallels | null> {
  const document = await db.document.findUnique({ where: { slug }, select: { id: true, slug: true, title: true } });
  if (!document) return null;
  const own = await db.passageFingerprint.findFirst({ where: { documentId: document.id, blockAnchor: anchor }, select: { blockKind: true } });
  const ownTexts = own ? await readBlockTexts([{ documentId: document.id, blockKind: own.blockKind, blockAnchor: anchor }], db) : null;
  const text = ownTexts?.get(`${document.id}\u0000${anchor}`);
  if (!own || text === undefined) return null;

  type Candidate = { documentId: string; slug: string; title: string; blockKind: MentionBlockKind; blockAnchor: string };
  const candidates = await db.$transaction(async (tx) => {
    await tx.$executeRaw`set local enable_seqscan = off`;
    return tx.$queryRaw<Candidate[]>`
      select o."documentId", d.slug, d.title, o."blockKind"::text as "blockKind", o."blockAnchor"
      from "PassageFingerprint" p join "PassageFingerprint" o on o.fingerprints && p.fingerprints and o."documentId" <> p."documentId"
      join "Document" d on d.id = o."documentId"
      where p."documentId" = ${document.id} and p."blockAnchor" = ${anchor}
      order by d.slug, o."blockAnchor"`;
  });
  const [texts, corpusSize] = await Promise.all([readBlockTexts(candidates, db), db.document.count()]);
  const ownBlock = { kind: own.blockKind, anchor, text };
  // Most candidates share only a set phrase's fingerprint: each is first asked whether it shares a passage
  // at all (the answer findSharedPassages would give), and only those that do are aligned.
  const sharing = indexPassageSharing([text]);
  const found: { candidate: Candidate; passages: Omit<ParallelPassage, "corpusDocuments">[] }[] = [];
  for (const candidate of candidates) {
    const otherText = texts.get(`${candidate.documentId}\u0000${candidate.blockAnchor}`);
    if (otherText === undefined || blocksSharingWith(sharing, otherText).size === 0) continue;
    const shared = findSharedPassages(
      { slug: document.slug, blocks: [ownBlock] },
      { slug: candidate.slug, blocks: [{ kind: candidate.blockKind, anchor: candidate.blockAnchor, text: otherText }] },
    );
    if (shared.length === 0) continue;
    found.push({
      candidate,
      passages: shared.map((p) => ({ start: p.a.start, end: p.a.end, text: p.a.text, otherStart: p.b.start, otherEnd: p.b.end, otherText: p.b.text })),
    });
  }
  const holding = await countDocumentsHolding(found.flatMap((place) => place.passages.map((p) => p.text)), db);
  const stockFrom = Math.max(STOCK_PHRASE_MIN_DOCUMENTS, Math.ceil(corpusSize * STOCK_PHRASE_SHARE));
  let at = 0;
  const places = found.map(({ candidate, passages }) => {
    const counted = passages.map((p) => ({ ...p, corpusDocuments: holding[at++]! }));
    return {
      documentId: candidate.documentId,
      place: {
        slug: candidate.slug,
        title: candidate.title,
        blockKind: candidate.blockKind,
        anchor: candidate.blockAnchor,
        passages: counted,
        stock: counted.every((p) => p.corpusDocuments >= stockFrom),
      } satisfies ParallelPlace,
    };
  });

  const works = await sharedWorks(document.id, anchor, places.map((p) => ({ documentId: p.documentId, anchor: p.place.anchor })), db);
  const groups = new Map<string, ParallelGroup>();
  for (const { documentId, place } of places) {
    const work = works.get(`${documentId}\u0000${place.anchor}`) ?? null;
    const key = work?.key ?? "";
    const group = groups.get(key) ?? { work, places: [] };
    group.places.push(place);
    groups.set(key, group);
  }
  const stockLast = (x: ParallelPlace, y: ParallelPlace) => Number(x.stock) - Number(y.stock);
  for (const group of groups.values()) group.places.sort(stockLast);
  // Works first (most places first), then what no shared citation explains; groups of stock phrases only, last.
  const ordered = [...groups.values()].sort(
    (x, y) =>
      Number(x.places.every((p) => p.stock)) - Number(y.places.every((p) => p.stock)) ||
      Number(x.work === null) - Number(y.work === null) ||
      y.places.length - x.places.length,
  );
  // The order is the whole list's (a group's size and its stock phrases decide it); only the page is handed on.
  const flat = ordered.flatMap((group) => group.places.map((place) => ({ group, place })));
  const pageGroups: ParallelGroup[] = [];
  for (const { group, place } of pageOf(flat, paging.page, paging.pageSize)) {
    const last = pageGroups.at(-1);
    if (last && last.work?.key === group.work?.key) last.places.push(place);
    else pageGroups.push({ work: group.work, places: [place] });
  }
  return {
    document: { slug: document.slug, title: document.title },
    block: ownBlock,
    corpusSize,
    shared: [...new Map(flat.flatMap(({ place }) => place.passages).map((p) => [`${p.start}-${p.end}`, { start: p.start, end: p.end }])).values()],
    total: flat.length,
    page: paging.page,
    pageSize: paging.pageSize,
    groups: pageGroups,
  };
}

/**
 * For each place, a work that a note called from it and a note called from the block asked about both cite
 * (the same source): what the shared words most likely quote. The first by title when there are several.
 */
async function sharedWorks(
  documentId: string,
  anchor: string,
  places: readonly { documentId: string; anchor: string }[],
  db: Database,
): Promise<Map<string, { key: string; title: string | null }>> {
  if (places.length === 0) return new Map();
  const rows = await db.$queryRaw<{ documentId: string; blockAnchor: string; key: string; title: string | null }[]>`
    with own as (
      select distinct c."sourceId" from "FootnoteMarker" m join "Citation" c on c."footnoteId" = m."footnoteId"
      where m."documentId" = ${documentId} and m."blockAnchor" = ${anchor} and c."sourceId" is not null
    )
    select distinct on (m."documentId", m."blockAnchor") m."documentId", m."blockAnchor", s.key, s.title
    from unnest(${places.map((p) => p.documentId)}::text[], ${places.map((p) => p.anchor)}::text[]) as q(document_id, anchor)
    join "FootnoteMarker" m on m."documentId" = q.document_id and m."blockAnchor" = q.anchor
    join "Citation" c on c."footnoteId" = m."footnoteId"
    join own on own."sourceId" = c."sourceId"
    join "Source" s on s.id = c."sourceId"
    order by m."documentId", m."blockAnchor", s.title nulls last, s.key`;
  return new Map(rows.map((row) => [`${row.documentId}\u0000${row.blockAnchor}`, { key: row.key, title: row.title }]));
}
