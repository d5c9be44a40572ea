import "server-only";
import { z } from "zod";
import { SOURCE_TYPES, type SourceType } from "@/lib/citations/group-sources";
import { SOURCE_SORTS, sourceOrder } from "@/lib/citations/order-sources";
import { slugParam } from "@/lib/urls/route-params";
import { pageOf } from "@/lib/paging/page-window";
import { getDatabase, type Database } from "./prisma-client";
import { sourceRowSelect, toSourceDetails, yearOf, type SourceDetails } from "./source-record";

export { SOURCE_SORTS, type SourceSort } from "@/lib/citations/order-sources";

/** Blank form fields ("All types") mean "no filter", as a GET form sends them. */
const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);

/**
 * The bibliography's and the sources API's URL parameters. Each is optional; `dir` defaults to the
 * natural order of its sort (titles A→Z, dates old→new, most cited first).
 */
export const sourceListQuerySchema = z.strictObject({
  doc: z.preprocess(blankToUndefined, slugParam.optional()),
  type: z.preprocess(blankToUndefined, z.enum(SOURCE_TYPES).optional()),
  year: z.preprocess(
    blankToUndefined,
    z.coerce.number().int("year must be a whole number").min(1000, "year must have four digits").max(9999, "year must have four digits").optional(),
  ),
  sort: z.preprocess(blankToUndefined, z.enum(SOURCE_SORTS).default("title")),
  dir: z.preprocess(blankToUndefined, z.enum(["asc", "desc"]).optional()),
});
export type SourceListQuery = z.infer<typeof sourceListQuerySchema>;

export interface CitedIn {
  slug: string;
  title: string;
  citations: number;
}

export interface SourceListItem extends SourceDetails {
  year: number | null;
  /** Citations in the list's scope: the document asked for, or the whole corpus. */
  timesCited: number;
  /** Every document citing the work (whatever the scope), with its count. */
  citedIn: CitedIn[];
}

export interface SourceList {
  /** The document the list is scoped to; null for the corpus. */
  document: { slug: string; title: string } | null;
  /** The sources the filters keep, in order: all of them, or the page asked for. */
  sources: SourceListItem[];
  /** How many sources the filters keep, on every page. */
  matching: number;
  /** Filter options: the types and years present in the scope, before the type and year filters. */
  types: SourceType[];
  years: number[];
  /** Sources in the scope before the type and year filters. */
  total: number;
}

/**
 * Sources, scoped to a document or the corpus, filtered and sorted, all of them or one page (`page`); null
 * when `doc` names no document. Ordering reads only what it sorts by (title or the words an untitled work
 * is cited by, date, type, citations in scope) for every source in scope, grouped in SQL; a title's order
 * is a pinyin collator's (sourceOrder), which PostgreSQL's collations do not reproduce, so the sort is
 * done here over those keys. The whole record and where each is cited are read for the sources shown only.
 */
export async function listSources(
  query: SourceListQuery,
  db: Database = getDatabase(),
  { page }: { page?: { page: number; pageSize: number } } = {},
): Promise<SourceList | null> {
  let document: SourceList["document"] = null;
  if (query.doc) {
    document = await db.document.findUnique({ where: { slug: query.doc }, select: { slug: true, title: true } });
    if (!document) return null;
  }
  const doc = query.doc ?? null;
  // Citations in scope; an untitled work's words (all of its citations', in any scope: citedAs).
  const keys = await db.$queryRaw<{ key: string; title: string | null; type: string; date: string | null; timesCited: number; raws: string[] | null }[]>`
    select s.key, s.title, s.type, s.date,
      count(c.id) filter (where ${doc}::text is null or d.slug = ${doc})::int as "timesCited",
      case when s.title is null then array_agg(c.raw) filter (where c.id is not null) end as raws
    from "Source" s left join "Citation" c on c."sourceId" = s.id left join "Document" d on d.id = c."documentId"
    group by s.id
    having ${doc}::text is null or coalesce(bool_or(d.slug = ${doc}), false)`;
  const scoped = keys.map((row) => {
    const details = toSourceDetails({ ...sourceRowOf(row), citations: (row.raws ?? []).map((raw) => ({ raw })) });
    return { key: row.key, title: row.title, citedAs: details.citedAs, date: row.date, type: details.type, timesCited: row.timesCited, year: yearOf(row.date) };
  });
  const types = SOURCE_TYPES.filter((type) => scoped.some((source) => source.type === type));
  const years = [...new Set(scoped.map((source) => source.year).filter((year): year is number => year !== null))].sort((a, b) => a - b);
  const kept = scoped
    .filter((source) => (query.type ? source.type === query.type : true))
    .filter((source) => (query.year !== undefined ? source.year === query.year : true))
    .sort(sourceOrder(query.sort, query.dir));
  const shown = page ? pageOf(kept, page.page, page.pageSize) : kept;

  const rows = await db.source.findMany({
    where: { key: { in: shown.map((source) => source.key) } },
    select: { ...sourceRowSelect, citations: { select: { raw: true, document: { select: { slug: true, title: true } } } } },
  });
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const sources = shown.flatMap((source) => {
    const row = byKey.get(source.key);
    if (!row) return [];
    const { citations, ...columns } = row;
    const citedIn = new Map<string, CitedIn>();
    for (const { document: d } of citations) {
      const entry = citedIn.get(d.slug) ?? { slug: d.slug, title: d.title, citations: 0 };
      entry.citations += 1;
      citedIn.set(d.slug, entry);
    }
    const details = toSourceDetails({ ...columns, citations });
    return [
      {
        ...details,
        year: yearOf(details.date),
        timesCited: source.timesCited,
        citedIn: [...citedIn.values()].sort((a, b) => a.slug.localeCompare(b.slug)),
      } satisfies SourceListItem,
    ];
  });
  return { document, sources, matching: kept.length, types, years, total: scoped.length };
}

/** The columns toSourceDetails reads for ordering (type, and citedAs from the citations' words); the rest empty. */
function sourceRowOf(row: { key: string; title: string | null; type: string; date: string | null }) {
  return { key: row.key, title: row.title, type: row.type, date: row.date, authors: [], container: null, urls: [], confidence: 0, evidence: null };
}
