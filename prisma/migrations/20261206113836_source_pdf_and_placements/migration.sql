-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "sourcePdfSha256" TEXT;

-- AlterTable
ALTER TABLE "Heading" ADD COLUMN     "placement" JSONB;

-- AlterTable
ALTER TABLE "Paragraph" ADD COLUMN     "placement" JSONB;

-- AlterTable
ALTER TABLE "Footnote" ADD COLUMN     "placement" JSONB;

-- CreateTable
CREATE TABLE "SourcePdf" (
    "sha256" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "byteCount" INTEGER NOT NULL,
    "pageCount" INTEGER NOT NULL,
    "pageSizes" JSONB NOT NULL,
    "storedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SourcePdf_pkey" PRIMARY KEY ("sha256")
);

-- CreateIndex
CREATE INDEX "Document_sourcePdfSha256_idx" ON "Document"("sourcePdfSha256");

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_sourcePdfSha256_fkey" FOREIGN KEY ("sourcePdfSha256") REFERENCES "SourcePdf"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;
