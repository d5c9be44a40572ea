import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CatalogueQuery } from "@/lib/urls/route-params";
import { getDatabase, type Database } from "./prisma-client";

/**
 * The catalogue: the corpus's documents filtered by title words and facet values, one page at a time, and
 * the facets' values with their counts. Everything is counted and paged in PostgreSQL, so a page costs
 * the same whether the corpus holds 2 essays or 1,000: nothing reads every row into memory.
 *
 * Facet counts are those of the current result (drill-down, as library catalogues such as Blacklight and
 * VuFind count them): each value says how many of the documents listed would remain if it were chosen too.
 */

export type CatalogueFilters = Omit<CatalogueQuery, "page" | "pageSize">;

export interface CatalogueDocument {
  slug: string;
  title: string;
  titleEn: string | null;
  authors: string[];
  journal: string | null;
  issue: string | null;
  date: string | null;
  abstract: string | null;
  counts: { paragraphs: number; footnotes: number; sources: number };
}

export interface CataloguePage {
  documents: CatalogueDocument[];
  /** Documents matching the filters, on every page. */
  total: number;
  /** Documents in the whole corpus, when asked for (`withCorpusSize`): what a narrowed list is "of". */
  corpusSize?: number;
  page: number;
  pageSize: number;
}

export interface FacetValue {
  /** What the URL carries: a journal's or author's name, a year, a concept id, a source key. */
  value: string;
  label: string;
  /** Documents of the current result holding this value. */
  count: number;
}

export type FacetName = "journal" | "year" | "author" | "concept" | "source";

export interface CatalogueFacets {
  journal: FacetValue[];
  year: FacetValue[];
  author: FacetValue[];
  concept: FacetValue[];
  source: FacetValue[];
}

/**
 * Values listed per facet, the most frequent first: a screenful beside the list. A corpus of 1,000 essays
 * cites thousands of works and has hundreds of authors; the rest are reached by narrowing the list first.
 */
export const FACET_VALUES_SHOWN = 10;
/** Years are listed newest first rather than by count, and all of them up to this: decades of publication fit. */
export const YEAR_VALUES_SHOWN = 40;
/** Title words a query may hold (split on spaces): each must occur; more are ignored. */
const MAX_QUERY_TERMS = 6;

/** `%`, `_` and `\` typed into a title field are literal characters, not patterns. */
function likeEscaped(term: string): string {
  return term.replace(/[\\%_]/gu, (character) => `\\${character}`);
}

export function queryTerms(q: string | undefined): string[] {
  return (q ?? "").trim().split(/\s+/u).filter(Boolean).slice(0, MAX_QUERY_TERMS);
}

/**
 * Han characters, digits and punctuation have no case, and lowering a text never makes one of them out of another
 * character: a term made of them alone is in the lowered text exactly where it is in the text.
 */
const CASELESS_TERM = /^[\p{Script=Han}\p{Nd}\p{P}]+$/u;

/** Whether a title word matches the same texts with case ignored as with it kept (a Chinese word does). */
export function isCaselessTerm(term: string): boolean {
  return CASELESS_TERM.test(term);
}

