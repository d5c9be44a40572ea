-- AlterTable
ALTER TABLE "PassageFingerprint" ADD COLUMN     "citedNotes" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- Filled from the rows already stored, as a load fills a document's rows (storeCitedNotes in
-- lib/db/store-cited-notes.ts, the same statement for one document): the notes each block's markers call,
-- and each note itself, by id, ascending.
UPDATE "PassageFingerprint" p SET "citedNotes" = cited.notes
FROM (
  SELECT b."documentId", b."blockAnchor", array_agg(DISTINCT b.note ORDER BY b.note) AS notes
  FROM (
    SELECT m."documentId", m."blockAnchor", m."footnoteId" AS note FROM "FootnoteMarker" m
    UNION ALL
    SELECT f."documentId", f.anchor, f.id FROM "Footnote" f
  ) b
  GROUP BY b."documentId", b."blockAnchor"
) cited
WHERE p."documentId" = cited."documentId" AND p."blockAnchor" = cited."blockAnchor";
