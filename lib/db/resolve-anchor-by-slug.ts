import "server-only";
import { getDatabase } from "./prisma-client";
import { resolveAnchor, type AnchorResolution } from "./resolve-anchor";

/** `resolveAnchor` for a document named by its slug, as URLs name it; null when no document has that slug. */
export async function resolveAnchorBySlug(slug: string, anchor: string): Promise<AnchorResolution | null> {
  const document = await getDatabase().document.findUnique({ where: { slug }, select: { id: true } });
  if (!document) return null;
  return resolveAnchor(document.id, anchor);
}
