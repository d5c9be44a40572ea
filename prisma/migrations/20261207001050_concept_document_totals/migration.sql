-- AlterTable
ALTER TABLE "Concept" ADD COLUMN     "documents" INTEGER NOT NULL DEFAULT 0;

-- Filled from the rows already stored, so that a database migrated in place reads what a load would write
-- (update-concept-document-totals.ts counts the same).
UPDATE "Concept" c SET "documents" = k.n
FROM (SELECT "conceptId", count(DISTINCT "documentId")::int AS n FROM "ConceptDocumentCount" GROUP BY "conceptId") k
WHERE k."conceptId" = c.id;
