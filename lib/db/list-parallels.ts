import "server-only";
import { indexPassageSharing, sharedPassageRanges, type SharedRange } from "@/lib/derivations/passage-sharing-index";
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

/** How many essays must hold a passage for it to be a stock phrase in a corpus of `corpusSize` essays. */
export function stockPhraseThreshold(corpusSize: number): number {
  return Math.max(STOCK_PHRASE_MIN_DOCUMENTS, Math.ceil(corpusSize * STOCK_PHRASE_SHARE));
}

export interface ParallelPassage {
  /** UTF-16 offsets of the shared words in the block asked about, and in the parallel block. */
  start: number;
  end: number;
  text: string;
  otherStart: number;
  otherEnd: number;
  otherText: string;
  /** How many essays of the corpus hold these words (a stock phrase from Parallels.stockFrom). */
  corpusDocuments: number;
}

export interface ParallelPlace {
  slug: string;
  title: string;
  blockKind: MentionBlockKind;
  anchor: string;
  passages: ParallelPassage[];
}

export interface ParallelGroup {
  /** The work both places cite for these words (a source both blocks' notes cite), when one is known. */
  work: { key: string; title: string | null } | null;
  places: ParallelPlace[];
}

/** Words of the block that a stock phrase's many essays hold (each distinct stretch of it some place shares). */
export interface StockPhrase {
  start: number;
  end: number;
  text: string;
  /** How many essays of the corpus hold these words. */
  corpusDocuments: number;
  /** Of the places sharing only stock phrases with the block, those sharing these words. */
  stockOnlyPlaces: number;
}

/**
 * Which places a view lists: those sharing more than stock phrases with the block (the parallels, by default),
 * or those sharing only stock phrases (summarised by default, listed when asked).
 */
export type ParallelsListing = "parallels" | "stock-only";

export interface Parallels {
  document: { slug: string; title: string };
  block: { kind: MentionBlockKind; anchor: string; text: string };
  corpusSize: number;
  /** How many essays hold a passage that is a stock phrase, in this corpus. */
  stockFrom: number;
  /** The words of the block shared with any place, stock phrases included (the block is shown with them marked). */
  shared: { start: number; end: number }[];
  /** Places sharing at least one passage that is not a stock phrase. */
  parallelPlaces: number;
  /** Places sharing only stock phrases. Together with parallelPlaces, every place sharing a passage with the block. */
  stockOnlyPlaces: number;
  /** The stock phrases of the block any place shares, those most places share only them first. */
  stockPhrases: StockPhrase[];
  /** Which places the page lists, and how many there are over all its pages. */
  listing: ParallelsListing;
  listed: number;
  page: number;
  pageSize: number;
  /**
   * The page's places, in the order of the whole listing, grouped by the work both cite: a group running
   * over a page break is continued, under its heading again, on the next page.
   */
  groups: ParallelGroup[];
}

/** Which page of which listing to build; the first page of PARALLELS_PAGE_SIZE parallels, unless asked. */
export interface ParallelsPaging {
  page: number;
  pageSize: number;
  listing?: ParallelsListing;
}

/**
 * Every place elsewhere in the corpus that shares a passage with one block, counted, and one listing of them
 * paged: the places sharing more than stock phrases (or, when asked, those sharing only stock phrases), grouped
 * by the work the two places cite for it when their notes cite one in common. The stock phrases themselves
 * are summarised: the words, how many essays hold them, how many places share only them.
 * Null when the document or the block is unknown.
 *
 * Candidates come from the passage index (overlapping fingerprints, through the GIN index, with the texts
 * their rows hold); each is verified, and the words it shares located on both sides, by one pass over its
 * text against the block indexed once (sharedPassageRanges: what findSharedPassages would align). Every
 * candidate is verified and its passages counted in the corpus, as the counts and the stock phrases need;
 * only the listed places are then read with their essays and works, and only the page is drawn. A popular
 * quotation's block at 1,003 essays has 443 places sharing nothing but it: its view reads no essay or work
 * and draws no place, where it read and ranked all 443 and drew 25 (issue 15: "not listed 500 times").
 *
 * Why the whole listing is ranked, not only a page of it: its order (a work's places together, the works
 * with most places first) is the listing's.
 */
