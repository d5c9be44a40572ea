/**
 * How concept mentions are counted, on every page that shows a count (the concept index's heat map, a
 * concept's page, side by side's concept picker): one rule, and one wording of it, so the same concept in
 * the same essay has the same number everywhere, and every number says what it counts.
 *
 * The rule: every mention of the concept's wordings in an essay's headings, paragraphs and notes. Notes
 * count because an essay's argument runs through them (a definition, a cited title); pages that show text
 * without its notes still count them, and may say how many of the count stand in notes (`inNotes`).
 */

/** Where a mention stands (lib/db's PlacedBlockKind). */
export type MentionPlace = "heading" | "paragraph" | "footnote";

/** Every place a mention is counted in. */
export const COUNTED_PLACES: readonly MentionPlace[] = ["heading", "paragraph", "footnote"];

/** The rule in words: after a count ("33 mentions: …"), or as a column's note. */
export const MENTION_COUNT_RULE = {
  en: "every mention in headings, paragraphs and notes",
  zh: "标题、正文与注释中的全部提及",
} as const;

export interface MentionCount {
  /** Every counted mention. */
  total: number;
  /** Of which in notes. */
  inNotes: number;
}

/** The count of some mentions (those of one concept in one essay, say) under the rule. */
export function countMentions(mentions: readonly { blockKind: MentionPlace }[]): MentionCount {
  let total = 0;
  let inNotes = 0;
  for (const mention of mentions) {
    if (!COUNTED_PLACES.includes(mention.blockKind)) continue;
    total += 1;
    if (mention.blockKind === "footnote") inNotes += 1;
  }
  return { total, inNotes };
}

/** What a count says beside its number, in English: "4 in notes", or nothing when none is in a note. */
export function inNotesLabel(count: MentionCount): string | null {
  return count.inNotes > 0 ? `${count.inNotes} in notes` : null;
}

/** A count with what it counts, for a name read aloud or a tooltip: "33 mentions (4 in notes)". */
export function mentionCountLabel(count: MentionCount): string {
  const notes = inNotesLabel(count);
  return `${count.total} ${count.total === 1 ? "mention" : "mentions"}${notes ? ` (${notes})` : ""}`;
}
