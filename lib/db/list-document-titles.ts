import "server-only";
import { getDatabase, type Database } from "./prisma-client";

/** Slug and title of every document: the choices of "Compare with…". */
export async function listDocumentTitles(db: Database = getDatabase()): Promise<{ slug: string; title: string }[]> {
  return db.document.findMany({ orderBy: [{ date: "asc" }, { slug: "asc" }], select: { slug: true, title: true } });
}
