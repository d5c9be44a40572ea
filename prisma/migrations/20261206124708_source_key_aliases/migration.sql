-- CreateTable
CREATE TABLE "SourceKeyAlias" (
    "key" TEXT NOT NULL,
    "sourceKey" TEXT NOT NULL,

    CONSTRAINT "SourceKeyAlias_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "SourceKeyAlias_sourceKey_idx" ON "SourceKeyAlias"("sourceKey");
