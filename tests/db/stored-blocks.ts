import type { MentionBlock } from "@/lib/derivations/find-mentions";

interface StoredText {
  anchor: string;
  text: string;
}

/**
 * A stored document's headings, paragraphs and notes with text, in reading order: what the from-scratch oracles
 * derive from. Written here rather than taken from the loader's `blocksOf`, so that an oracle does not share the
 * code it checks.
 */
export function storedBlocks(row: { headings: StoredText[]; paragraphs: StoredText[]; footnotes: StoredText[] }): MentionBlock[] {
  return [
    ...row.headings.map((h) => ({ kind: "heading" as const, anchor: h.anchor, text: h.text })),
    ...row.paragraphs.map((p) => ({ kind: "paragraph" as const, anchor: p.anchor, text: p.text })),
    ...row.footnotes.filter((n) => n.text !== "").map((n) => ({ kind: "footnote" as const, anchor: n.anchor, text: n.text })),
  ];
}
