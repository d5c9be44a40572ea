import "server-only";
import { randomUUID } from "node:crypto";
import { findSharedSources, groupSources, type SourceRecord } from "@/lib/citations/group-sources";
import type { ConceptDictionary } from "@/lib/concepts/concept-dictionary";
import { loadConceptDictionary } from "@/lib/concepts/load-concept-dictionary";
import { findConceptOverlap } from "@/lib/derivations/find-concept-overlap";
import { type ConceptMention, findMentions, type MentionBlock } from "@/lib/derivations/find-mentions";
import { findSharedPassages } from "@/lib/derivations/find-shared-passages";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Citation } from "@/lib/model/document-model";
import { citationOf, citationSelect } from "./citation-columns";
import type { DatabaseTransaction } from "./prisma-client";

/**
 * Recomputes what is derived from the whole corpus — concepts and their mentions, sources, and the
 * links between documents (shared sources, shared passages, concept overlap) — inside the loading
 * transaction, so that derivations are never out of step with the documents they come from.
 */
export async function rebuildCorpusDerivations(
  tx: DatabaseTransaction,
  { dictionary = loadConceptDictionary() }: { dictionary?: ConceptDictionary } = {},
): Promise<void> {
  const documents = await readCorpus(tx);
  await writeConcepts(tx, dictionary);
  const mentionsByDocument = await writeMentions(tx, documents, dictionary);
  const sources = await writeSources(tx, documents);
  await writeLinks(tx, documents, mentionsByDocument, sources);
}

interface CorpusDocument {
  id: string;
  slug: string;
  blocks: MentionBlock[];
  footnotes: { anchor: string; citations: (Citation & { id: string })[] }[];
  /** Which body block calls each note (a note may be called once). */
  markerBlock: Map<string, { kind: "heading" | "paragraph"; anchor: string; offset: number }>;
}

