-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "FootnoteStatus" AS ENUM ('present', 'missing', 'truncated');

-- CreateEnum
CREATE TYPE "BlockKind" AS ENUM ('heading', 'paragraph', 'footnote');

-- CreateEnum
CREATE TYPE "LinkKind" AS ENUM ('shared_source', 'shared_passage', 'concept_overlap');

-- CreateEnum
CREATE TYPE "AliasStatus" AS ENUM ('moved', 'orphaned');

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "sourceFile" TEXT NOT NULL,
    "sourceSha256" TEXT NOT NULL,
    "parserVersion" TEXT NOT NULL,
    "manifest" JSONB NOT NULL,
    "title" TEXT NOT NULL,
    "titleEn" TEXT,
    "authors" TEXT[],
    "journal" TEXT,
    "issue" TEXT,
    "date" TEXT,
    "abstract" TEXT,
    "pageCount" INTEGER NOT NULL,
    "debris" JSONB NOT NULL,
    "fragments" JSONB NOT NULL,
    "warnings" JSONB NOT NULL,
    "ingestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Heading" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "anchor" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "level" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "lineFrom" INTEGER NOT NULL,
    "lineTo" INTEGER NOT NULL,

    CONSTRAINT "Heading_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Paragraph" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "anchor" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "headingAnchor" TEXT,
    "text" TEXT NOT NULL,
    "lineFrom" INTEGER NOT NULL,
    "lineTo" INTEGER NOT NULL,

    CONSTRAINT "Paragraph_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Footnote" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "anchor" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "page" INTEGER NOT NULL,
    "status" "FootnoteStatus" NOT NULL,
    "text" TEXT NOT NULL,
    "lineFrom" INTEGER NOT NULL,
    "lineTo" INTEGER NOT NULL,

    CONSTRAINT "Footnote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FootnoteMarker" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "footnoteId" TEXT NOT NULL,
    "blockKind" "BlockKind" NOT NULL,
    "blockAnchor" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "offset" INTEGER NOT NULL,

    CONSTRAINT "FootnoteMarker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Citation" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "footnoteId" TEXT NOT NULL,
    "anchor" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "raw" TEXT NOT NULL,
    "authors" TEXT[],
    "title" TEXT,
    "container" TEXT,
    "date" TEXT,
    "pages" TEXT,
    "url" TEXT,
    "repeatsAnchor" TEXT,
    "sourceId" TEXT,
    "lineFrom" INTEGER NOT NULL,
    "lineTo" INTEGER NOT NULL,

    CONSTRAINT "Citation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "authors" TEXT[],
    "type" TEXT NOT NULL,
    "date" TEXT,
    "container" TEXT,
    "urls" TEXT[],
    "confidence" DOUBLE PRECISION NOT NULL,
    "evidence" JSONB NOT NULL,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Concept" (
    "id" TEXT NOT NULL,
    "labelZh" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "variants" TEXT[],
    "definitionZh" TEXT NOT NULL,
    "definitionEn" TEXT NOT NULL,
    "definitionSource" JSONB NOT NULL,
    "broader" TEXT[],
    "narrower" TEXT[],
    "related" TEXT[],
    "members" JSONB NOT NULL,
    "ordinal" INTEGER NOT NULL,

    CONSTRAINT "Concept_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConceptMention" (
    "id" TEXT NOT NULL,
    "conceptId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "blockKind" "BlockKind" NOT NULL,
    "blockAnchor" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "variant" TEXT NOT NULL,
    "memberOf" TEXT,

    CONSTRAINT "ConceptMention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PassageLink" (
    "id" TEXT NOT NULL,
    "kind" "LinkKind" NOT NULL,
    "leftDocumentId" TEXT NOT NULL,
    "leftKind" "BlockKind" NOT NULL,
    "leftAnchor" TEXT NOT NULL,
    "leftStart" INTEGER,
    "leftEnd" INTEGER,
    "rightDocumentId" TEXT NOT NULL,
    "rightKind" "BlockKind" NOT NULL,
    "rightAnchor" TEXT NOT NULL,
    "rightStart" INTEGER,
    "rightEnd" INTEGER,
    "confidence" DOUBLE PRECISION NOT NULL,
    "evidence" JSONB NOT NULL,

    CONSTRAINT "PassageLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnchorAlias" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "anchor" TEXT NOT NULL,
    "blockKind" "BlockKind" NOT NULL,
    "status" "AliasStatus" NOT NULL,
    "targetAnchor" TEXT,
    "targetOffset" INTEGER,
    "quote" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnchorAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchBlock" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "blockKind" "BlockKind" NOT NULL,
    "blockAnchor" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "folded" TEXT NOT NULL,
    "offsets" INTEGER[],

    CONSTRAINT "SearchBlock_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Document_slug_key" ON "Document"("slug");

-- CreateIndex
CREATE INDEX "Heading_documentId_ordinal_idx" ON "Heading"("documentId", "ordinal");

-- CreateIndex
CREATE UNIQUE INDEX "Heading_documentId_anchor_key" ON "Heading"("documentId", "anchor");

-- CreateIndex
CREATE INDEX "Paragraph_documentId_ordinal_idx" ON "Paragraph"("documentId", "ordinal");

-- CreateIndex
CREATE UNIQUE INDEX "Paragraph_documentId_anchor_key" ON "Paragraph"("documentId", "anchor");

-- CreateIndex
CREATE INDEX "Footnote_documentId_ordinal_idx" ON "Footnote"("documentId", "ordinal");

-- CreateIndex
CREATE UNIQUE INDEX "Footnote_documentId_anchor_key" ON "Footnote"("documentId", "anchor");

-- CreateIndex
CREATE INDEX "FootnoteMarker_documentId_blockAnchor_idx" ON "FootnoteMarker"("documentId", "blockAnchor");

-- CreateIndex
CREATE INDEX "FootnoteMarker_footnoteId_idx" ON "FootnoteMarker"("footnoteId");

-- CreateIndex
CREATE INDEX "Citation_sourceId_idx" ON "Citation"("sourceId");

-- CreateIndex
CREATE INDEX "Citation_footnoteId_idx" ON "Citation"("footnoteId");

-- CreateIndex
CREATE UNIQUE INDEX "Citation_documentId_anchor_key" ON "Citation"("documentId", "anchor");

-- CreateIndex
CREATE UNIQUE INDEX "Source_key_key" ON "Source"("key");

-- CreateIndex
CREATE INDEX "ConceptMention_conceptId_documentId_idx" ON "ConceptMention"("conceptId", "documentId");

-- CreateIndex
CREATE INDEX "ConceptMention_documentId_blockAnchor_idx" ON "ConceptMention"("documentId", "blockAnchor");

-- CreateIndex
CREATE INDEX "PassageLink_leftDocumentId_rightDocumentId_kind_idx" ON "PassageLink"("leftDocumentId", "rightDocumentId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "AnchorAlias_documentId_anchor_key" ON "AnchorAlias"("documentId", "anchor");

-- CreateIndex
CREATE INDEX "SearchBlock_documentId_blockKind_idx" ON "SearchBlock"("documentId", "blockKind");

-- AddForeignKey
ALTER TABLE "Heading" ADD CONSTRAINT "Heading_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Paragraph" ADD CONSTRAINT "Paragraph_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Footnote" ADD CONSTRAINT "Footnote_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FootnoteMarker" ADD CONSTRAINT "FootnoteMarker_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FootnoteMarker" ADD CONSTRAINT "FootnoteMarker_footnoteId_fkey" FOREIGN KEY ("footnoteId") REFERENCES "Footnote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_footnoteId_fkey" FOREIGN KEY ("footnoteId") REFERENCES "Footnote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConceptMention" ADD CONSTRAINT "ConceptMention_conceptId_fkey" FOREIGN KEY ("conceptId") REFERENCES "Concept"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConceptMention" ADD CONSTRAINT "ConceptMention_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PassageLink" ADD CONSTRAINT "PassageLink_leftDocumentId_fkey" FOREIGN KEY ("leftDocumentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PassageLink" ADD CONSTRAINT "PassageLink_rightDocumentId_fkey" FOREIGN KEY ("rightDocumentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnchorAlias" ADD CONSTRAINT "AnchorAlias_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SearchBlock" ADD CONSTRAINT "SearchBlock_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;
