import "server-only";
import { getDatabase, type Database } from "./prisma-client";
import { resolveAnchor, type AnchorResolution } from "./resolve-anchor";

/** `resolveAnchor` for a document named by its slug, as URLs name it; null when no document has that slug. */
export async function resolveAnchorBySlug(slug: string, anchor: string, db: Database = getDatabase()): Promise<AnchorResolution | null> {
  const document = await db.document.findUnique({ where: { slug }, select: { id: true } });
  if (!document) return null;
  return resolveAnchor(document.id, anchor, db);
}