/** The conditions of the filters on `"Document" d`, joined with `and`. */
function whereFilters(filters: CatalogueFilters): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`true`];
  for (const term of queryTerms(filters.q)) {
    // Title, English title and authors: a researcher types any of them into the one field. A caseless word is
    // looked for as it is (strpos), since ilike lowers every title it reads: over the corpus's 1,000 rows that
    // was most of the match's cost, and the match runs in both the page's statement and the facets'.
    if (isCaselessTerm(term)) {
      conditions.push(
        Prisma.sql`(strpos(d.title, ${term}) > 0 or strpos(coalesce(d."titleEn", ''), ${term}) > 0 or strpos(array_to_string(d.authors, ' '), ${term}) > 0)`,
      );
      continue;
    }
    const pattern = `%${likeEscaped(term)}%`;
    conditions.push(
      Prisma.sql`(d.title ilike ${pattern} or coalesce(d."titleEn", '') ilike ${pattern} or array_to_string(d.authors, ' ') ilike ${pattern})`,
    );
  }
  if (filters.journal !== undefined) conditions.push(Prisma.sql`d.journal = ${filters.journal}`);
  if (filters.year !== undefined) conditions.push(Prisma.sql`substring(d.date from '^[0-9]{4}') = ${String(filters.year)}`);
  if (filters.author !== undefined) conditions.push(Prisma.sql`${filters.author} = any(d.authors)`);
  if (filters.concept !== undefined) {
    conditions.push(Prisma.sql`exists (select 1 from "ConceptDocumentCount" k where k."documentId" = d.id and k."conceptId" = ${filters.concept})`);
  }
  if (filters.source !== undefined) {
    conditions.push(
      Prisma.sql`exists (select 1 from "Citation" c join "Source" s on s.id = c."sourceId" where c."documentId" = d.id and s.key = ${filters.source})`,
    );
  }
  return Prisma.join(conditions, " and ");
}

/** Whether the filters keep fewer than the whole corpus: title words, or a facet value chosen (a blank field is none). */
function isNarrowed(filters: CatalogueFilters): boolean {
  const { q, ...facets } = filters;
  return queryTerms(q).length > 0 || Object.values(facets).some((value) => value !== undefined);
}

/**
 * With title words: exact title first, then titles starting with them, then titles containing them (the
 * earlier the better), then the rest (English title or author matched); shorter titles before longer ones,
 * as a type-ahead should. Without: newest first, undated last.
 */
function orderFor(filters: CatalogueFilters): Prisma.Sql {
  const q = (filters.q ?? "").trim();
  if (q === "") return Prisma.sql`order by d.date desc nulls last, d.slug`;
  const escaped = likeEscaped(q);
  return Prisma.sql`order by
    case
      when lower(d.title) = lower(${q}) then 0
      when d.title ilike ${`${escaped}%`} then 1
      when d.title ilike ${`%${escaped}%`} then 2
      when coalesce(d."titleEn", '') ilike ${`${escaped}%`} then 3
      else 4
    end,
    nullif(strpos(lower(d.title), lower(${q})), 0) nulls last,
    char_length(d.title), d.date desc nulls last, d.slug`;
}

/** A row of the catalogue query: a document's columns, its counts as PostgreSQL returns them, and the total. */
type DocumentRow = Omit<CatalogueDocument, "counts"> & { paragraphs: bigint; footnotes: bigint; sources: bigint; total: bigint };

/**
 * One page of the documents matching the filters, in catalogue order, with the total over every page, and with
 * `withCorpusSize` the number of documents in the whole corpus, counted in the same statement: a narrowed list
 * says what it is part of, and a second statement beside it was one more round trip and query for the page to wait
 * on (three at once on a loaded 2-core host).
 */
