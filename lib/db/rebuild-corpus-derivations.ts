import "server-only";
import { randomUUID } from "node:crypto";
import { canonicalJson } from "./canonical-json";
import type { ConceptDictionary } from "@/lib/concepts/concept-dictionary";
import { loadConceptDictionary } from "@/lib/concepts/load-concept-dictionary";
import { countConceptMentions } from "@/lib/derivations/count-concept-mentions";
import { type ConceptMention, findMentions, type MentionBlock } from "@/lib/derivations/find-mentions";
import { insertRows } from "./insert-rows";
import type { DatabaseTransaction } from "./prisma-client";
import { type DerivedDocument, writePassageIndex } from "./update-passage-index";
import { type ParallelsBefore, readParallelsBefore, updateParallelCounts } from "./update-parallel-counts";
import { updateSources } from "./update-sources";
import { readDocumentConcepts, updateConceptDocumentTotals } from "./update-concept-document-totals";

/**
 * What is derived from the whole corpus — concepts and their mentions, sources, the passage index — kept
 * up to date inside the loading transaction, one document at a time: adding, replacing or removing a
 * document costs work proportional to that document and what it matches (the citation match keys find
 * the sources it joins), never a pass over every pair of documents (issue 15: at 23 essays that took 24 s
 * a load, and would take hours at 1,000). Derivations are never out of step with the documents.
 *
 * Nothing is stored per pair of documents: each document contributes its own rows (its citations'
 * sources, its passage-index fingerprints, its concept mentions), and the links between two documents
 * (shared sources, shared passages, concept overlap) are derived from those when the two are shown
 * (list-passage-links.ts). A passage quoted by hundreds of essays is hundreds of rows, not tens of
 * thousands of pairs.
 *
 * Two steps around the loader's delete-and-insert of a document's rows:
 *  1. forgetDocumentDerivations, before: the document's passage-index entries go, and the sources its
 *     citations belonged to are remembered;
 *  2. updateCorpusDerivations, after: its mentions and passage-index entries are written, and the sources
 *     it touched (before and now) regrouped.
 * Removing a document is step 1, the delete, and step 2 with no document.
 */

/** Serialises loads of the corpus (pg_advisory_xact_lock): derivations read what other loads write. */
export const CORPUS_LOAD_LOCK = 20231106;

export interface DerivationsBefore {
  /** Sources the document's citations belonged to before its rows were deleted. */
  sourceIds: string[];
  /** Its blocks and their parallel counts as they were (update-parallel-counts.ts); absent: it had none. */
  parallels?: ParallelsBefore;
  /** Its citations' title keys (update-sources.ts forgets those no citation has any more); absent: none. */
  titleKeys?: string[];
  /** The concepts its stored counts held (their document totals lose it when it is removed); absent: none. */
  conceptIds?: string[];
}

export async function forgetDocumentDerivations(tx: DatabaseTransaction, documentId: string): Promise<DerivationsBefore> {
  const cited = await tx.citation.findMany({ where: { documentId, sourceId: { not: null } }, select: { sourceId: true }, distinct: ["sourceId"] });
  // While its passage index and texts are still there: its blocks and their parallel counts as they were.
  const parallels = await readParallelsBefore(tx, documentId);
  await tx.passageFingerprint.deleteMany({ where: { documentId } });
  const titles = await tx.$queryRaw<{ key: string }[]>`
    select distinct k.key from "Citation" c join "CitationMatchKey" k on k."citationId" = c.id where c."documentId" = ${documentId} and k.key like 't:%'`;
  const conceptIds = await readDocumentConcepts(tx, documentId);
  return { sourceIds: cited.map((row) => row.sourceId!), parallels, titleKeys: titles.map((row) => row.key), conceptIds };
}

export async function updateCorpusDerivations(
  tx: DatabaseTransaction,
  documentId: string | null,
  before: DerivationsBefore,
  { dictionary = loadConceptDictionary(), loaded }: { dictionary?: ConceptDictionary; loaded?: DerivedDocument } = {},
): Promise<void> {
  const dictionaryChanged = await writeConcepts(tx, dictionary);
  // The loader passes the document it has just written (`loaded`), rather than have its rows read back.
  const document = documentId === null ? null : (loaded ?? (await readDocument(tx, documentId)));
  if (dictionaryChanged) await rebuildConceptDerivations(tx, dictionary);
  else if (document) await writeMentions(tx, document, findMentions(document.blocks, dictionary));
  // Removed: the concepts it mentioned lose it (a rebuilt dictionary counted the documents left afresh).
  else await updateConceptDocumentTotals(tx, before.conceptIds ?? [], []);
  const written = document ? await writePassageIndex(tx, document) : [];
  await updateParallelCounts(tx, before.parallels ?? { documentId: documentId ?? "", blocks: [] }, document ? { documentId: document.id, blocks: written } : null);
  await updateSources(tx, document, before.sourceIds, before.titleKeys);
}

