-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "firstSectionLine" INTEGER,
ADD COLUMN     "hasFrontSection" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "lastLine" INTEGER NOT NULL DEFAULT 1;

-- Filled from the rows already stored, so that a database migrated in place reads what a load would write
-- (sectionBounds in lib/db/read-document-sections.ts works out the same from a document's blocks).
UPDATE "Document" d SET
  "lastLine" = greatest(1,
    (SELECT max("lineTo") FROM "Heading" WHERE "documentId" = d.id),
    (SELECT max("lineTo") FROM "Paragraph" WHERE "documentId" = d.id),
    (SELECT max("lineTo") FROM "Footnote" WHERE "documentId" = d.id)),
  "firstSectionLine" = (SELECT min("lineFrom") FROM "Heading" WHERE "documentId" = d.id AND level = 1);

UPDATE "Document" d SET "hasFrontSection" = d."firstSectionLine" IS NULL
  OR EXISTS (SELECT 1 FROM "Paragraph" WHERE "documentId" = d.id AND "lineFrom" < d."firstSectionLine")
  OR EXISTS (SELECT 1 FROM "Heading" WHERE "documentId" = d.id AND "lineFrom" < d."firstSectionLine");