export async function listCatalogueDocuments(
  query: CatalogueQuery,
  db: Database = getDatabase(),
  { withCorpusSize = false }: { withCorpusSize?: boolean } = {},
): Promise<CataloguePage> {
  const { page, pageSize, ...filters } = query;
  const offset = (page - 1) * pageSize;
  // One round trip: the page's ids, the number of documents matching, and the counts of the page's documents only.
  // A narrowed list finds its documents once (title words are a pattern match on every row) and keeps the page's
  // by a top-N sort over them (a window count over them, as before, sorted and numbered every one of them to keep
  // twenty). The whole corpus, the home page, is read in its order from the catalogue's index instead: its first
  // `offset + pageSize` entries, not every document sorted (at 1,003 essays the sort read all 212 pages of the
  // table to keep twenty rows). Dated documents come from the index, newest first; the undated ones, which the
  // order puts last, from the same index's null entries by slug.
  const narrowed = isNarrowed(filters);
  const pageIds = narrowed
    ? Prisma.sql`
    with matching as materialized (
      select d.id, d.title, d."titleEn", d.date, d.slug from "Document" d where ${whereFilters(filters)}
    ),
    page as (
      select d.id from matching d ${orderFor(filters)} limit ${pageSize} offset ${offset}
    )`
    : Prisma.sql`
    with page as (
      select d.id from (
        (select d.id, d.date, d.slug from "Document" d where d.date is not null order by d.date desc, d.slug limit ${offset + pageSize})
        union all
        (select d.id, d.date, d.slug from "Document" d where d.date is null order by d.slug limit ${offset + pageSize})
      ) d ${orderFor(filters)} limit ${pageSize} offset ${offset}
    )`;
  const rows = await db.$queryRaw<(DocumentRow & { corpus?: bigint })[]>`
    ${pageIds}
    select d.slug, d.title, d."titleEn", d.authors, d.journal, d.issue, d.date, d.abstract,
      ${narrowed ? Prisma.sql`(select count(*) from matching)` : Prisma.sql`(select count(*) from "Document")`} as total,
      (select count(*) from "Paragraph" p where p."documentId" = d.id) as paragraphs,
      (select count(*) from "Footnote" f where f."documentId" = d.id) as footnotes,
      (select count(distinct c."sourceId") from "Citation" c where c."documentId" = d.id) as sources
      ${withCorpusSize ? Prisma.sql`, (select count(*) from "Document") as corpus` : Prisma.empty}
    from page join "Document" d on d.id = page.id
    -- The page's own rows put in the same order (its keys end with the slug, so it is the order they were chosen in).
    ${orderFor(filters)}`;
  // A page past the last still says how many there are.
  const [total, corpusSize] = rows[0]
    ? [Number(rows[0].total), rows[0].corpus === undefined ? undefined : Number(rows[0].corpus)]
    : await Promise.all([countCatalogueDocuments(filters, db), withCorpusSize ? countCatalogueDocuments({}, db) : undefined]);
  return {
    documents: rows.map((row) => ({
      slug: row.slug,
      title: row.title,
      titleEn: row.titleEn,
      authors: row.authors,
      journal: row.journal,
      issue: row.issue,
      date: row.date,
      abstract: row.abstract,
      counts: { paragraphs: Number(row.paragraphs), footnotes: Number(row.footnotes), sources: Number(row.sources) },
    })),
    total,
    ...(corpusSize === undefined ? {} : { corpusSize }),
    page,
    pageSize,
  };
}

/** How many documents the filters keep (none given: the whole corpus), without listing any. */
export async function countCatalogueDocuments(filters: CatalogueFilters = {}, db: Database = getDatabase()): Promise<number> {
  const [row] = await db.$queryRaw<{ total: bigint }[]>`select count(*) as total from "Document" d where ${whereFilters(filters)}`;
  return Number(row?.total ?? 0);
}

interface FacetRow {
  value: string;
  label: string | null;
  count: bigint | number;
}

const toValues = (rows: FacetRow[]): FacetValue[] => rows.map((row) => ({ value: row.value, label: row.label ?? row.value, count: Number(row.count) }));

/**
 * Facet counts kept per filter set for the corpus version they were counted on. Counting them reads every
 * concept mention and citation the list's documents hold (at 1,000 essays, some 10^5 rows, tens of
 * milliseconds to hundreds on a busy machine), while they change only when an essay is loaded or removed.
 * The version is read from the database on each request, so no process ever serves counts of a corpus it
 * no longer has, and app processes sharing a database need no signal between them.
 */
const FACET_MEMO_ENTRIES = 256;
const facetMemo = new WeakMap<Database, Map<string, { version: string; facets: CatalogueFacets }>>();

/**
 * What changes whenever the corpus does: every load stamps its document's `ingestedAt`, and a removal
 * lowers the count.
 */
const CORPUS_VERSION = Prisma.sql`(select count(*)::text || '@' || coalesce((extract(epoch from max("ingestedAt")) * 1000000)::bigint::text, '') from "Document")`;

export async function corpusVersion(db: Database): Promise<string> {
  const [row] = await db.$queryRaw<{ version: string }[]>`select ${CORPUS_VERSION} as version`;
  return row?.version ?? "";
}

