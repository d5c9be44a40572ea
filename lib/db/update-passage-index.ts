import "server-only";
import { randomUUID } from "node:crypto";
import type { MentionBlock } from "@/lib/derivations/find-mentions";
import { fingerprintBlocks } from "@/lib/derivations/passage-fingerprints";
import { insertRows } from "./insert-rows";
import type { DatabaseTransaction } from "./prisma-client";
import { storeCitedNotes } from "./store-cited-notes";

/** One document as the corpus-wide derivations read it. */
export interface DerivedDocument {
  id: string;
  slug: string;
  /** Headings, paragraphs, then notes with text, each in reading order (the order findSharedPassages reports in). */
  blocks: MentionBlock[];
}

/** A passage-index row just written, with its block's text (what the parallel counts compare). */
export interface WrittenBlock {
  id: string;
  blockKind: MentionBlock["kind"];
  blockAnchor: string;
  fingerprints: number[];
  text: string;
}

/**
 * A document's entries in the passage index: the winnowed fingerprints of each of its blocks. That is all a
 * document contributes to shared passages: which other documents share words with it is looked up through
 * the GIN index, and the passages two documents share are aligned when the two are shown
 * (list-passage-links.ts), so adding a document costs the same whatever the corpus holds. Its old entries
 * are gone already (forgetDocumentDerivations). Each row holds its block's text (what the parallels view
 * reads with each candidate) and gets the notes its block cites (storeCitedNotes). Returns the rows written,
 * with their texts, so that the parallel counts need not read back what the loader holds.
 */
export async function writePassageIndex(tx: DatabaseTransaction, document: DerivedDocument): Promise<WrittenBlock[]> {
  const text = new Map(document.blocks.map((block) => [block.anchor, block.text]));
  const rows = fingerprintBlocks(document.blocks).map((block) => ({ id: randomUUID(), ...block, text: text.get(block.blockAnchor)! }));
  if (rows.length === 0) return [];
  await insertRows(
    "PassageFingerprint",
    { id: "text", documentId: "text", blockKind: { enum: "BlockKind" }, blockAnchor: "text", fingerprints: "int[]", parallelPlaces: "int", parallelDocuments: "int", citedNotes: "text[]", text: "text" },
    rows.map((row) => ({ id: row.id, documentId: document.id, blockKind: row.blockKind, blockAnchor: row.blockAnchor, fingerprints: row.fingerprints, text: row.text })),
    tx,
  );
  await storeCitedNotes(tx, document.id);
  return rows;
}