export async function listParallels(
  slug: string,
  anchor: string,
  paging: ParallelsPaging = { page: 1, pageSize: PARALLELS_PAGE_SIZE },
  db: Database = getDatabase(),
): Promise<Parallels | null> {
  /** `citedNotes`: the ids of the notes its block cites, joined by spaces (see the statement). */
  type Candidate = { documentId: string; blockKind: MentionBlockKind; blockAnchor: string; text: string; citedNotes: string };
  // Two independent questions, asked at once, each naming the block by its essay's slug and its anchor:
  // the block (its text, the notes it cites, and the corpus's size), and its candidates.
  const [[asked], candidates] = await Promise.all([
    db.$queryRaw<{ id: string; slug: string; title: string; blockKind: MentionBlockKind; text: string; citedNotes: string[]; corpusSize: number }[]>`
      select d.id, d.slug, d.title, p."blockKind"::text as "blockKind", p.text, p."citedNotes", (select count(*) from "Document")::int as "corpusSize"
      from "Document" d join "PassageFingerprint" p on p."documentId" = d.id and p."blockAnchor" = ${anchor}
      where d.slug = ${slug}`,
    // One plain statement, no transaction to plan it: an interactive one (to set enable_seqscan off for it)
    // waited on a round trip per statement. Each candidate's text and cited notes come with its passage-index
    // row (the rows the GIN lookup reads anyway): looked up again by document and anchor, it was a lookup per
    // candidate (443 for a popular quotation at 1,003 essays, 2,588 for a note sharing a set phrase). Only
    // blocks that have places can be one: sharing a passage is symmetric, so a block sharing one with this
    // block counts at least this one (its stored parallelPlaces), and most of a note's candidates share only
    // a set phrase's fingerprint. Their essays and works are read for the listed places only (placesRead).
    // The notes cited come as one string, not an array: the client parsed 2,588 arrays in ~11 ms of CPU,
    // as many strings in ~2 ms (footnote ids are uuids: no spaces).
    db.$queryRaw<Candidate[]>`
      with asked as (
        select p."documentId", p.fingerprints from "Document" d join "PassageFingerprint" p on p."documentId" = d.id and p."blockAnchor" = ${anchor}
        where d.slug = ${slug}
      )
      select o."documentId", o."blockKind"::text as "blockKind", o."blockAnchor", o.text, array_to_string(o."citedNotes", ' ') as "citedNotes" from "PassageFingerprint" o
      where o.fingerprints && (select fingerprints from asked) and o."documentId" <> (select "documentId" from asked) and o."parallelPlaces" > 0`,
  ]);
  if (!asked) return null;
  const { text, corpusSize } = asked;
  // Most candidates of a note share only a set phrase's fingerprint: no range, not a place.
  const ownIndex = indexPassageSharing([text]);
  const found = candidates.flatMap((candidate) => {
    const ranges = sharedPassageRanges(ownIndex, 0, candidate.text);
    return ranges.length === 0 ? [] : [{ candidate, ranges }];
  });
  const wordsOf = (range: SharedRange) => text.slice(range.start, range.end);
  const stockFrom = stockPhraseThreshold(corpusSize);
  const listing = paging.listing ?? "parallels";
  // The essays seen sharing each stretch of the block, its own among them: no more than countDocumentsHolding
  // counts (a block sharing the words holds every fingerprint of them), so a place whose every stretch so many
  // share is a stock-only place before anything is counted. The parallels the view lists are among the others,
  // whose essays and works are read while the stretches are counted: no round trip after the count, as the
  // one statement reading every candidate with its essay and work had none.
  const sharers = new Map<string, Set<string>>();
  for (const { candidate, ranges } of found) for (const range of ranges) sharers.set(wordsOf(range), (sharers.get(wordsOf(range)) ?? new Set([asked.id])).add(candidate.documentId));
  const surelyStockOnly = (ranges: readonly SharedRange[]) => ranges.every((range) => sharers.get(wordsOf(range))!.size >= stockFrom);
  const readEarly = listing === "parallels" ? found.filter(({ ranges }) => !surelyStockOnly(ranges)) : [];
  // How many essays hold each of the block's shared words: the same few stretches for most places.
  const sharedWords = [...sharers.keys()];
  const [holdingCounts, earlyReads] = await Promise.all([
    countDocumentsHolding(sharedWords, db),
    placesRead(
      asked.citedNotes,
      readEarly.map(({ candidate }) => candidate),
      db,
    ),
  ]);
  const holding = new Map(sharedWords.map((words, i) => [words, holdingCounts[i]!] as const));
  const isStock = (range: SharedRange) => holding.get(wordsOf(range))! >= stockFrom;
  const places = found.map((place) => ({ ...place, stockOnly: place.ranges.every(isStock) }));
  const stockOnly = places.filter((place) => place.stockOnly);

  // Each stretch of the block that is a stock phrase, with the places sharing only stock phrases that share it.
  const phrases = new Map<string, StockPhrase>();
  for (const { ranges, stockOnly: only } of places) {
    // A place quoting the words twice shares them once.
    const stretches = new Map(ranges.filter(isStock).map((range) => [`${range.start}-${range.end}`, range] as const));
    for (const [key, range] of stretches) {
      const phrase = phrases.get(key) ?? { start: range.start, end: range.end, text: wordsOf(range), corpusDocuments: holding.get(wordsOf(range))!, stockOnlyPlaces: 0 };
      if (only) phrase.stockOnlyPlaces++;
      phrases.set(key, phrase);
    }
  }
  const stockPhrases = [...phrases.values()].sort((x, y) => y.stockOnlyPlaces - x.stockOnlyPlaces || x.start - y.start || x.end - y.end);

  const listed = places.filter((place) => place.stockOnly === (listing === "stock-only"));
  const early = new Map(readEarly.map(({ candidate }, i) => [candidate, earlyReads[i]!] as const));
  // The stock-only listing (opened on request) reads its places now; the parallels were read early.
  const late = listed.filter(({ candidate }) => !early.has(candidate));
  const lateReads = await placesRead(
    asked.citedNotes,
    late.map(({ candidate }) => candidate),
    db,
  );
  late.forEach(({ candidate }, i) => early.set(candidate, lateReads[i]!));
  const read = listed.map(({ candidate }) => early.get(candidate)!);

  type Listed = { place: (typeof listed)[number]; read: PlaceRead };
  // In the order of their essays' slugs and their anchors, then grouped by work, stably.
  const inOrder: Listed[] = listed
    .map((place, i) => ({ place, read: read[i]! }))
    .sort((x, y) => compare(x.read.slug, y.read.slug) || compare(x.place.candidate.blockAnchor, y.place.candidate.blockAnchor));
  const groups = new Map<string, { work: ParallelGroup["work"]; places: Listed[] }>();
  for (const entry of inOrder) {
    const key = entry.read.work?.key ?? "";
    const group = groups.get(key) ?? { work: entry.read.work, places: [] };
    group.places.push(entry);
    groups.set(key, group);
  }
  // Works first (most places first), then what no shared citation explains.
  const ordered = [...groups.values()].sort((x, y) => Number(x.work === null) - Number(y.work === null) || y.places.length - x.places.length);
  const flat = ordered.flatMap((group) => group.places.map((entry) => ({ group, entry })));
  const pageGroups: ParallelGroup[] = [];
  for (const { group, entry } of pageOf(flat, paging.page, paging.pageSize)) {
    const { candidate, ranges } = entry.place;
    const shown: ParallelPlace = {
      slug: entry.read.slug,
      title: entry.read.title,
      blockKind: candidate.blockKind,
      anchor: candidate.blockAnchor,
      passages: ranges.map((r) => ({
        start: r.start,
        end: r.end,
        text: wordsOf(r),
        otherStart: r.otherStart,
        otherEnd: r.otherEnd,
        otherText: candidate.text.slice(r.otherStart, r.otherEnd),
        corpusDocuments: holding.get(wordsOf(r))!,
      })),
    };
    const last = pageGroups.at(-1);
    if (last && last.work?.key === group.work?.key) last.places.push(shown);
    else pageGroups.push({ work: group.work, places: [shown] });
  }
  return {
    document: { slug: asked.slug, title: asked.title },
    block: { kind: asked.blockKind, anchor, text },
    corpusSize,
    stockFrom,
    shared: [...new Map(places.flatMap(({ ranges }) => ranges).map((r) => [`${r.start}-${r.end}`, { start: r.start, end: r.end }])).values()],
    parallelPlaces: places.length - stockOnly.length,
    stockOnlyPlaces: stockOnly.length,
    stockPhrases,
    listing,
    listed: flat.length,
    page: paging.page,
    pageSize: paging.pageSize,
    groups: pageGroups,
  };
}