/**
 * Each facet's values among the documents matching the filters, with how many of them hold each. Filters seen
 * for the first time are counted in one statement that also reads the corpus version they are counted on; filters
 * seen before ask for the version first, and are counted again only if it moved. A first render thus waits for one
 * statement, not for the version and then the counts (one round trip fewer, which a loaded host makes dearer).
 */
export async function listCatalogueFacets(filters: CatalogueFilters, db: Database = getDatabase()): Promise<CatalogueFacets> {
  const key = JSON.stringify(Object.entries(filters).filter(([, value]) => value !== undefined).sort());
  let memo = facetMemo.get(db);
  if (!memo) facetMemo.set(db, (memo = new Map()));
  const known = memo.get(key);
  if (known && known.version === (await corpusVersion(db))) {
    // Most recently used last: the first is the one to let go.
    memo.delete(key);
    memo.set(key, known);
    return known.facets;
  }
  const counted = await countCatalogueFacets(filters, db);
  memo.delete(key);
  memo.set(key, counted);
  if (memo.size > FACET_MEMO_ENTRIES) memo.delete(memo.keys().next().value!);
  return counted.facets;
}

/**
 * The counts read are those stored at load: a document's mentions per concept (ConceptDocumentCount, one row
 * per concept or item it mentions, not one per mention) and, for the whole corpus, how many documents mention
 * each concept (Concept.documents, one row per concept) and cite each work (Source.documents, an index's first
 * rows). A narrowed list counts the concepts and works its own documents hold.
 */
