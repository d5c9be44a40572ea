import type { ConceptMention, MentionBlockKind } from "./find-mentions";

/**
 * Which paragraph of essay A treats the same concepts as which paragraph of essay B: the data behind the
 * alignment connectors of the side-by-side view. Pure: mentions in, scored pairs out.
 *
 * Score: weighted Jaccard over the sets of concepts (concept, member and compound ids alike) mentioned in
 * the two paragraphs, each concept weighted by idf = ln(1 + N / df), N being the paragraphs with any
 * mention across both documents and df those that mention the concept. A concept both essays mention
 * everywhere (网络空间命运共同体 in essay 001) thus weighs little, a rare one shared (数字鸿沟) a lot.
 * How often a paragraph repeats a concept does not matter: a connector says "same topic", not "same emphasis".
 *
 * Defaults, chosen by reading the pairs they produce on the two essays: a pair needs at least 2 shared
 * concepts (one shared concept is most often the essays' common vocabulary, not a common argument) and a
 * score of at least 0.2; then each paragraph keeps its 3 best partners, and a pair survives if it is among
 * the best of either of its paragraphs (so a short paragraph's one good match is not crowded out).
 */

/** A pair needs this many shared concepts (see above): also how the corpus finds a document's candidate partners. */
export const MIN_SHARED_CONCEPTS = 2;

/** What the overlap reads of a mention. */
export type OverlapMention = Pick<ConceptMention, "conceptId" | "blockAnchor" | "blockKind">;

export interface ConceptOverlapOptions {
  minShared?: number;
  minScore?: number;
  topK?: number;
  /** Blocks that take part; headings and notes are left out by default. */
  blockKinds?: readonly MentionBlockKind[];
}

export interface ParagraphAlignment {
  /** Block anchor in document A, and in document B. */
  a: string;
  b: string;
  score: number;
  /** The shared concept ids, heaviest first: the evidence for the connector. */
  shared: string[];
  /** 1-based rank of this pair among the candidates of paragraph a, and of paragraph b. */
  rankInA: number;
  rankInB: number;
}

interface Candidate {
  a: string;
  b: string;
  score: number;
  shared: string[];
  rankInA: number;
  rankInB: number;
}

function conceptsByBlock(mentions: readonly OverlapMention[], kinds: ReadonlySet<MentionBlockKind>): Map<string, Set<string>> {
  const byBlock = new Map<string, Set<string>>();
  for (const mention of mentions) {
    if (!kinds.has(mention.blockKind)) continue;
    const set = byBlock.get(mention.blockAnchor) ?? new Set<string>();
    set.add(mention.conceptId);
    byBlock.set(mention.blockAnchor, set);
  }
  return byBlock;
}

function rankWithin(candidates: Candidate[], key: "a" | "b", order: Map<string, number>, rankKey: "rankInA" | "rankInB"): void {
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) groups.set(c[key], [...(groups.get(c[key]) ?? []), c]);
  const other = key === "a" ? "b" : "a";
  for (const group of groups.values()) {
    group.sort((x, y) => y.score - x.score || y.shared.length - x.shared.length || (order.get(x[other]) ?? 0) - (order.get(y[other]) ?? 0));
    group.forEach((c, i) => {
      c[rankKey] = i + 1;
    });
  }
}

export function findConceptOverlap(
  mentionsA: readonly OverlapMention[],
  mentionsB: readonly OverlapMention[],
  options: ConceptOverlapOptions = {},
): ParagraphAlignment[] {
  const { minShared = MIN_SHARED_CONCEPTS, minScore = 0.2, topK = 3, blockKinds = ["paragraph"] } = options;
  const kinds = new Set(blockKinds);
  const blocksA = conceptsByBlock(mentionsA, kinds);
  const blocksB = conceptsByBlock(mentionsB, kinds);

  const documentFrequency = new Map<string, number>();
  for (const set of [...blocksA.values(), ...blocksB.values()]) for (const id of set) documentFrequency.set(id, (documentFrequency.get(id) ?? 0) + 1);
  const total = blocksA.size + blocksB.size;
  const weight = (id: string) => Math.log(1 + total / (documentFrequency.get(id) ?? 1));

  // Anchors keep the documents' own order for tie-breaking (Map preserves first-mention order).
  const orderA = new Map([...blocksA.keys()].map((anchor, i) => [anchor, i]));
  const orderB = new Map([...blocksB.keys()].map((anchor, i) => [anchor, i]));

  const candidates: Candidate[] = [];
  for (const [a, conceptsA] of blocksA)
    for (const [b, conceptsB] of blocksB) {
      const shared = [...conceptsA].filter((id) => conceptsB.has(id));
      if (shared.length < minShared) continue;
      const union = new Set([...conceptsA, ...conceptsB]);
      let inter = 0;
      let all = 0;
      for (const id of union) all += weight(id);
      for (const id of shared) inter += weight(id);
      const score = all === 0 ? 0 : inter / all;
      if (score < minScore) continue;
      shared.sort((x, y) => weight(y) - weight(x) || x.localeCompare(y));
      candidates.push({ a, b, score: Math.round(score * 1e6) / 1e6, shared, rankInA: 0, rankInB: 0 });
    }

  rankWithin(candidates, "a", orderB, "rankInA");
  rankWithin(candidates, "b", orderA, "rankInB");
  return candidates
    .filter((c) => c.rankInA <= topK || c.rankInB <= topK)
    .sort((x, y) => (orderA.get(x.a) ?? 0) - (orderA.get(y.a) ?? 0) || x.rankInA - y.rankInA)
    .map(({ a, b, score, shared, rankInA, rankInB }) => ({ a, b, score, shared, rankInA, rankInB }));
}
