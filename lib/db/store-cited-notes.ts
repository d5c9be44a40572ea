import "server-only";
import type { DatabaseTransaction } from "./prisma-client";

/**
 * Each passage-index row of a document gets the notes its block cites (PassageFingerprint.citedNotes, by
 * Footnote id, ascending): the notes its markers call (a heading or paragraph), or the note itself. Run by
 * the load right after the rows are written (writePassageIndex), when the document's notes and markers are
 * in place; the migration that added the column fills it with the same statement for every document.
 *
 * Why stored: the parallels view groups a block's places by the work both cite, and it looked up each
 * place's markers, notes and their citations one place at a time (443 places for a popular quotation at
 * 1,003 essays, four index lookups each). Read with each candidate's row instead, the works are one join
 * against the citations of the block's own works. It depends on the document's own rows alone (its notes
 * and markers, not which work a citation belongs to, which another document's load may regroup), so no
 * other load changes it.
 */
export async function storeCitedNotes(tx: DatabaseTransaction, documentId: string): Promise<void> {
  await tx.$executeRaw`
    update "PassageFingerprint" p set "citedNotes" = cited.notes
    from (
      select b."documentId", b."blockAnchor", array_agg(distinct b.note order by b.note) as notes
      from (
        select m."documentId", m."blockAnchor", m."footnoteId" as note from "FootnoteMarker" m where m."documentId" = ${documentId}
        union all
        select f."documentId", f.anchor, f.id from "Footnote" f where f."documentId" = ${documentId}
      ) b
      group by b."documentId", b."blockAnchor"
    ) cited
    where p."documentId" = ${documentId} and p."documentId" = cited."documentId" and p."blockAnchor" = cited."blockAnchor"`;
}
