-- AlterTable
ALTER TABLE "PassageFingerprint" ADD COLUMN     "text" TEXT NOT NULL DEFAULT '';

-- Filled from the rows already stored, as a load writes it (writePassageIndex in lib/db/update-passage-index.ts):
-- the text of the heading, paragraph or note the row indexes, found by its document, kind and anchor.
UPDATE "PassageFingerprint" p SET "text" = b.text
FROM (
  SELECT 'heading'::"BlockKind" AS kind, h."documentId", h.anchor, h.text FROM "Heading" h
  UNION ALL
  SELECT 'paragraph'::"BlockKind", pa."documentId", pa.anchor, pa.text FROM "Paragraph" pa
  UNION ALL
  SELECT 'footnote'::"BlockKind", f."documentId", f.anchor, f.text FROM "Footnote" f
) b
WHERE p."documentId" = b."documentId" AND p."blockKind" = b.kind AND p."blockAnchor" = b.anchor;

-- Every row filled: the column has no default, as the schema says (a load always writes it).
ALTER TABLE "PassageFingerprint" ALTER COLUMN "text" DROP DEFAULT;
