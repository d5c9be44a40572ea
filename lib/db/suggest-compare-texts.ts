import "server-only";
import { getDatabase, type Database } from "./prisma-client";

/**
 * The texts to read beside a document: those sharing the most with it, by the works they both cite
 * (Citation.sourceId) and the concepts they both mention (ConceptMention). Read from those rows directly,
 * not from the stored passage links, so that it stands whatever becomes of how links are stored.
 *
 * Each shared work or concept counts by how rare it is in the corpus, as an inverse document frequency,
 * ln(1 + N / df): a white paper cited by three essays says more about two of them than a concept every
 * essay mentions. The 1 + keeps every shared thing worth something in a corpus of two.
 */

export interface CompareSuggestion {
  slug: string;
  title: string;
  date: string | null;
  /** Distinct works both cite. */
  sharedSources: number;
  /** Distinct concepts both mention. */
  sharedConcepts: number;
  score: number;
}

/** Suggestions offered beside "Compare with…": a short list read at a glance, the type-ahead reaches the rest. */
export const COMPARE_SUGGESTIONS = 5;

interface SuggestionRow {
  slug: string;
  title: string;
  date: string | null;
  shared_sources: bigint | null;
  shared_concepts: bigint | null;
  score: number;
}

/** The documents sharing most with `slug`, best first; empty when it shares nothing or does not exist. */
export async function suggestCompareTexts(slug: string, limit: number = COMPARE_SUGGESTIONS, db: Database = getDatabase()): Promise<CompareSuggestion[]> {
  const rows = await db.$queryRaw<SuggestionRow[]>`
    with me as (select id from "Document" where slug = ${slug}),
    corpus as (select count(*)::float8 as n from "Document"),
    my_sources as (select distinct c."sourceId" as id from "Citation" c where c."documentId" = (select id from me) and c."sourceId" is not null),
    -- Each (document, work) once, over every document citing one of mine: its document frequency and its pairs in one pass.
    source_pairs as (select distinct c."documentId" as doc, c."sourceId" as id from "Citation" c where c."sourceId" in (select id from my_sources)),
    source_df as (select id, count(*)::float8 as df from source_pairs group by id),
    by_source as (
      select p.doc, count(*) as shared, sum(ln(1 + corpus.n / df.df)) as weight
      from source_pairs p join source_df df on df.id = p.id cross join corpus
      where p.doc <> (select id from me) group by p.doc
    ),
    my_concepts as (select distinct m."conceptId" as id from "ConceptMention" m where m."documentId" = (select id from me)),
    concept_pairs as (select distinct m."documentId" as doc, m."conceptId" as id from "ConceptMention" m where m."conceptId" in (select id from my_concepts)),
    concept_df as (select id, count(*)::float8 as df from concept_pairs group by id),
    by_concept as (
      select p.doc, count(*) as shared, sum(ln(1 + corpus.n / df.df)) as weight
      from concept_pairs p join concept_df df on df.id = p.id cross join corpus
      where p.doc <> (select id from me) group by p.doc
    )
    select d.slug, d.title, d.date, s.shared as shared_sources, k.shared as shared_concepts,
      (coalesce(s.weight, 0) + coalesce(k.weight, 0))::float8 as score
    from (select doc from by_source union select doc from by_concept) docs
    join "Document" d on d.id = docs.doc
    left join by_source s on s.doc = docs.doc
    left join by_concept k on k.doc = docs.doc
    order by score desc, d.date desc nulls last, d.slug
    limit ${limit}`;
  return rows.map((row) => ({
    slug: row.slug,
    title: row.title,
    date: row.date,
    sharedSources: Number(row.shared_sources ?? 0),
    sharedConcepts: Number(row.shared_concepts ?? 0),
    score: row.score,
  }));
}
