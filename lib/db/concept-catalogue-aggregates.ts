import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { corpusVersion } from "./list-catalogue";
import { getDatabase, type Database } from "./prisma-client";

/**
 * The concept index by year and by journal: for each concept, how many essays of each year (each journal)
 * mention it, each count a way into the catalogue narrowed to those essays. Counted over distinct
 * (essay, concept) pairs in PostgreSQL; unlike a column per section of every essay, it stays as wide as
 * the corpus has years and journals.
 */

export interface ConceptAggregateRow {
  id: string;
  labelZh: string;
  labelEn: string;
  /** Essays mentioning the concept, in all. */
  documents: number;
  /** Essays mentioning it, per column value (a year, a journal); absent when none. */
  byValue: Record<string, number>;
}

export interface ConceptAggregates {
  /** The columns: years newest first, journals by how many essays they hold. */
  values: { value: string; documents: number }[];
  rows: ConceptAggregateRow[];
}

/** Journals shown as columns, the largest first: a table a desktop shows whole; the rest are in the catalogue's facet. */
export const JOURNAL_COLUMNS = 8;
/** Years shown as columns, newest first: a dozen years of publication, a table a desktop shows whole. */
export const YEAR_COLUMNS = 12;

interface PairRow {
  conceptId: string;
  value: string;
  documents: bigint;
}

const memo = new WeakMap<Database, Map<string, ConceptAggregates>>();

/** Concepts (dictionary order, those mentioned at all) by the year or the journal of the essays mentioning them. */
export async function listConceptAggregates(by: "year" | "journal", db: Database = getDatabase()): Promise<ConceptAggregates> {
  // Counted once per corpus version, as the catalogue's facets are (see list-catalogue.ts).
  const key = `${by} ${await corpusVersion(db)}`;
  let known = memo.get(db);
  if (!known) memo.set(db, (known = new Map()));
  const cached = known.get(key);
  if (cached) return cached;
  const aggregates = await countConceptAggregates(by, db);
  // One entry per view: a new version replaces the old.
  for (const stale of [...known.keys()].filter((k) => k.startsWith(`${by} `))) known.delete(stale);
  known.set(key, aggregates);
  return aggregates;
}

async function countConceptAggregates(by: "year" | "journal", db: Database): Promise<ConceptAggregates> {
  // The column and its order are one of two fixed pieces of SQL, chosen here, never taken from input.
  const column = Prisma.raw(by === "year" ? "substring(d.date from '^[0-9]{4}')" : "d.journal");
  const order = Prisma.raw(by === "year" ? "value desc" : "documents desc, value");
  const limit = by === "year" ? YEAR_COLUMNS : JOURNAL_COLUMNS;
  // Documents per concept from the counts stored at load (a row per document and concept or item), not every mention.
  const [values, pairs, totals, concepts] = await Promise.all([
    db.$queryRaw<{ value: string; documents: bigint }[]>`
      select ${column} as value, count(*) as documents from "Document" d where ${column} is not null group by 1 order by ${order} limit ${limit}`,
    db.$queryRaw<PairRow[]>`
      select p."conceptId", ${column} as value, count(*) as documents
      from (select distinct k."documentId", k."conceptId" from "ConceptDocumentCount" k) p join "Document" d on d.id = p."documentId"
      where ${column} is not null group by 1, 2`,
    db.$queryRaw<{ conceptId: string; documents: bigint }[]>`
      select k."conceptId", count(distinct k."documentId") as documents from "ConceptDocumentCount" k group by 1`,
    db.concept.findMany({ orderBy: { ordinal: "asc" }, select: { id: true, labelZh: true, labelEn: true } }),
  ]);
  const shown = new Set(values.map((v) => v.value));
  const byConcept = new Map<string, Record<string, number>>();
  for (const pair of pairs) {
    if (!shown.has(pair.value)) continue;
    const row = byConcept.get(pair.conceptId) ?? {};
    row[pair.value] = Number(pair.documents);
    byConcept.set(pair.conceptId, row);
  }
  const total = new Map(totals.map((t) => [t.conceptId, Number(t.documents)]));
  return {
    values: values.map((v) => ({ value: v.value, documents: Number(v.documents) })),
    rows: concepts
      .filter((concept) => (total.get(concept.id) ?? 0) > 0)
      .map((concept) => ({ ...concept, documents: total.get(concept.id)!, byValue: byConcept.get(concept.id) ?? {} })),
  };
}
