-- AlterTable
ALTER TABLE "Heading" ADD COLUMN     "pageBreaks" JSONB;

-- AlterTable
ALTER TABLE "Paragraph" ADD COLUMN     "pageBreaks" JSONB;

-- AlterTable
ALTER TABLE "Footnote" ADD COLUMN     "pageBreaks" JSONB;
