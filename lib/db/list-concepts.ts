import "server-only";
import { z } from "zod";
import { getDatabase, type Database } from "./prisma-client";

export interface ConceptMemberSummary {
  id: string;
  label: { zh: string; en: string };
  variants: string[];
  /** True when the item's wording alone counts as a mention of it (see the dictionary's `about`). */
  alone: boolean;
}

export interface ConceptDocumentCount {
  slug: string;
  /** Mentions of the concept itself: a wording of it, or an enumeration of its items. */
  mentions: number;
  /** Mentions of its member items (compound concepts only). */
  memberMentions: number;
}

export interface ConceptSummary {
  id: string;
  labelZh: string;
  labelEn: string;
  variants: string[];
  broader: string[];
  narrower: string[];
  related: string[];
  members: ConceptMemberSummary[];
  /** One entry per document that mentions it (or its items), in the order of the index's `documents`. */
  counts: ConceptDocumentCount[];
  total: { mentions: number; memberMentions: number };
}

export interface ConceptIndex {
  /** The documents the listed concepts' counts name, in corpus order (date, then slug). */
  documents: { slug: string; title: string }[];
  concepts: ConceptSummary[];
  /** Concepts in the dictionary, on every page. */
  total: number;
}

/**
 * The dictionary's concepts in its order, all of them or one page (`page`), each with its mentions counted
 * per document that mentions it. Counted in SQL for the listed concepts only, so a page costs what its
 * concepts' mentions do, never a row per concept and document of the corpus.
 */
export async function listConcepts(db: Database = getDatabase(), { page }: { page?: { page: number; pageSize: number } } = {}): Promise<ConceptIndex> {
  const [concepts, total] = await Promise.all([
    db.concept.findMany({
      orderBy: { ordinal: "asc" },
      select: { id: true, labelZh: true, labelEn: true, variants: true, broader: true, narrower: true, related: true, members: true },
      ...(page ? { skip: (page.page - 1) * page.pageSize, take: page.pageSize } : {}),
    }),
    db.concept.count(),
  ]);
  const groups = await db.conceptMention.groupBy({
    by: ["conceptId", "documentId", "memberOf"],
    where: { conceptId: { in: concepts.map((concept) => concept.id) } },
    _count: { _all: true },
  });
  const documents = await db.document.findMany({
    where: { id: { in: [...new Set(groups.map((group) => group.documentId))] } },
    orderBy: [{ date: "asc" }, { slug: "asc" }],
    select: { id: true, slug: true, title: true },
  });

  const count = new Map<string, { mentions: number; memberMentions: number }>();
  for (const group of groups) {
    const key = `${group.conceptId}\u0000${group.documentId}`;
    const entry = count.get(key) ?? { mentions: 0, memberMentions: 0 };
    if (group.memberOf === null) entry.mentions += group._count._all;
    else entry.memberMentions += group._count._all;
    count.set(key, entry);
  }

  return {
    documents: documents.map(({ slug, title }) => ({ slug, title })),
    total,
    concepts: concepts.map((concept) => {
      const counts = documents.flatMap((document) => {
        const counted = count.get(`${concept.id}\u0000${document.id}`);
        return counted ? [{ slug: document.slug, ...counted }] : [];
      });
      return {
        id: concept.id,
        labelZh: concept.labelZh,
        labelEn: concept.labelEn,
        variants: concept.variants,
        broader: concept.broader,
        narrower: concept.narrower,
        related: concept.related,
        members: readMembers(concept.members),
        counts,
        total: {
          mentions: counts.reduce((sum, c) => sum + c.mentions, 0),
          memberMentions: counts.reduce((sum, c) => sum + c.memberMentions, 0),
        },
      };
    }),
  };
}

/**
 * `Concept.members` is JSON written by the loader from the validated dictionary; reading it defensively
 * keeps one malformed row from taking the whole index down.
 */
export function readMembers(json: unknown): ConceptMemberSummary[] {
  return storedMembersSchema.parse(json).flatMap((item) => {
    const parsed = storedMemberSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

const storedMembersSchema = z.array(z.unknown()).catch([]);
const storedMemberSchema = z.object({
  id: z.string(),
  label: z.object({ zh: z.string(), en: z.string() }),
  variants: z
    .array(z.unknown())
    .catch([])
    .transform((variants) => variants.filter((variant): variant is string => typeof variant === "string")),
  alone: z.unknown().transform((alone) => alone === true),
});
