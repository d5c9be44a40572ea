import "server-only";
import { getDatabase, type Database } from "./prisma-client";
import { listCatalogueDocuments } from "./list-catalogue";
import { findDocumentTitles } from "./list-document-titles";
import { TYPE_AHEAD_SUGGESTIONS } from "@/lib/urls/url-grammar";
import { readGramStatistics } from "./read-gram-statistics";
import { findTermOccurrences } from "@/lib/search/find-term-occurrences";
import { mapFoldedRange } from "@/lib/search/fold-for-search";
import { makeSnippet } from "@/lib/search/make-snippet";
import { chooseIndexGrams } from "@/lib/search/choose-index-grams";
import { planLeadingScan } from "@/lib/search/plan-leading-scan";
import type { SearchBlockKind } from "@/lib/search/search-params";
import { searchHitHref } from "@/lib/urls/app-urls";

/**
 * The most blocks one search examines. Counting every match of `的` in a large corpus would read the
 * whole table on every keystroke; like Elasticsearch's `track_total_hits`, counts are exact below this
 * limit and a lower bound ("at least") above it. Measured in bench/search-latency.bench.ts.
 */
export const MATCH_LIMIT = 1_000;

export interface SearchRequest {
  /** Folded terms (`parseSearchQuery`), all of which must occur in a block. */
  terms: readonly string[];
  documentSlug?: string;
  kind?: SearchBlockKind;
  conceptId?: string;
  page: number;
  pageSize: number;
  /**
   * How many documents' hit counts to return, most hits first, besides those of the documents the page's hits
   * are in; all of them when absent. A page that lists fifty need not have the counts of every document the
   * matches fall in carried from the database (240 documents for 网络主权 at 1,003 essays).
   */
  countsShown?: number;
}

export interface SearchHit {
  documentSlug: string;
  documentTitle: string;
  anchor: string;
  kind: SearchBlockKind;
  /** Keyword in context; matchStart/matchEnd are UTF-16 offsets into it. */
  snippet: string;
  matchStart: number;
  matchEnd: number;
  /** UTF-16 offsets of the match in the block's display text (the reader's `hl`). */
  blockStart: number;
  blockEnd: number;
  /** Index of the query term this hit is an occurrence of. */
  term: number;
  href: string;
}

export interface SearchResult {
  /** Occurrences of the terms in matching blocks (exact when `totalRelation` is "eq"). */
  total: number;
  totalRelation: "eq" | "gte";
  /** Matching blocks examined (at most MATCH_LIMIT + 1). */
  blocks: number;
  /** Documents holding hits (a lower bound when `totalRelation` is "gte"), whether or not `counts` lists them all. */
  documents: number;
  page: number;
  pageSize: number;
  /** Hits per document, most first (ties by slug): all of them, or those `countsShown` asks for. */
  counts: { documentSlug: string; documentTitle: string; count: number }[];
  hits: SearchHit[];
}

interface PageBlock {
  slug: string;
  title: string;
  anchor: string;
  kind: SearchBlockKind;
  text: string;
  folded: string;
  offsets: number[];
  before: number;
}

interface ResultRow {
  blocks: bigint | number;
  documents: bigint | number;
  hits: bigint | number;
  counts: unknown;
  page: unknown;
}

/** An SQL statement and its parameters. */
export interface SearchQuery {
  sql: string;
  params: unknown[];
}

/**
 * The one statement a search runs: the first MATCH_LIMIT + 1 matching blocks (in table order) with
 * their number of occurrences, ranked, and the blocks of the requested page with their display text.
 * Only `SearchBlock`'s narrow rows are read for the matches; `SearchBlockText` only for the page.
 * The index is asked for `grams` (chooseIndexGrams, every pair of a longer term by default). With
 * `leadingPages` (planLeadingScan), the first pages of the table are read in order and the index
 * is used only for the rest, and only if they hold too few matches: the same blocks in the same order.
 * The ranking is done per document, not per match: the matches are summed by document, only those
 * documents are joined to their slugs and ranked (a running sum of their hits gives where each one's
 * hits begin), and only the documents the requested page falls in number their blocks in reading order.
 * At 1,000 essays that sorts and joins a hundred-odd documents instead of the 1,001 matches twice. No
 * join of the matches to sums computed from them: the planner, estimating one match for a long term,
 * joined such lists by a nested loop over both (1,000 × 600 comparisons, 100 ms, in the first version).
 */
