-- CreateTable
CREATE TABLE "CatalogueFacetCount" (
    "facet" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "documents" INTEGER NOT NULL,

    CONSTRAINT "CatalogueFacetCount_pkey" PRIMARY KEY ("facet","value")
);

-- CreateIndex
CREATE INDEX "CatalogueFacetCount_facet_documents_value_idx" ON "CatalogueFacetCount"("facet", "documents" DESC, "value");

-- Filled from the documents already stored, as the loads would have counted them (catalogueFacetValues in
-- lib/derivations/catalogue-facet-deltas.ts): each journal, each year (a date's four leading digits), each author once per document.
INSERT INTO "CatalogueFacetCount" ("facet", "value", "documents")
SELECT 'journal', d.journal, count(*)::int FROM "Document" d WHERE d.journal IS NOT NULL GROUP BY d.journal
UNION ALL
SELECT 'year', y.year, count(*)::int FROM (SELECT substring(d.date from '^[0-9]{4}') AS year FROM "Document" d) y WHERE y.year IS NOT NULL GROUP BY y.year
UNION ALL
SELECT 'author', a.author, count(DISTINCT a.id)::int FROM (SELECT d.id, unnest(d.authors) AS author FROM "Document" d) a GROUP BY a.author;
