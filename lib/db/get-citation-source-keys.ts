import "server-only";
import { getDatabase, type Database } from "./prisma-client";

/**
 * For the reader's note popover: the source each citation of a document belongs to, by citation anchor.
 * Citations that identify no work (a truncated note's tail) have no source and are absent.
 */
export async function getCitationSourceKeys(documentSlug: string, db: Database = getDatabase()): Promise<Map<string, string>> {
  const rows = await db.citation.findMany({
    where: { document: { slug: documentSlug }, source: { isNot: null } },
    select: { anchor: true, source: { select: { key: true } } },
  });
  return new Map(rows.flatMap((row) => (row.source ? [[row.anchor, row.source.key] as const] : [])));
}
