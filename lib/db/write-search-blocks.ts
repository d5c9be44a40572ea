import "server-only";
import { randomUUID } from "node:crypto";
import type { DocumentStructure } from "@/lib/model/document-model";
import { foldForSearch } from "@/lib/search/fold-for-search";
import { insertRows } from "./insert-rows";
import type { DatabaseTransaction } from "./prisma-client";

export interface SearchBlockDraft {
  blockKind: "heading" | "paragraph" | "footnote";
  blockAnchor: string;
  ordinal: number;
  text: string;
}

/**
 * The document's blocks in reading order: each heading just before the first paragraph under it
 * (headings with no paragraph keep their own order), then the notes. Blocks whose text folds to
 * nothing (a note lost in extraction) are left out: nothing in them can be found.
 */
export function searchBlocksOf(document: DocumentStructure): SearchBlockDraft[] {
  const blocks: SearchBlockDraft[] = [];
  const push = (blockKind: SearchBlockDraft["blockKind"], blockAnchor: string, text: string) =>
    blocks.push({ blockKind, blockAnchor, ordinal: blocks.length, text });
  const headingIndex = new Map(document.headings.map((heading, index) => [heading.anchor, index]));
  let nextHeading = 0;
  const emitHeadingsThrough = (index: number) => {
    for (; nextHeading <= index; nextHeading += 1) {
      const heading = document.headings[nextHeading]!;
      push("heading", heading.anchor, heading.text);
    }
  };
  for (const paragraph of document.paragraphs) {
    const index = paragraph.headingAnchor === null ? undefined : headingIndex.get(paragraph.headingAnchor);
    if (index !== undefined) emitHeadingsThrough(index);
    push("paragraph", paragraph.anchor, paragraph.text);
  }
  emitHeadingsThrough(document.headings.length - 1);
  for (const note of document.footnotes) push("footnote", note.anchor, note.text);
  return blocks.filter((block) => foldForSearch(block.text).folded !== "");
}

/**
 * Writes the searchable form of every heading, paragraph and note of a document: the narrow row search
 * scans (SearchBlock) and, apart, the display text it shows for a page's hits (SearchBlockText).
 */
export async function writeSearchBlocks(documentId: string, document: DocumentStructure, tx: DatabaseTransaction): Promise<void> {
  const rows = searchBlocksOf(document).map((block) => ({ id: randomUUID(), ...block, ...foldForSearch(block.text) }));
  if (rows.length === 0) return;
  await insertRows(
    "SearchBlock",
    { id: "text", documentId: "text", blockKind: { enum: "BlockKind" }, blockAnchor: "text", ordinal: "int", folded: "text" },
    rows.map(({ id, blockKind, blockAnchor, ordinal, folded }) => ({ id, documentId, blockKind, blockAnchor, ordinal, folded })),
    tx,
  );
  await insertRows("SearchBlockText", { blockId: "text", text: "text", offsets: "int[]" }, rows.map(({ id, text, offsets }) => ({ blockId: id, text, offsets })), tx);
}