async function readCorpus(tx: DatabaseTransaction): Promise<CorpusDocument[]> {
  const rows = await tx.document.findMany({
    orderBy: { slug: "asc" },
    select: {
      id: true,
      slug: true,
      headings: { orderBy: { ordinal: "asc" }, select: { anchor: true, text: true } },
      paragraphs: { orderBy: { ordinal: "asc" }, select: { anchor: true, text: true } },
      footnotes: {
        orderBy: { ordinal: "asc" },
        select: {
          anchor: true,
          text: true,
          citations: {
            orderBy: { ordinal: "asc" },
            select: { id: true, ...citationSelect },
          },
        },
      },
      markers: { select: { blockKind: true, blockAnchor: true, offset: true, footnote: { select: { anchor: true } } } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    blocks: [
      ...row.headings.map((h) => ({ kind: "heading" as const, anchor: h.anchor, text: h.text })),
      ...row.paragraphs.map((p) => ({ kind: "paragraph" as const, anchor: p.anchor, text: p.text })),
      ...row.footnotes.filter((n) => n.text !== "").map((n) => ({ kind: "footnote" as const, anchor: n.anchor, text: n.text })),
    ],
    footnotes: row.footnotes.map((note) => ({
      anchor: note.anchor,
      citations: note.citations.map((citation) => ({ id: citation.id, ...citationOf(citation) })),
    })),
    markerBlock: new Map(
      row.markers
        .filter((m) => m.blockKind !== "footnote")
        .map((m) => [m.footnote.anchor, { kind: m.blockKind as "heading" | "paragraph", anchor: m.blockAnchor, offset: m.offset }]),
    ),
  }));
}

/**
 * The dictionary's concepts, rewritten only when the dictionary changed: rewriting drops every mention
 * (they reference the concepts), which are then recomputed for every document.
 */
async function writeConcepts(tx: DatabaseTransaction, dictionary: ConceptDictionary): Promise<void> {
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
  if (JSON.stringify(stored) === JSON.stringify(rows)) return;
  await tx.conceptMention.deleteMany({});
  await tx.concept.deleteMany({});
  await tx.concept.createMany({ data: rows });
}

/**
 * Mentions of concepts, and of the member items of compound concepts. A member's mention is stored
 * under its compound (`conceptId`) with the member's id in `memberOf`; the compound's own mentions
 * (its name, or an enumeration of its items) have `memberOf` null.
 */
async function writeMentions(
  tx: DatabaseTransaction,
  documents: CorpusDocument[],
  dictionary: ConceptDictionary,
): Promise<Map<string, ConceptMention[]>> {
  const byDocument = new Map<string, ConceptMention[]>();
  // Mentions depend on a document and the dictionary only: rows survive unless either changed (the
  // loader deletes a replaced document's mentions; a new dictionary deletes them all).
  const stored = new Set(
    (await tx.conceptMention.groupBy({ by: ["documentId"], _count: { _all: true } })).map((row) => row.documentId),
  );
  for (const document of documents) {
    const mentions = findMentions(document.blocks, dictionary);
    byDocument.set(document.id, mentions);
    if (stored.has(document.id)) continue;
    await tx.conceptMention.createMany({
      data: mentions.map((mention) => ({
        conceptId: mention.memberOf ?? mention.conceptId,
        memberOf: mention.memberOf ? mention.conceptId : null,
        documentId: document.id,
        blockKind: mention.blockKind,
        blockAnchor: mention.blockAnchor,
        start: mention.start,
        end: mention.end,
        variant: mention.variant,
      })),
    });
  }
  return byDocument;
}

async function writeSources(tx: DatabaseTransaction, documents: CorpusDocument[]): Promise<SourceRecord[]> {
  await tx.citation.updateMany({ data: { sourceId: null } });
  await tx.source.deleteMany({});
  const sources = groupSources(documents.map((d) => ({ slug: d.slug, footnotes: d.footnotes })));
  const citationId = new Map(
    documents.flatMap((d) => d.footnotes.flatMap((n) => n.citations.map((c) => [`${d.slug}\u0000${c.anchor}`, c.id] as const))),
  );
  const sourceIds = sources.map(() => randomUUID());
  await tx.source.createMany({
    data: sources.map((source, index) => ({
      id: sourceIds[index]!,
      key: source.key,
      title: source.title,
      authors: source.authors,
      type: source.type,
      date: source.date,
      container: source.container,
      urls: source.urls,
      confidence: source.confidence,
      evidence: { merges: source.evidence, versions: source.versions, issue: source.issue, pages: source.pages } as unknown as Prisma.InputJsonValue,
    })),
  });
  const pairs = sources.flatMap((source, index) =>
    source.citations.flatMap((ref) => {
      const id = citationId.get(`${ref.documentSlug}\u0000${ref.citationAnchor}`);
      return id ? [[id, sourceIds[index]!] as const] : [];
    }),
  );
  // One statement for every citation, rather than a round trip per source.
  await tx.$executeRaw`
    update "Citation" as c set "sourceId" = v.source_id
    from unnest(${pairs.map((p) => p[0])}::text[], ${pairs.map((p) => p[1])}::text[]) as v(citation_id, source_id)
    where c.id = v.citation_id`;
  return sources;
}

async function writeLinks(
  tx: DatabaseTransaction,
  documents: CorpusDocument[],
  mentionsByDocument: Map<string, ConceptMention[]>,
  sources: SourceRecord[],
): Promise<void> {
  await tx.passageLink.deleteMany({});
  const bySlug = new Map(documents.map((d) => [d.slug, d]));
  const shared = findSharedSources(sources);
  for (const [i, left] of documents.entries()) {
    for (const right of documents.slice(i + 1)) {
      const rows: Prisma.PassageLinkCreateManyInput[] = [];

      // (1) Shared sources: the passages whose notes cite the same work.
      for (const source of shared) {
        const leftRefs = source.citations.filter((ref) => ref.documentSlug === left.slug);
        const rightRefs = source.citations.filter((ref) => ref.documentSlug === right.slug);
        for (const l of leftRefs) {
          for (const r of rightRefs) {
            const lBlock = bySlug.get(l.documentSlug)?.markerBlock.get(l.footnoteAnchor);
            const rBlock = bySlug.get(r.documentSlug)?.markerBlock.get(r.footnoteAnchor);
            if (!lBlock || !rBlock) continue;
            rows.push({
              kind: "shared_source",
              leftDocumentId: left.id,
              leftKind: lBlock.kind,
              leftAnchor: lBlock.anchor,
              leftStart: lBlock.offset,
              leftEnd: lBlock.offset,
              rightDocumentId: right.id,
              rightKind: rBlock.kind,
              rightAnchor: rBlock.anchor,
              rightStart: rBlock.offset,
              rightEnd: rBlock.offset,
              confidence: source.confidence,
              evidence: {
                sourceKey: source.key,
                title: source.title,
                type: source.type,
                leftNote: l.footnoteAnchor,
                rightNote: r.footnoteAnchor,
                leftCitation: l.citationAnchor,
                rightCitation: r.citationAnchor,
                match: source.evidence,
              } as unknown as Prisma.InputJsonValue,
            });
          }
        }
      }

      // (2) Shared passages: the same words (12+ Han characters) in both.
      for (const passage of findSharedPassages({ slug: left.slug, blocks: left.blocks }, { slug: right.slug, blocks: right.blocks })) {
        rows.push({
          kind: "shared_passage",
          leftDocumentId: left.id,
          leftKind: passage.a.blockKind,
          leftAnchor: passage.a.blockAnchor,
          leftStart: passage.a.start,
          leftEnd: passage.a.end,
          rightDocumentId: right.id,
          rightKind: passage.b.blockKind,
          rightAnchor: passage.b.blockAnchor,
          rightStart: passage.b.start,
          rightEnd: passage.b.end,
          confidence: 1,
          evidence: { leftText: passage.a.text, rightText: passage.b.text, hanChars: passage.hanChars },
        });
      }

      // (3) Concept overlap: paragraph pairs that treat the same concepts.
      const alignments = findConceptOverlap(mentionsByDocument.get(left.id) ?? [], mentionsByDocument.get(right.id) ?? []);
      for (const alignment of alignments) {
        rows.push({
          kind: "concept_overlap",
          leftDocumentId: left.id,
          leftKind: "paragraph",
          leftAnchor: alignment.a,
          rightDocumentId: right.id,
          rightKind: "paragraph",
          rightAnchor: alignment.b,
          confidence: Math.min(1, alignment.score),
          evidence: { concepts: alignment.shared, score: alignment.score, rankInLeft: alignment.rankInA, rankInRight: alignment.rankInB },
        });
      }
      if (rows.length > 0) await tx.passageLink.createMany({ data: rows });
    }
  }
}
