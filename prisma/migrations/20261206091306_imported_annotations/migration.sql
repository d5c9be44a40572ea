-- CreateEnum
CREATE TYPE "ImportedAnnotationStatus" AS ENUM ('anchored', 'orphaned', 'document');

-- CreateTable
CREATE TABLE "ImportedAnnotation" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "targetSource" TEXT NOT NULL,
    "selectors" JSONB NOT NULL,
    "bodyText" TEXT,
    "tags" TEXT[],
    "creator" TEXT,
    "created" TEXT,
    "status" "ImportedAnnotationStatus" NOT NULL,
    "reason" TEXT,
    "startAnchor" TEXT,
    "startOffset" INTEGER,
    "endAnchor" TEXT,
    "endOffset" INTEGER,
    "anchoredText" TEXT,
    "similarity" DOUBLE PRECISION,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportedAnnotation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ImportedAnnotation_documentId_externalId_key" ON "ImportedAnnotation"("documentId", "externalId");

-- AddForeignKey
ALTER TABLE "ImportedAnnotation" ADD CONSTRAINT "ImportedAnnotation_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;