async function readDocument(tx: DatabaseTransaction, id: string): Promise<DerivedDocument> {
  const row = await tx.document.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      slug: true,
      headings: { orderBy: { ordinal: "asc" }, select: { anchor: true, text: true } },
      paragraphs: { orderBy: { ordinal: "asc" }, select: { anchor: true, text: true } },
      footnotes: { orderBy: { ordinal: "asc" }, select: { anchor: true, text: true } },
    },
  });
  return { id: row.id, slug: row.slug, blocks: blocksOf(row) };
}

/** Headings, paragraphs, then notes with text, in reading order: as stored, or as drafted (the same rows). */
export function blocksOf(row: { headings: { anchor: string; text: string }[]; paragraphs: { anchor: string; text: string }[]; footnotes: { anchor: string; text: string }[] }): MentionBlock[] {
  return [
    ...row.headings.map((h) => ({ kind: "heading" as const, anchor: h.anchor, text: h.text })),
    ...row.paragraphs.map((p) => ({ kind: "paragraph" as const, anchor: p.anchor, text: p.text })),
    ...row.footnotes.filter((n) => n.text !== "").map((n) => ({ kind: "footnote" as const, anchor: n.anchor, text: n.text })),
  ];
}

/**
 * The dictionary's concepts, rewritten only when the dictionary changed (returns whether it did):
 * rewriting drops every mention (they reference the concepts), which are then recomputed for every document.
 */
async function writeConcepts(tx: DatabaseTransaction, dictionary: ConceptDictionary): Promise<boolean> {
  const rows = dictionary.concepts.map((concept, ordinal) => ({
    id: concept.id,
    labelZh: concept.label.zh,
    labelEn: concept.label.en,
    variants: concept.variants,
    definitionZh: concept.definition.zh,
    definitionEn: concept.definition.en,
    definitionSource: concept.definition.source,
    broader: concept.broader,
    narrower: concept.narrower,
    related: concept.related,
    members: (concept.members ?? []).map((member) => ({
      id: member.id,
      label: member.label,
      variants: member.variants,
      alone: member.alone,
    })),
    ordinal,
  }));
  const stored = await tx.concept.findMany({
    orderBy: { ordinal: "asc" },
    select: {
      id: true,
      labelZh: true,
      labelEn: true,
      variants: true,
      definitionZh: true,
      definitionEn: true,
      definitionSource: true,
      broader: true,
      narrower: true,
      related: true,
      members: true,
      ordinal: true,
    },
  });
  // Compared with keys sorted: jsonb (definitionSource, members) does not keep the order keys were written
  // in, so a plain comparison always saw a new dictionary and recomputed every document's mentions.
  if (canonicalJson(stored) === canonicalJson(rows)) return false;
  await tx.conceptMention.deleteMany({});
  await tx.concept.deleteMany({});
  await tx.concept.createMany({ data: rows });
  return true;
}


/**
 * Mentions of concepts, and of the member items of compound concepts. A member's mention is stored
 * under its compound (`conceptId`) with the member's id in `memberOf`; the compound's own mentions
 * (its name, or an enumeration of its items) have `memberOf` null. With them, the document's counts per
 * concept and item (ConceptDocumentCount), which replace its earlier ones: the concept page and the
 * catalogue's concept facet read those, one row per document, rather than group every mention.
 */
async function writeMentions(tx: DatabaseTransaction, document: { id: string }, mentions: readonly ConceptMention[]): Promise<void> {
  // Its earlier counts (none when the dictionary was rewritten: they went with the concepts) and its new ones
  // move the concepts' document totals.
  const before = await readDocumentConcepts(tx, document.id);
  const counts = countConceptMentions(mentions);
  await tx.conceptDocumentCount.deleteMany({ where: { documentId: document.id } });
  await tx.conceptDocumentCount.createMany({ data: counts.map((count) => ({ ...count, documentId: document.id })) });
  await updateConceptDocumentTotals(tx, before, counts.map((count) => count.conceptId));
  await insertRows(
    "ConceptMention",
    { id: "text", conceptId: "text", documentId: "text", blockKind: { enum: "BlockKind" }, blockAnchor: "text", start: "int", end: "int", variant: "text", memberOf: "text" },
    mentions.map((mention) => ({
      id: randomUUID(),
      conceptId: mention.memberOf ?? mention.conceptId,
      memberOf: mention.memberOf ? mention.conceptId : null,
      documentId: document.id,
      blockKind: mention.blockKind,
      blockAnchor: mention.blockAnchor,
      start: mention.start,
      end: mention.end,
      variant: mention.variant,
    })),
    tx,
  );
}

/**
 * A new dictionary changes every document's mentions (and so the concept overlap read from them): the one
 * corpus-wide pass left, and only when the dictionary changed; one document at a time.
 */
async function rebuildConceptDerivations(tx: DatabaseTransaction, dictionary: ConceptDictionary): Promise<void> {
  const documents = await tx.document.findMany({ orderBy: { slug: "asc" }, select: { id: true } });
  for (const { id } of documents) await writeMentions(tx, { id }, findMentions((await readDocument(tx, id)).blocks, dictionary));
}
