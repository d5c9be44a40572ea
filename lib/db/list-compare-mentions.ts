import "server-only";
import type { ViewMention } from "@/lib/compare/build-compare-view";
import { readMembers } from "./list-concepts";
import { getDatabase, type Database } from "./prisma-client";

/** A mention as side by side draws it: the shape lib/compare/build-compare-view.ts reads. */
export type CompareMention = ViewMention;

export interface CompareConcept {
  id: string;
  labelZh: string;
  labelEn: string;
  /** Dictionary order, for a stable list. */
  ordinal: number;
}

export interface CompareMentions {
  /** Concepts mentioned in either document. */
  concepts: CompareConcept[];
  /** The member items of those concepts, which links name among their shared concepts. */
  members: { id: string; labelZh: string; labelEn: string }[];
  left: CompareMention[];
  right: CompareMention[];
}

/**
 * Every concept mention of the two documents of a side-by-side view (member items under their
 * compound), with the concepts they mention. One query per table: the pair is read at once.
 */
export async function listCompareMentions(
  documents: { left: string; right: string },
  db: Database = getDatabase(),
): Promise<CompareMentions> {
  // One statement, the slug joined in SQL: asked through the relation, the client read each row's document
  // by a second query listing one id per mention (862 parameters for the two corpus essays). The id breaks
  // ties of anchor and offset (a compound and its item at one place), so the order is the same every time.
  const rows = await db.$queryRaw<
    { slug: string; conceptId: string; memberOf: string | null; blockKind: CompareMention["blockKind"]; blockAnchor: string; start: number; end: number }[]
  >`
    select d.slug, m."conceptId", m."memberOf", m."blockKind"::text as "blockKind", m."blockAnchor", m.start, m."end"
    from "ConceptMention" m join "Document" d on d.id = m."documentId"
    where d.slug = any(${[documents.left, documents.right]}::text[])
    order by m."blockAnchor" asc, m.start asc, m.id asc`;
  const conceptIds = [...new Set(rows.map((row) => row.conceptId))];
  const concepts = await db.concept.findMany({
    where: { id: { in: conceptIds } },
    select: { id: true, labelZh: true, labelEn: true, ordinal: true, members: true },
    orderBy: { ordinal: "asc" },
  });
  const members = concepts.flatMap((concept) => readMembers(concept.members).map((m) => ({ id: m.id, labelZh: m.label.zh, labelEn: m.label.en })));
  const of = (slug: string): CompareMention[] =>
    rows
      .filter((row) => row.slug === slug)
      .map((row) => ({ conceptId: row.conceptId, member: row.memberOf, blockKind: row.blockKind, anchor: row.blockAnchor, start: row.start, end: row.end }));
  return {
    concepts: concepts.map(({ members: _members, ...concept }) => concept),
    members,
    left: of(documents.left),
    right: of(documents.right),
  };
}