export function buildSearchQuery(request: SearchRequest, plan: Partial<SearchPlan> = {}): SearchQuery {
  if (request.terms.length === 0 || request.terms.some((term) => term === "")) throw new Error("searchCorpus needs non-empty folded terms");
  const { leadingPages = 0, grams = chooseIndexGrams(request.terms, null) } = plan;
  if (!Number.isSafeInteger(leadingPages) || leadingPages < 0) throw new Error(`bad leadingPages ${leadingPages}`);
  if (grams.length === 0) throw new Error("searchCorpus needs grams for the index");
  const params: unknown[] = [grams];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const termParams = request.terms.map((term) => param(term));
  const conditions = termParams.map((p) => `strpos(b."folded", ${p}) > 0`);
  if (request.documentSlug !== undefined) conditions.push(`b."documentId" = (select d.id from "Document" d where d.slug = ${param(request.documentSlug)})`);
  if (request.kind !== undefined) conditions.push(`b."blockKind" = ${param(request.kind)}::"BlockKind"`);
  if (request.conceptId !== undefined) {
    conditions.push(`exists (select 1 from "ConceptMention" cm where cm."conceptId" = ${param(request.conceptId)}
      and cm."documentId" = b."documentId" and cm."blockKind" = b."blockKind" and cm."blockAnchor" = b."blockAnchor")`);
  }
  // Byte lengths: the same quotient as character lengths, without counting characters twice a row.
  const occurrences = termParams
    .map((p) => `(octet_length(b."folded") - octet_length(replace(b."folded", ${p}, ''))) / octet_length(${p})`)
    .join(" + ");
  const select = `select b.id, b."documentId", b.ordinal, (${occurrences})::int as occ from "SearchBlock" b`;
  const indexed = `search_grams(b."folded") @> $1::text[]`;
  const limit = param(MATCH_LIMIT + 1);
  let matches = `${select}\n      where ${[indexed, ...conditions].join(" and ")}\n      limit ${limit}`;
  if (leadingPages > 0) {
    // The planner sees the bound's value (an unnamed statement is planned with its parameters): it
    // reads the leading pages with a TID range scan and the rest through the bitmap, with the bound
    // only as a filter there. Append runs its branches in order, so the limit keeps table order.
    const bound = param(`(${leadingPages},0)`);
    matches = `(${select} where b.ctid < ${bound}::tid and ${conditions.join(" and ")})
      union all
      (${select} where b.ctid >= ${bound}::tid and ${[indexed, ...conditions].join(" and ")})
      limit ${limit}`;
  }
  const from = param((request.page - 1) * request.pageSize);
  const to = param(request.page * request.pageSize);
  if (request.countsShown !== undefined && (!Number.isSafeInteger(request.countsShown) || request.countsShown < 0)) throw new Error(`bad countsShown ${request.countsShown}`);
  // The documents the page's hits fall in keep their counts (each group of hits says its document's total).
  const countsKept = request.countsShown === undefined ? "" : `where rank <= ${param(request.countsShown)} or (before < ${to} and before + hits > ${from})`;

  const sql = `
    with matched as materialized (
      ${matches}
    ),
    documents as materialized (
      select h."documentId", d.slug, d.title, h.hits,
             (sum(h.hits) over (order by h.hits desc, d.slug rows unbounded preceding) - h.hits)::int as before,
             row_number() over (order by h.hits desc, d.slug) as rank
      from (select m."documentId", sum(m.occ)::int as hits from matched m group by m."documentId") h
      join "Document" d on d.id = h."documentId"
    ),
    shown as (
      select m.id, m.occ, s.slug, s.title,
             (s.before + sum(m.occ) over (partition by m."documentId" order by m.ordinal rows unbounded preceding) - m.occ)::int as before
      from documents s join matched m on m."documentId" = s."documentId"
      where s.before < ${to} and s.before + s.hits > ${from}
    )
    select
      (select count(*) from matched) as blocks,
      (select count(*) from documents) as documents,
      (select coalesce(sum(hits), 0) from documents) as hits,
      (select coalesce(json_agg(json_build_object('slug', slug, 'title', title, 'count', hits) order by hits desc, slug), '[]'::json)
         from documents ${countsKept}) as counts,
      (select coalesce(json_agg(json_build_object('slug', r.slug, 'title', r.title, 'anchor', b."blockAnchor", 'kind', b."blockKind",
                'text', t.text, 'folded', b.folded, 'offsets', t.offsets, 'before', r.before) order by r.before), '[]'::json)
         from shown r join "SearchBlock" b on b.id = r.id join "SearchBlockText" t on t."blockId" = r.id
        where r.before < ${to} and r.before + r.occ > ${from}) as page`;
  return { sql, params };
}

/**
 * How a search uses the table and its index: the leading pages to read in order (planLeadingScan) and
 * the grams to ask the index for (chooseIndexGrams). Every plan finds the same blocks.
 */
export interface SearchPlan {
  leadingPages: number;
  grams: readonly string[];
}

