import "server-only";
import { getDatabase, type Database } from "./prisma-client";

/** Every document of the corpus with its metadata and counts, for the home page and the API. */
export async function listDocuments(db: Database = getDatabase()) {
  const documents = await db.document.findMany({
    orderBy: [{ date: "asc" }, { slug: "asc" }],
    select: {
      slug: true,
      title: true,
      titleEn: true,
      authors: true,
      journal: true,
      issue: true,
      date: true,
      abstract: true,
      pageCount: true,
      sourceFile: true,
      sourceSha256: true,
      ingestedAt: true,
      _count: { select: { paragraphs: true, footnotes: true, headings: true } },
    },
  });
  const distinctSources = await db.$queryRaw<{ slug: string; sources: bigint }[]>`
    select d.slug, count(distinct c."sourceId") as sources
    from "Document" d join "Citation" c on c."documentId" = d.id
    where c."sourceId" is not null group by d.slug`;
  const sourcesBySlug = new Map(distinctSources.map((row) => [row.slug, Number(row.sources)]));
  return documents.map(({ _count, ...document }) => ({
    ...document,
    counts: {
      headings: _count.headings,
      paragraphs: _count.paragraphs,
      footnotes: _count.footnotes,
      sources: sourcesBySlug.get(document.slug) ?? 0,
    },
  }));
}

export type DocumentSummary = Awaited<ReturnType<typeof listDocuments>>[number];
