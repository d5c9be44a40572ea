import type { ConceptMention } from "./find-mentions";

/**
 * One document's mentions of one concept, or of one member item of a compound concept, as stored: a member's
 * mentions are counted under its compound (`conceptId`) with the item in `memberOf`, as ConceptMention rows are.
 */
export interface ConceptMentionCount {
  conceptId: string;
  /** The member item counted, or null: the concept's own mentions (its name, or an enumeration of its items). */
  memberOf: string | null;
  mentions: number;
  /** Of `mentions`, those in notes. */
  mentionsInNotes: number;
}

/**
 * A document's mentions counted per concept and member item: what the concept page tabulates and the
 * catalogue's concept facet counts documents by, kept per document at load so no page groups every mention
 * of the corpus. In order of first mention, so the same mentions always give the same rows.
 */
export function countConceptMentions(mentions: readonly ConceptMention[]): ConceptMentionCount[] {
  const counts = new Map<string, ConceptMentionCount>();
  for (const mention of mentions) {
    const conceptId = mention.memberOf ?? mention.conceptId;
    const memberOf = mention.memberOf ? mention.conceptId : null;
    const key = `${conceptId}\u0000${memberOf ?? ""}`;
    const count = counts.get(key) ?? { conceptId, memberOf, mentions: 0, mentionsInNotes: 0 };
    count.mentions += 1;
    if (mention.blockKind === "footnote") count.mentionsInNotes += 1;
    counts.set(key, count);
  }
  return [...counts.values()];
}
