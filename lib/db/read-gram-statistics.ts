import "server-only";
import type { GramStatistics } from "@/lib/search/plan-leading-scan";
import { getDatabase, type Database } from "./prisma-client";

/**
 * How long statistics read once are used. They change only when PostgreSQL analyses the table
 * (autovacuum, after many rows change); stale ones can only make a search slower, never different.
 */
const STATISTICS_TTL_MS = 60_000;

const cache = new WeakMap<Database, { readAt: number; statistics: Promise<GramStatistics | null> }>();

interface StatisticsRow {
  grams: string[] | null;
  freqs: number[] | null;
  rows: number;
  pages: number;
}

/**
 * The frequencies of the most common grams of the search index, as ANALYZE sampled them (null before
 * the table was first analysed), read at most once a minute per client.
 */
export function readGramStatistics(db: Database = getDatabase()): Promise<GramStatistics | null> {
  const cached = cache.get(db);
  if (cached && Date.now() - cached.readAt < STATISTICS_TTL_MS) return cached.statistics;
  // Without statistics every search uses the index: slower for frequent terms, never wrong.
  const statistics = queryGramStatistics(db).catch(() => null);
  cache.set(db, { readAt: Date.now(), statistics });
  return statistics;
}

async function queryGramStatistics(db: Database): Promise<GramStatistics | null> {
  // The statistics of an expression index are filed under the index's name.
  const rows = await db.$queryRawUnsafe<StatisticsRow[]>(`
    select s.most_common_elems::text::text[] as grams, s.most_common_elem_freqs::float8[] as freqs,
           c.reltuples::float8 as rows, c.relpages::float8 as pages
    from pg_class c
    left join pg_stats s on s.schemaname = current_schema() and s.tablename = 'SearchBlock_grams_idx'
    where c.oid = '"SearchBlock"'::regclass`);
  const row = rows[0];
  if (!row?.grams || !row.freqs || row.rows <= 0 || row.pages <= 0) return null;
  // most_common_elem_freqs ends with three summary numbers after one frequency per element.
  const frequency = new Map(row.grams.map((gram, index) => [gram, row.freqs![index]!]));
  return { frequency, rows: row.rows, pages: row.pages };
}
