import "server-only";
import { getDatabase } from "./prisma-client";

/** Slug and title of every document: the choices of "Compare with…". */
export async function listDocumentTitles(): Promise<{ slug: string; title: string }[]> {
  return getDatabase().document.findMany({ orderBy: [{ date: "asc" }, { slug: "asc" }], select: { slug: true, title: true } });
}
