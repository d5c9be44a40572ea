import "server-only";
import { z } from "zod";
import { SOURCE_TYPES, type SourceType } from "@/lib/citations/group-sources";
import { SOURCE_SORTS, sourceOrder } from "@/lib/citations/order-sources";
import { slugParam } from "@/lib/urls/route-params";
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
  sources: SourceListItem[];
  /** Filter options: the types and years present in the scope, before the type and year filters. */
  types: SourceType[];
  years: number[];
  /** Sources in the scope before the type and year filters. */
  total: number;
}

/** Sources, scoped to a document or the corpus, filtered and sorted; null when `doc` names no document. */
export async function listSources(query: SourceListQuery, db: Database = getDatabase()): Promise<SourceList | null> {
  let document: SourceList["document"] = null;
  if (query.doc) {
    document = await db.document.findUnique({ where: { slug: query.doc }, select: { slug: true, title: true } });
    if (!document) return null;
  }
  const rows = await db.source.findMany({
    where: query.doc ? { citations: { some: { document: { slug: query.doc } } } } : {},
    select: { ...sourceRowSelect, citations: { select: { raw: true, document: { select: { slug: true, title: true } } } } },
  });

  const scoped = rows.map(({ citations, ...row }) => {
    const citedIn = new Map<string, CitedIn>();
    for (const { document: d } of citations) {
      const entry = citedIn.get(d.slug) ?? { slug: d.slug, title: d.title, citations: 0 };
      entry.citations += 1;
      citedIn.set(d.slug, entry);
    }
    const details = toSourceDetails(row);
    return {
      ...details,
      year: yearOf(details.date),
      timesCited: query.doc ? (citedIn.get(query.doc)?.citations ?? 0) : citations.length,
      citedIn: [...citedIn.values()].sort((a, b) => a.slug.localeCompare(b.slug)),
    } satisfies SourceListItem;
  });

  const types = SOURCE_TYPES.filter((type) => scoped.some((source) => source.type === type));
  const years = [...new Set(scoped.map((source) => source.year).filter((year): year is number => year !== null))].sort((a, b) => a - b);
  const sources = scoped
    .filter((source) => (query.type ? source.type === query.type : true))
    .filter((source) => (query.year !== undefined ? source.year === query.year : true))
    .sort(sourceOrder(query.sort, query.dir));
  return { document, sources, types, years, total: scoped.length };
}
