-- CreateEnum
CREATE TYPE "AttachmentHow" AS ENUM ('label', 'list', 'order', 'wording', 'ibid', 'correction');

-- AlterEnum
ALTER TYPE "FootnoteStatus" ADD VALUE 'unlocated';

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "corrections" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "correctionsSha256" TEXT;

-- AlterTable
ALTER TABLE "Heading" ADD COLUMN     "correction" TEXT;

-- AlterTable
ALTER TABLE "Paragraph" ADD COLUMN     "correction" TEXT;

-- AlterTable
ALTER TABLE "Footnote" ADD COLUMN     "attachmentConfidence" DOUBLE PRECISION,
ADD COLUMN     "attachmentEvidence" TEXT,
ADD COLUMN     "attachmentHow" "AttachmentHow",
ADD COLUMN     "attachmentUncertain" BOOLEAN,
ADD COLUMN     "correction" TEXT;
