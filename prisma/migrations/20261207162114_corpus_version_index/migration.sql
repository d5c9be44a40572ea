-- CreateIndex
CREATE INDEX "Document_ingestedAt_idx" ON "Document"("ingestedAt");