/** Code-unit order, as PostgreSQL's "C" collation and the list's earlier `order by` gave on these ASCII keys. */
const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

interface PlaceRead {
  slug: string;
  title: string;
  work: ParallelGroup["work"];
}

/**
 * The essay of each listed place, and the work it cites with the block, in the order given. The work: the
 * first, by title then key, of the works the block cites (through the notes it cites, PassageFingerprint.
 * citedNotes: those a paragraph's or heading's markers call, or a note itself) that the place's own cited notes
 * cite too. Looked up from the places' notes (a few each, through the index on Citation's note), not from the
 * works' citations: a popular quotation's work has some 900 citations at 1,003 essays.
 */
async function placesRead(ownNotes: readonly string[], places: readonly { documentId: string; citedNotes: string }[], db: Database): Promise<PlaceRead[]> {
  if (places.length === 0) return [];
  const notes = places.flatMap((place, i) => (place.citedNotes === "" ? [] : place.citedNotes.split(" ")).map((note) => [i, note] as const));
  const rows = await db.$queryRaw<{ place: number; slug: string; title: string; workKey: string | null; workTitle: string | null }[]>`
    with own as (
      select s.id, s.key, s.title, row_number() over (order by s.title nulls last, s.key) as rank from "Source" s
      where s.id in (select c."sourceId" from "Citation" c where c."footnoteId" = any(${[...ownNotes]}::text[]))
    ), work as (
      select n.place, min(own.rank) as rank
      from unnest(${notes.map(([i]) => i)}::int[], ${notes.map(([, note]) => note)}::text[]) as n(place, note)
      join "Citation" c on c."footnoteId" = n.note join own on own.id = c."sourceId"
      group by n.place
    )
    select p.place::int, d.slug, d.title, own.key as "workKey", own.title as "workTitle"
    from unnest(${places.map((_, i) => i)}::int[], ${places.map((place) => place.documentId)}::text[]) as p(place, "documentId")
    join "Document" d on d.id = p."documentId"
    left join work w on w.place = p.place
    left join own on own.rank = w.rank`;
  const byPlace = new Map(rows.map((row) => [row.place, row]));
  return places.map((_, i) => {
    const row = byPlace.get(i)!;
    return { slug: row.slug, title: row.title, work: row.workKey === null ? null : { key: row.workKey, title: row.workTitle } };
  });
}
