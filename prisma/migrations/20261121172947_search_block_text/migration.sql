-- Search reads `folded` (and the keys it ranks and filters by) for up to 1,000 matching blocks per
-- query, but the display text and its offsets only for the 20 hits of a page: keep the display columns
-- in a table of their own so the searched rows are narrow and many share a page (docs/search.md).
-- Hand-edited: the generated migration dropped the columns without keeping their data.

-- CreateTable
CREATE TABLE "SearchBlockText" (
    "blockId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "offsets" INTEGER[],

    CONSTRAINT "SearchBlockText_pkey" PRIMARY KEY ("blockId")
);

INSERT INTO "SearchBlockText" ("blockId", "text", "offsets")
SELECT "id", "text", "offsets" FROM "SearchBlock";

-- AlterTable
ALTER TABLE "SearchBlock" DROP COLUMN "offsets",
DROP COLUMN "text";

-- AddForeignKey
ALTER TABLE "SearchBlockText" ADD CONSTRAINT "SearchBlockText_blockId_fkey" FOREIGN KEY ("blockId") REFERENCES "SearchBlock"("id") ON DELETE CASCADE ON UPDATE CASCADE;
