-- The catalogue order (newest first, then by slug): the home page reads its page of documents from the first entries.
-- CreateIndex
CREATE INDEX "Document_date_slug_idx" ON "Document"("date" DESC, "slug");
