-- AlterTable
ALTER TABLE "PassageFingerprint" ADD COLUMN     "parallelDocuments" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "parallelPlaces" INTEGER NOT NULL DEFAULT 0;
