import type { Database } from "@/lib/db/prisma-client";

/**
 * The counts a load stores for the pages (ConceptDocumentCount, Source.documents, Concept.documents), counted afresh from the
 * mentions and citations stored: for fixtures that write those rows by hand rather than through the load.
 * The same statements as the migration that added them (…_concept_document_counts, …_concept_document_totals).
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
  ]);
}
