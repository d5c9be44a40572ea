import "server-only";
import { randomUUID } from "node:crypto";
import type { MentionBlock } from "@/lib/derivations/find-mentions";
import { fingerprintBlocks } from "@/lib/derivations/passage-fingerprints";
import { insertRows } from "./insert-rows";
import type { DatabaseTransaction } from "./prisma-client";

/** One document as the corpus-wide derivations read it. */
export interface DerivedDocument {
  id: string;
  slug: string;
  /** Headings, paragraphs, then notes with text, each in reading order (the order findSharedPassages reports in). */
  blocks: MentionBlock[];
}

/**
 * A document's entries in the passage index: the winnowed fingerprints of each of its blocks. That is all a
 * document contributes to shared passages: which other documents share words with it is looked up through
 * the GIN index, and the passages two documents share are aligned when the two are shown
 * (list-passage-links.ts), so adding a document costs the same whatever the corpus holds. Its old entries
 * are gone already (forgetDocumentDerivations).
 */
export async function writePassageIndex(tx: DatabaseTransaction, document: DerivedDocument): Promise<number> {
  const blocks = fingerprintBlocks(document.blocks);
  if (blocks.length === 0) return 0;
  await insertRows(
    "PassageFingerprint",
    { id: "text", documentId: "text", blockKind: { enum: "BlockKind" }, blockAnchor: "text", fingerprints: "int[]", parallelPlaces: "int", parallelDocuments: "int" },
    blocks.map((block) => ({ id: randomUUID(), documentId: document.id, blockKind: block.blockKind, blockAnchor: block.blockAnchor, fingerprints: block.fingerprints })),
    tx,
  );
  return blocks.length;
}
