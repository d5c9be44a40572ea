-- DropForeignKey
ALTER TABLE "PassageLink" DROP CONSTRAINT "PassageLink_leftDocumentId_fkey";

-- DropForeignKey
ALTER TABLE "PassageLink" DROP CONSTRAINT "PassageLink_rightDocumentId_fkey";

-- DropTable
DROP TABLE "PassageLink";

-- DropEnum
DROP TYPE "LinkKind";
