import "server-only";
import { getDatabase, type Database } from "./prisma-client";

/**
 * The key of the source a work's citations are in now, when `key` named a source whose citations joined
 * another (SourceKeyAlias, written by update-sources.ts), or null: the key is unknown, or its work is no
 * longer in the corpus. Old links to a source page are sent on with it.
 */
export async function resolveMovedSourceKey(key: string, db: Database = getDatabase()): Promise<string | null> {
  const alias = await db.sourceKeyAlias.findUnique({ where: { key }, select: { sourceKey: true } });
  if (!alias) return null;
  const target = await db.source.findUnique({ where: { key: alias.sourceKey }, select: { key: true } });
  return target?.key ?? null;
}
