-- CreateTable
CREATE TABLE "PassageFingerprint" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "blockKind" "BlockKind" NOT NULL,
    "blockAnchor" TEXT NOT NULL,
    "fingerprints" INTEGER[],

    CONSTRAINT "PassageFingerprint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CitationMatchKey" (
    "key" TEXT NOT NULL,
    "citationId" TEXT NOT NULL,

    CONSTRAINT "CitationMatchKey_pkey" PRIMARY KEY ("key","citationId")
);

-- CreateIndex
CREATE INDEX "PassageFingerprint_documentId_idx" ON "PassageFingerprint"("documentId");

-- CreateIndex
CREATE INDEX "PassageFingerprint_fingerprints_idx" ON "PassageFingerprint" USING GIN ("fingerprints");

-- CreateIndex
CREATE INDEX "CitationMatchKey_citationId_idx" ON "CitationMatchKey"("citationId");

-- CreateIndex
CREATE INDEX "PassageLink_rightDocumentId_idx" ON "PassageLink"("rightDocumentId");

-- AddForeignKey
ALTER TABLE "PassageFingerprint" ADD CONSTRAINT "PassageFingerprint_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CitationMatchKey" ADD CONSTRAINT "CitationMatchKey_citationId_fkey" FOREIGN KEY ("citationId") REFERENCES "Citation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
