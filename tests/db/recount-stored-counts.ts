import type { Database } from "@/lib/db/prisma-client";

/**
 * The counts a load stores for the pages (ConceptDocumentCount, Source.documents, Concept.documents, CatalogueFacetCount), counted afresh from the
 * mentions and citations stored: for fixtures that write those rows by hand rather than through the load.
 * The same statements as the migrations that added them (…_concept_document_counts, …_concept_document_totals, …_catalogue_facet_counts).
 */
export async function recountStoredCounts(db: Database): Promise<void> {
  await db.$transaction([
    db.$executeRaw`delete from "ConceptDocumentCount"`,
    db.$executeRaw`
      insert into "ConceptDocumentCount" ("id", "conceptId", "documentId", "memberOf", "mentions", "mentionsInNotes")
      select gen_random_uuid()::text, m."conceptId", m."documentId", m."memberOf", count(*)::int, (count(*) filter (where m."blockKind" = 'footnote'))::int
      from "ConceptMention" m group by m."conceptId", m."documentId", m."memberOf"`,
    db.$executeRaw`
      update "Source" s set "documents" = (select count(distinct c."documentId")::int from "Citation" c where c."sourceId" = s.id)`,
    db.$executeRaw`
      update "Concept" c set "documents" = (select count(distinct k."documentId")::int from "ConceptDocumentCount" k where k."conceptId" = c.id)`,
    db.$executeRaw`delete from "CatalogueFacetCount"`,
    db.$executeRaw`
      insert into "CatalogueFacetCount" ("facet", "value", "documents")
      select 'journal', d.journal, count(*)::int from "Document" d where d.journal is not null group by d.journal
      union all
      select 'year', y.year, count(*)::int from (select substring(d.date from '^[0-9]{4}') as year from "Document" d) y where y.year is not null group by y.year
      union all
      select 'author', a.author, count(distinct a.id)::int from (select d.id, unnest(d.authors) as author from "Document" d) a group by a.author`,
  ]);
}
