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
  /** One entry per document of the corpus, in the order of `documents`. */
  counts: ConceptDocumentCount[];
  total: { mentions: number; memberMentions: number };
}

export interface ConceptIndex {
  documents: { slug: string; title: string }[];
  concepts: ConceptSummary[];
}

/** Every concept of the dictionary, in dictionary order, with its mentions counted per document. */
export async function listConcepts(db: Database = getDatabase()): Promise<ConceptIndex> {
  const [documents, concepts, groups] = await Promise.all([
    db.document.findMany({ orderBy: [{ date: "asc" }, { slug: "asc" }], select: { id: true, slug: true, title: true } }),
    db.concept.findMany({
      orderBy: { ordinal: "asc" },
      select: { id: true, labelZh: true, labelEn: true, variants: true, broader: true, narrower: true, related: true, members: true },
    }),
    db.conceptMention.groupBy({ by: ["conceptId", "documentId", "memberOf"], _count: { _all: true } }),
  ]);

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
    concepts: concepts.map((concept) => {
      const counts = documents.map((document) => ({
        slug: document.slug,
        ...(count.get(`${concept.id}\u0000${document.id}`) ?? { mentions: 0, memberMentions: 0 }),
      }));
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