async function countCatalogueFacets(filters: CatalogueFilters, db: Database): Promise<{ version: string; facets: CatalogueFacets }> {
  const narrowed = isNarrowed(filters);
  // One statement: the documents matching are found once (title words are a pattern match on every row) and each
  // facet counts over them, rather than five statements each finding them again. A narrowed list's concepts and
  // works are read per matching document (lateral, through the documentId indexes): the planner cannot know how
  // few documents a title word keeps (it guessed 706 of 1,003 for one keeping 56) and otherwise read every
  // citation of the corpus (27,882 rows at 1,003 essays, 18 of the statement's 35 ms) to keep those of 56.
  // The whole corpus's journals, years and authors are the counts kept at load (CatalogueFacetCount), a facet's
  // first rows through its index, rather than every document grouped.
  const stored = (facet: FacetName, order: Prisma.Sql, limit: number) => Prisma.sql`
        select s.value, null as label, s.documents as count from "CatalogueFacetCount" s where s.facet = ${facet}
        order by ${order} limit ${limit}`;
  const [journals, years, authors] = narrowed
    ? [
        Prisma.sql`
        select m.journal as value, null as label, count(*) as count from matching m where m.journal is not null
        group by m.journal order by count desc, m.journal limit ${FACET_VALUES_SHOWN}`,
        Prisma.sql`
        select m.year as value, null as label, count(*) as count from matching m where m.year is not null
        group by m.year order by m.year desc limit ${YEAR_VALUES_SHOWN}`,
        Prisma.sql`
        select a.author as value, null as label, count(distinct a.id) as count
        from (select m.id, unnest(m.authors) as author from matching m) a
        group by a.author order by count desc, a.author limit ${FACET_VALUES_SHOWN}`,
      ]
    : [
        stored("journal", Prisma.sql`s.documents desc, s.value`, FACET_VALUES_SHOWN),
        stored("year", Prisma.sql`s.value desc`, YEAR_VALUES_SHOWN),
        stored("author", Prisma.sql`s.documents desc, s.value`, FACET_VALUES_SHOWN),
      ];
  const [row] = await db.$queryRaw<(Record<FacetName, FacetRow[] | string> & { version: string })[]>`
    ${
      narrowed
        ? Prisma.sql`with matching as materialized (
      select d.id, d.journal, substring(d.date from '^[0-9]{4}') as year, d.authors from "Document" d where ${whereFilters(filters)}
    )`
        : Prisma.empty
    }
    select
      ${CORPUS_VERSION} as version,
      (select coalesce(json_agg(f order by f.count desc, f.value), '[]'::json) from (${journals}) f) as journal,
      (select coalesce(json_agg(f order by f.value desc), '[]'::json) from (${years}) f) as year,
      (select coalesce(json_agg(f order by f.count desc, f.value), '[]'::json) from (${authors}) f) as author,
      (select coalesce(json_agg(f order by f.count desc, f.ordinal), '[]'::json) from (${
        narrowed
          ? Prisma.sql`
        select c.id as value, c."labelZh" as label, k.count, c.ordinal
        from (
          select k."conceptId" as id, count(*) as count
          from matching m cross join lateral (select distinct k."conceptId" from "ConceptDocumentCount" k where k."documentId" = m.id) k
          group by k."conceptId"
        ) k
        join "Concept" c on c.id = k.id
        order by k.count desc, c.ordinal limit ${FACET_VALUES_SHOWN}`
          : Prisma.sql`
        select c.id as value, c."labelZh" as label, c.documents as count, c.ordinal from "Concept" c where c.documents > 0
        order by c.documents desc, c.ordinal limit ${FACET_VALUES_SHOWN}`
      }) f) as concept,
      (select coalesce(json_agg(f order by f.count desc, f.value), '[]'::json) from (
        select s.key as value,
          coalesce(s.title, (select c2.raw from "Citation" c2 where c2."sourceId" = s.id order by c2.raw limit 1)) as label,
          top.count
        from (${
          narrowed
            ? Prisma.sql`
          with cited as materialized (
            select c."sourceId" as id, count(*) as count
            from matching m cross join lateral (
              select distinct c."sourceId" from "Citation" c where c."documentId" = m.id and c."sourceId" is not null
            ) c
            group by c."sourceId"
          )
          select s.id, cited.count
          from cited join "Source" s on s.id = cited.id
          -- Only works cited at least as often as the last one listed can be listed, so only theirs are joined to
          -- their keys (which break ties): at 1,003 essays the 56 titled 治理 cite 887 works, 672 of them cited by one
          -- of the 56, and those listed by 11 or more.
          where cited.count >= coalesce((select c.count from cited c order by c.count desc offset ${FACET_VALUES_SHOWN - 1} limit 1), 0)
          order by cited.count desc, s.key limit ${FACET_VALUES_SHOWN}`
            : Prisma.sql`
          select s.id, s.documents as count from "Source" s where s.documents > 0
          order by s.documents desc, s.key limit ${FACET_VALUES_SHOWN}`
        }) top
        join "Source" s on s.id = top.id) f) as source`;
  const facet = (name: FacetName) => toValues(parseJson<FacetRow[]>(row?.[name] ?? "[]"));
  return {
    version: row?.version ?? "",
    facets: { journal: facet("journal"), year: facet("year"), author: facet("author"), concept: facet("concept"), source: facet("source") },
  };
}

function parseJson<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

/** A facet value's label when it is chosen but not among the values listed (a link to a value outside the top). */
export async function describeChosenFacets(filters: CatalogueFilters, db: Database = getDatabase()): Promise<Partial<Record<FacetName, string>>> {
  const [concept, source] = await Promise.all([
    filters.concept ? db.concept.findUnique({ where: { id: filters.concept }, select: { labelZh: true } }) : null,
    filters.source
      ? db.source.findUnique({ where: { key: filters.source }, select: { title: true, citations: { select: { raw: true }, orderBy: { raw: "asc" }, take: 1 } } })
      : null,
  ]);
  return {
    ...(filters.journal !== undefined ? { journal: filters.journal } : {}),
    ...(filters.year !== undefined ? { year: String(filters.year) } : {}),
    ...(filters.author !== undefined ? { author: filters.author } : {}),
    ...(filters.concept !== undefined ? { concept: concept?.labelZh ?? filters.concept } : {}),
    // A work no note names is named by the words it is cited by, as in the facet's list.
    ...(filters.source !== undefined ? { source: source?.title ?? source?.citations[0]?.raw ?? filters.source } : {}),
  };
}