/**
 * The plan for a request, from the index's statistics. A filter changes which blocks count, and the
 * statistics do not say how: filtered searches do not read leading pages.
 */
export async function planSearch(request: SearchRequest, db: Database = getDatabase()): Promise<SearchPlan> {
  const statistics = await readGramStatistics(db);
  const filtered = request.documentSlug !== undefined || request.kind !== undefined || request.conceptId !== undefined;
  return {
    leadingPages: filtered ? 0 : planLeadingScan(request.terms, MATCH_LIMIT + 1, statistics),
    grams: chooseIndexGrams(request.terms, statistics),
  };
}

/**
 * Finds every occurrence of all `terms` (in the same block), ranked: documents by their number of
 * hits (most first, then by slug), hits inside a document in reading order. Returns one page of hits,
 * each with its KWIC line and its range in the block, and the hit count of every matching document.
 */
export async function searchCorpus(request: SearchRequest, db: Database = getDatabase(), plan: Partial<SearchPlan> = {}): Promise<SearchResult> {
  const { sql, params } = buildSearchQuery(request, { ...(await planSearch(request, db)), ...plan });
  // No planner settings: the migrations price search_grams and forbid parallel scans of SearchBlock,
  // so the planner picks the bitmap (or the TID range) on its own, serially, in one round trip.
  const rows = await db.$queryRawUnsafe<ResultRow[]>(sql, ...params);
  const row = rows[0];
  if (!row) throw new Error("search returned no row");
  const blocks = Number(row.blocks);
  const counts = parseJson<{ slug: string; title: string; count: number }[]>(row.counts).map((c) => ({
    documentSlug: c.slug,
    documentTitle: c.title,
    count: c.count,
  }));
  const pageBlocks = parseJson<PageBlock[]>(row.page);
  const from0 = (request.page - 1) * request.pageSize;
  const hits: SearchHit[] = [];
  for (const block of pageBlocks) {
    const matches = findTermOccurrences(block.folded, request.terms);
    matches.forEach((match, index) => {
      const rank = block.before + index;
      if (rank < from0 || rank >= from0 + request.pageSize) return;
      const range = mapFoldedRange(block.text, block.offsets, match.start, match.end);
      const snippet = makeSnippet(block.text, range.start, range.end);
      hits.push({
        documentSlug: block.slug,
        documentTitle: block.title,
        anchor: block.anchor,
        kind: block.kind,
        ...snippet,
        blockStart: range.start,
        blockEnd: range.end,
        term: match.term,
        href: searchHitHref(block.slug, block.anchor, range),
      });
    });
  }
  return {
    total: Number(row.hits),
    totalRelation: blocks > MATCH_LIMIT ? "gte" : "eq",
    blocks,
    documents: Number(row.documents),
    page: request.page,
    pageSize: request.pageSize,
    counts,
    hits,
  };
}

function parseJson<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

/**
 * The search page's choice of one document: the one chosen (`doc`), or the titles matching the words typed
 * for it without a script (`docq`), as the type-ahead would have offered them. Never the whole list of
 * documents: at a thousand essays a choice among all of them is a title search, not a list.
 */
export interface SearchDocumentChoice {
  /** The document `doc` names; its title null when no document has that slug (the search then finds nothing). */
  chosen: { slug: string; title: string | null } | null;
  /** The words typed for a document not chosen yet. */
  words: string | null;
  /** Titles matching the words (at most TYPE_AHEAD_SUGGESTIONS), and how many match in all. */
  candidates: { slug: string; title: string }[];
  matching: number;
}

/** What the search page offers as filters: the document chosen or the titles its words match, and the concepts that have mentions. */
export async function listSearchFilters(document: { doc?: string; words?: string }, db: Database = getDatabase()) {
  const [concepts, chosen, matches] = await Promise.all([
    // Through how many documents mention each concept, kept at load (Concept.documents, as the catalogue's facet reads
    // it): one row per concept, rather than a lookup per concept among the counts stored per document.
    db.concept.findMany({ where: { documents: { gt: 0 } }, orderBy: { ordinal: "asc" }, select: { id: true, labelZh: true, labelEn: true } }),
    document.doc ? findDocumentTitles([document.doc], db) : null,
    !document.doc && document.words ? listCatalogueDocuments({ q: document.words, page: 1, pageSize: TYPE_AHEAD_SUGGESTIONS }, db) : null,
  ]);
  const choice: SearchDocumentChoice = {
    chosen: document.doc ? { slug: document.doc, title: chosen?.[0]?.title ?? null } : null,
    words: document.doc ? null : (document.words ?? null),
    candidates: matches?.documents.map(({ slug, title }) => ({ slug, title })) ?? [],
    matching: matches?.total ?? 0,
  };
  return { concepts, document: choice };
}
