import type { Side } from "./compare-state";

export type LinkKind = "shared_source" | "shared_passage" | "concept_overlap";

/** A mention of a concept where a reader can land on it: its block, its offsets, how far through the document it stands. */
export interface MentionPlace {
  anchor: string;
  start: number;
  end: number;
  /** The member item (compound concepts), or null for the concept itself. */
  member: string | null;
  /** 0 at the start of the document's body, 1 at its end. */
  position: number;
}

export interface BlockLink {
  kind: LinkKind;
  confidence: number;
  left: { anchor: string };
  right: { anchor: string };
}

/** Shared words are the strongest evidence that two passages treat the same thing, an overlap of concepts the weakest. */
export const KIND_WEIGHT: Record<LinkKind, number> = { shared_passage: 3, shared_source: 2, concept_overlap: 1 };

/** How strongly a block of `side` is linked to each block of the other document (kind weight plus confidence). */
export function linkStrengths(links: readonly BlockLink[], side: Side, anchor: string): Map<string, number> {
  const strengths = new Map<string, number>();
  for (const link of links) {
    const [here, there] = side === "left" ? [link.left, link.right] : [link.right, link.left];
    if (here.anchor !== anchor) continue;
    const strength = KIND_WEIGHT[link.kind] + Math.max(0, Math.min(1, link.confidence));
    strengths.set(there.anchor, Math.max(strengths.get(there.anchor) ?? 0, strength));
  }
  return strengths;
}

/**
 * The mention of the same concept in the other document to show beside `source`: one in a block linked
 * to the source's block (the strongest link wins), else the one at the nearest relative position. Ties
 * go to a mention of the same member item, then to the nearer, then to the earlier one.
 */
export function chooseCounterpart(
  source: MentionPlace,
  candidates: readonly MentionPlace[],
  strengths: ReadonlyMap<string, number>,
): MentionPlace | null {
  let best: MentionPlace | null = null;
  let bestKey: number[] = [];
  for (const candidate of candidates) {
    const key = [
      strengths.get(candidate.anchor) ?? 0,
      candidate.member === source.member ? 1 : 0,
      -Math.abs(candidate.position - source.position),
      -candidate.position,
    ];
    if (!best || compareKeys(key, bestKey) > 0) {
      best = candidate;
      bestKey = key;
    }
  }
  return best;
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Where an offset of a block stands in the document, 0–1, counting blocks in reading order. */
export function positionInDocument(blockIndex: number, blockCount: number, offset: number, blockLength: number): number {
  if (blockCount <= 0) return 0;
  const within = blockLength > 0 ? Math.max(0, Math.min(1, offset / blockLength)) : 0;
  return Math.max(0, Math.min(1, (blockIndex + within) / blockCount));
}
