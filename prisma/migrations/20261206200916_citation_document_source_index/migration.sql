-- CreateIndex
CREATE INDEX "Citation_documentId_sourceId_idx" ON "Citation"("documentId", "sourceId");
