import "server-only";
import { getDatabase, type Database } from "./prisma-client";

/** Slug and title of every document, in date order: for lists that must name them all (the corpus TEI, annotation links). */
export async function listDocumentTitles(db: Database = getDatabase()): Promise<{ slug: string; title: string }[]> {
  return db.document.findMany({ orderBy: [{ date: "asc" }, { slug: "asc" }], select: { slug: true, title: true } });
}

/** Slug and title of the documents named, those that exist, in the order asked. */
export async function findDocumentTitles(slugs: readonly string[], db: Database = getDatabase()): Promise<{ slug: string; title: string }[]> {
  if (slugs.length === 0) return [];
  const rows = await db.document.findMany({ where: { slug: { in: [...slugs] } }, select: { slug: true, title: true } });
  const bySlug = new Map(rows.map((row) => [row.slug, row]));
  return slugs.flatMap((slug) => bySlug.get(slug) ?? []);
}
