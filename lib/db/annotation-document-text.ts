import "server-only";
import { documentText, type DocumentText, type TextBlock } from "@/lib/exchange/web-annotation-text";
import type { DocumentStructure } from "@/lib/model/document-model";
import { getDatabase, readInOneSnapshot, type Database, type DatabaseTransaction } from "./prisma-client";
import { searchBlocksOf } from "./write-search-blocks";

/**
 * The document's text Web Annotation positions count in (lib/exchange/web-annotation-text.ts): the blocks the
 * search index holds, in its reading order. From a document being loaded (its draft), or from the stored rows
 * (SearchBlock and its display text, written from that same draft by write-search-blocks.ts), so both agree.
 */
export function annotationTextOfDraft(document: DocumentStructure): DocumentText {
  const markers = new Map([...document.headings, ...document.paragraphs].map((block) => [block.anchor, block.markers.map(({ offset, label }) => ({ offset, label }))]));
  return documentText(
    searchBlocksOf(document).map((block) => ({ anchor: block.blockAnchor, kind: block.blockKind, text: block.text, markers: markers.get(block.blockAnchor) ?? [] })),
  );
}

/**
 * The stored document's text, or null when no document has that slug. One snapshot: blocks, their display texts and
 * markers are three queries, and an ingest committing between them would give positions counted in a mixed text.
 */
export async function readAnnotationText(slug: string, db: Database = getDatabase()): Promise<DocumentText | null> {
  return readInOneSnapshot(db, async (tx) => {
    const document = await tx.document.findUnique({ where: { slug }, select: { id: true } });
    return document ? annotationTextOfDocument(document.id, tx) : null;
  });
}

/** The same, by document id, inside a transaction (the import's) or not. */
export async function annotationTextOfDocument(documentId: string, tx: DatabaseTransaction): Promise<DocumentText> {
  const rows = await tx.searchBlock.findMany({
    where: { documentId },
    orderBy: { ordinal: "asc" },
    select: { blockKind: true, blockAnchor: true, display: { select: { text: true } } },
  });
  const markerRows = await tx.footnoteMarker.findMany({ where: { documentId }, select: { blockAnchor: true, offset: true, label: true } });
  const markers = new Map<string, { offset: number; label: string }[]>();
  for (const { blockAnchor, offset, label } of markerRows) markers.set(blockAnchor, [...(markers.get(blockAnchor) ?? []), { offset, label }]);
  const blocks: TextBlock[] = rows.map((row) => ({ anchor: row.blockAnchor, kind: row.blockKind, text: row.display?.text ?? "", markers: markers.get(row.blockAnchor) ?? [] }));
  return documentText(blocks);
}
