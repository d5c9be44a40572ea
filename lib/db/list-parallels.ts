import "server-only";
import { indexPassageSharing, sharedPassageRanges } from "@/lib/derivations/passage-sharing-index";
import type { MentionBlockKind } from "@/lib/derivations/find-mentions";
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
export const STOCK_PHRASE_SHARE = 0.2;

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
 * places cite for it when their notes cite one in common, stock phrases last; the page asked for of that
 * list. Candidates come from the passage index (overlapping fingerprints, through the GIN index, with the
 * texts their rows hold); each is verified, and the words it shares located on both sides, by one pass over
 * its text against the block indexed once (sharedPassageRanges: what findSharedPassages would align, so the
 * page's places are shown from it, and the ranking reads from it whether a place shares only stock phrases).
 * Null when the document or the block is unknown.
 *
 * Why the whole list is ranked, not only a page of it: its order (a work's places together, the works
 * with most places first, stock phrases last) is the list's, so every place is verified; what each costs
 * is a pass over its text, and a few hundred (the popular quotations at 1,000 essays) take milliseconds.
 */
export async function listParallels(
  slug: string,
  anchor: string,
  paging: ParallelsPaging = { page: 1, pageSize: PARALLELS_PAGE_SIZE },
  db: Database = getDatabase(),
): Promise<Parallels | null> {
  type Candidate = {
    documentId: string;
    slug: string;
    title: string;
    blockKind: MentionBlockKind;
    blockAnchor: string;
    text: string;
    /**
     * A work both it and the block cite, which the words they share most likely quote: a paragraph or
     * heading cites what the notes its markers call cite; a note, what it cites itself (no marker stands in
     * a note). The first by title, then key, when there are several; null when there is none.
     */
    workKey: string | null;
    workTitle: string | null;
  };
  // Two independent questions, asked at once, each naming the block by its essay's slug and its anchor:
  // the block (its text, and the corpus's size), and its candidates with the work each cites with it.
  const [[asked], candidates] = await Promise.all([
    db.$queryRaw<{ id: string; slug: string; title: string; blockKind: MentionBlockKind; text: string; corpusSize: number }[]>`
      select d.id, d.slug, d.title, p."blockKind"::text as "blockKind", p.text, (select count(*) from "Document")::int as "corpusSize"
      from "Document" d join "PassageFingerprint" p on p."documentId" = d.id and p."blockAnchor" = ${anchor}
      where d.slug = ${slug}`,
    // One plain statement, no transaction to plan it: an interactive one (to set enable_seqscan off for it)
    // waited on a round trip per statement. Each candidate's text comes with its passage-index row (the rows
    // the GIN lookup reads anyway): looked up again by document and anchor, it was a lookup per candidate
    // (443 for a popular quotation at 1,003 essays, 2,588 for a note sharing a set phrase, most of that
    // statement's work). Only blocks that have places can be one: sharing a passage is symmetric, so a block
    // sharing one with this block counts at least this one (its stored parallelPlaces), and most of a note's
    // candidates share only a set phrase's fingerprint.
    //
    // The work a candidate cites with the block: the works the block cites (`own`, through the notes it
    // cites, PassageFingerprint.citedNotes), ranked by title then key; the notes citing any of them
    // (`citing`: a popular quotation's work, some 900 citations at 1,003 essays, read through the index on
    // the work); and each candidate's first among those its own cited notes hold (hash joins: no lookup per
    // candidate, where the markers, notes and citations of each were looked up one place at a time).
    db.$queryRaw<Candidate[]>`
      with asked as (
        select p."documentId", p.fingerprints, p."citedNotes" from "Document" d join "PassageFingerprint" p on p."documentId" = d.id and p."blockAnchor" = ${anchor}
        where d.slug = ${slug}
      ), own as (
        select s.id, s.key, s.title, row_number() over (order by s.title nulls last, s.key) as rank from "Source" s
        where s.id in (select c."sourceId" from "Citation" c where c."footnoteId" in (select unnest("citedNotes") from asked))
      ), citing as (
        select c."footnoteId", min(own.rank) as rank from "Citation" c join own on own.id = c."sourceId" group by c."footnoteId"
      ), o as materialized (
        select o."documentId", o."blockKind", o."blockAnchor", o."citedNotes", o.text from "PassageFingerprint" o
        where o.fingerprints && (select fingerprints from asked) and o."documentId" <> (select "documentId" from asked) and o."parallelPlaces" > 0
      ), work as (
        select o."documentId", o."blockAnchor", min(citing.rank) as rank
        from o cross join unnest(o."citedNotes") as note(id) join citing on citing."footnoteId" = note.id
        group by o."documentId", o."blockAnchor"
      )
      select o."documentId", d.slug, d.title, o."blockKind"::text as "blockKind", o."blockAnchor", o.text, own.key as "workKey", own.title as "workTitle"
      from o join "Document" d on d.id = o."documentId"
      left join work w on w."documentId" = o."documentId" and w."blockAnchor" = o."blockAnchor"
      left join own on own.rank = w.rank
      order by d.slug, o."blockAnchor"`,
  ]);
  if (!asked) return null;
  const document = { id: asked.id, slug: asked.slug, title: asked.title };
  const own = { blockKind: asked.blockKind };
  const text = asked.text;
  const corpusSize = asked.corpusSize;
  const ownBlock = { kind: own.blockKind, anchor, text };
  // Most candidates of a note share only a set phrase's fingerprint: no range, not a place.
  const ownIndex = indexPassageSharing([text]);
  const found = candidates.flatMap((candidate) => {
    const ranges = sharedPassageRanges(ownIndex, 0, candidate.text);
    return ranges.length === 0 ? [] : [{ candidate, ranges }];
  });
  // How many essays hold each of the block's shared words: the same few stretches for most places.
  const ownTextsShared = [...new Set(found.flatMap(({ ranges }) => ranges.map((r) => text.slice(r.start, r.end))))];
  const holding = new Map(ownTextsShared.map((shared, i) => [shared, i] as const));
  const holdingCounts = await countDocumentsHolding(ownTextsShared, db);
  const documentsHolding = (shared: string) => holdingCounts[holding.get(shared)!]!;
  const stockFrom = Math.max(STOCK_PHRASE_MIN_DOCUMENTS, Math.ceil(corpusSize * STOCK_PHRASE_SHARE));
  const places = found.map(({ candidate, ranges }) => ({
    candidate,
    ranges,
    stock: ranges.every((r) => documentsHolding(text.slice(r.start, r.end)) >= stockFrom),
  }));
  type Ranked = (typeof places)[number];

  const groups = new Map<string, { work: ParallelGroup["work"]; places: Ranked[] }>();
  for (const place of places) {
    const work = place.candidate.workKey === null ? null : { key: place.candidate.workKey, title: place.candidate.workTitle };
    const key = work?.key ?? "";
    const group = groups.get(key) ?? { work, places: [] };
    group.places.push(place);
    groups.set(key, group);
  }
  const stockLast = (x: Ranked, y: Ranked) => Number(x.stock) - Number(y.stock);
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
    const { candidate, ranges } = place;
    const shown: ParallelPlace = {
      slug: candidate.slug,
      title: candidate.title,
      blockKind: candidate.blockKind,
      anchor: candidate.blockAnchor,
      passages: ranges.map((r) => ({
        start: r.start,
        end: r.end,
        text: text.slice(r.start, r.end),
        otherStart: r.otherStart,
        otherEnd: r.otherEnd,
        otherText: candidate.text.slice(r.otherStart, r.otherEnd),
        corpusDocuments: documentsHolding(text.slice(r.start, r.end)),
      })),
      stock: place.stock,
    };
    const last = pageGroups.at(-1);
    if (last && last.work?.key === group.work?.key) last.places.push(shown);
    else pageGroups.push({ work: group.work, places: [shown] });
  }
  return {
    document: { slug: document.slug, title: document.title },
    block: ownBlock,
    corpusSize,
    shared: [...new Map(flat.flatMap(({ place }) => place.ranges).map((r) => [`${r.start}-${r.end}`, { start: r.start, end: r.end }])).values()],
    total: flat.length,
    page: paging.page,
    pageSize: paging.pageSize,
    groups: pageGroups,
  };
}
