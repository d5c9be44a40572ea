-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "documents" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ConceptDocumentCount" (
    "id" TEXT NOT NULL,
    "conceptId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "memberOf" TEXT,
    "mentions" INTEGER NOT NULL,
    "mentionsInNotes" INTEGER NOT NULL,

    CONSTRAINT "ConceptDocumentCount_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConceptDocumentCount_conceptId_documentId_idx" ON "ConceptDocumentCount"("conceptId", "documentId");

-- CreateIndex
CREATE INDEX "ConceptDocumentCount_documentId_idx" ON "ConceptDocumentCount"("documentId");

-- CreateIndex
CREATE INDEX "Source_documents_key_idx" ON "Source"("documents" DESC, "key");

-- AddForeignKey
ALTER TABLE "ConceptDocumentCount" ADD CONSTRAINT "ConceptDocumentCount_conceptId_fkey" FOREIGN KEY ("conceptId") REFERENCES "Concept"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConceptDocumentCount" ADD CONSTRAINT "ConceptDocumentCount_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Filled from the rows already stored, so that a database migrated in place reads what a load would write
-- (count-concept-mentions.ts and count-citing-documents.ts count the same).
INSERT INTO "ConceptDocumentCount" ("id", "conceptId", "documentId", "memberOf", "mentions", "mentionsInNotes")
SELECT gen_random_uuid()::text, m."conceptId", m."documentId", m."memberOf", count(*)::int, (count(*) FILTER (WHERE m."blockKind" = 'footnote'))::int
FROM "ConceptMention" m
GROUP BY m."conceptId", m."documentId", m."memberOf";

UPDATE "Source" s SET "documents" = c.n
FROM (SELECT "sourceId", count(DISTINCT "documentId")::int AS n FROM "Citation" WHERE "sourceId" IS NOT NULL GROUP BY "sourceId") c
WHERE c."sourceId" = s.id;
