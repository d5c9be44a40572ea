-- AlterTable
ALTER TABLE "Source" ALTER COLUMN "title" DROP NOT NULL;
