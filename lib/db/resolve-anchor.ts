import "server-only";
import { getDatabase, type Database } from "./prisma-client";

export type AnchorResolution =
  | { status: "current"; anchor: string }
  | { status: "moved"; anchor: string; targetAnchor: string; targetOffset: number }
  | { status: "orphaned"; anchor: string; quote: string }
  | { status: "unknown"; anchor: string };

/**
 * Where an anchor of a document points now. Anchors of earlier versions resolve through the aliases
 * recorded at re-ingest; a citation anchor (`<note>-c<i>`) follows its note.
 */
export async function resolveAnchor(documentId: string, anchor: string, db: Database = getDatabase()): Promise<AnchorResolution> {
  const [heading, paragraph, footnote, citation] = await Promise.all([
    db.heading.findUnique({ where: { documentId_anchor: { documentId, anchor } }, select: { id: true } }),
    db.paragraph.findUnique({ where: { documentId_anchor: { documentId, anchor } }, select: { id: true } }),
    db.footnote.findUnique({ where: { documentId_anchor: { documentId, anchor } }, select: { id: true } }),
    db.citation.findUnique({ where: { documentId_anchor: { documentId, anchor } }, select: { id: true } }),
  ]);
  if (heading || paragraph || footnote || citation) return { status: "current", anchor };
  const alias = await db.anchorAlias.findUnique({
    where: { documentId_anchor: { documentId, anchor } },
    select: { status: true, targetAnchor: true, targetOffset: true, quote: true },
  });
  if (alias?.status === "moved" && alias.targetAnchor) {
    return { status: "moved", anchor, targetAnchor: alias.targetAnchor, targetOffset: alias.targetOffset ?? 0 };
  }
  if (alias) return { status: "orphaned", anchor, quote: alias.quote };
  const citationOf = /^(.*)-c\d+$/.exec(anchor);
  if (citationOf?.[1]) {
    const note = await resolveAnchor(documentId, citationOf[1], db);
    if (note.status !== "unknown") return note.status === "current" ? { status: "moved", anchor, targetAnchor: note.anchor, targetOffset: 0 } : note;
  }
  return { status: "unknown", anchor };
}
