import "server-only";
import { createHash } from "node:crypto";
import { findConceptOverlap, MIN_SHARED_CONCEPTS, type OverlapMention } from "@/lib/derivations/find-concept-overlap";
import type { MentionBlock, MentionBlockKind } from "@/lib/derivations/find-mentions";
import { findSharedPassages } from "@/lib/derivations/find-shared-passages";
import { type CitingPlace, type LinkedSource, pairSharedSources } from "@/lib/derivations/pair-shared-sources";
import { blocksSharingFingerprints, fingerprintText } from "@/lib/derivations/passage-fingerprints";
import { getDatabase, type Database } from "./prisma-client";

export const LINK_KINDS = ["shared_source", "shared_passage", "concept_overlap"] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export interface LinkEnd {
  blockKind: "heading" | "paragraph" | "footnote";
  anchor: string;
  start: number | null;
  end: number | null;
}

export interface PassageLinkView {
  /** Made from the link's kind and ends: the same whichever side it is seen from, and across requests. */
  id: string;
  kind: LinkKind;
  left: LinkEnd;
  right: LinkEnd;
  confidence: number;
  /** Left/right-named fields (leftText, rightNote, rankInLeft…) name the sides as asked. */
  evidence: unknown;
  /**
   * Shared passages only: how many documents of the corpus hold these words, the two included (at most:
   * the documents with a block holding every fingerprint of the passage). A stock phrase that occurs
   * everywhere shows here as a large number, and is listed after the passages only these two share.
   */
  corpusDocuments?: number;
}

export interface PassageLinks {
  left: { slug: string; title: string };
  right: { slug: string; title: string };
  counts: Record<LinkKind, number>;
  links: PassageLinkView[];
}

export type PassageLinksResult = PassageLinks | { missing: string[] };

type PairDocument = { id: string; slug: string };
type StoredOrientationLink = Omit<PassageLinkView, "id">;

const KIND_RANK: Record<LinkKind, number> = { shared_source: 0, shared_passage: 1, concept_overlap: 2 };

/**
 * The links between two documents, seen from `left` to `right`: shared sources, shared passages and concept
 * overlap, derived when asked from what each document contributes on its own (its citations' sources, its
 * passage-index fingerprints, its concept mentions). No pair of documents is stored (issue 15: pair rows
 * grew with the square of the corpus, 560,000 at 300 essays). The links are worked out with the document
 * whose slug sorts first on the left, as they were stored before, and flipped, evidence included, when
 * asked the other way round: both orders of asking give the same links mirrored. Ordered by kind (shared
 * sources, shared passages, concept overlap), confidence, then shared passages held by fewer documents
 * first (stock phrases last). Returns the unknown slugs when a document does not exist.
 */
export async function listPassageLinks(
  query: { left: string; right: string; kind?: LinkKind },
  db: Database = getDatabase(),
): Promise<PassageLinksResult> {
  const documents = await db.document.findMany({
    where: { slug: { in: [query.left, query.right] } },
    select: { id: true, slug: true, title: true },
  });
  const left = documents.find((d) => d.slug === query.left);
  const right = documents.find((d) => d.slug === query.right);
  if (!left || !right) return { missing: [query.left, query.right].filter((slug) => !documents.some((d) => d.slug === slug)) };

  const flipped = right.slug < left.slug;
  const [first, second] = flipped ? [right, left] : [left, right];
  const wanted = (kind: LinkKind) => query.kind === undefined || query.kind === kind;
  const [sources, passages, concepts] = await Promise.all([
    wanted("shared_source") ? deriveSharedSources(first, second, db) : [],
    wanted("shared_passage") ? deriveSharedPassages(first, second, db) : [],
    wanted("concept_overlap") ? deriveConceptOverlap(first, second, db) : [],
  ]);
  const links = [...sources, ...passages, ...concepts]
    .map((link, order) => ({ link, order }))
    .sort(
      (x, y) =>
        KIND_RANK[x.link.kind] - KIND_RANK[y.link.kind] ||
        y.link.confidence - x.link.confidence ||
        (x.link.corpusDocuments ?? 0) - (y.link.corpusDocuments ?? 0) ||
        x.order - y.order,
    )
    .map(({ link }) => {
      const stored: PassageLinkView = { id: linkId(link), ...link };
      return flipped ? flipLink(stored) : stored;
    });
  const counts = Object.fromEntries(LINK_KINDS.map((kind) => [kind, links.filter((l) => l.kind === kind).length])) as Record<LinkKind, number>;
  return { left: { slug: left.slug, title: left.title }, right: { slug: right.slug, title: right.title }, counts, links };
}

/** A hash of the link's kind and its two ends (the citations too, for a shared source: one note may cite a work twice). */
function linkId(link: StoredOrientationLink): string {
  const end = (side: LinkEnd) => `${side.blockKind}#${side.anchor}:${side.start ?? ""}-${side.end ?? ""}`;
  const evidence = link.evidence as { leftCitation?: unknown; rightCitation?: unknown } | null;
  const citations = link.kind === "shared_source" ? `\n${String(evidence?.leftCitation)}\n${String(evidence?.rightCitation)}` : "";
  return createHash("sha256").update(`${link.kind}\n${end(link.left)}\n${end(link.right)}${citations}`).digest("hex").slice(0, 16);
}

/** Every citation of either document that belongs to a source, with where its note is called in the text. */
async function deriveSharedSources(left: PairDocument, right: PairDocument, db: Database): Promise<StoredOrientationLink[]> {
  const rows = await db.citation.findMany({
    where: { documentId: { in: [left.id, right.id] }, sourceId: { not: null } },
    select: {
      documentId: true,
      anchor: true,
      ordinal: true,
      sourceId: true,
      footnote: {
        select: {
          anchor: true,
          ordinal: true,
          markers: {
            where: { blockKind: { not: "footnote" } },
            orderBy: [{ offset: "asc" }, { blockAnchor: "asc" }],
            select: { blockKind: true, blockAnchor: true, offset: true },
          },
        },
      },
    },
  });
  const places = (documentId: string): CitingPlace[] =>
    rows
      .filter((row) => row.documentId === documentId)
      .map((row) => ({
        sourceId: row.sourceId!,
        footnoteAnchor: row.footnote.anchor,
        citationAnchor: row.anchor,
        footnoteOrdinal: row.footnote.ordinal,
        citationOrdinal: row.ordinal,
        // A note called from two places (rare: none in the corpus essays) links from one of them, the
        // same every time; no column records the markers' order in the text.
        marker: row.footnote.markers[0] ?? null,
      }));
  const own = places(left.id);
  const theirs = new Set(places(right.id).map((place) => place.sourceId));
  const shared = [...new Set(own.map((place) => place.sourceId))].filter((id) => theirs.has(id));
  if (shared.length === 0) return [];
  const sourceRows = await db.source.findMany({
    where: { id: { in: shared } },
    select: { id: true, key: true, title: true, type: true, confidence: true, evidence: true },
  });
  const sources = new Map<string, LinkedSource>(
    sourceRows.map((source) => [
      source.id,
      { key: source.key, title: source.title, type: source.type, confidence: source.confidence, merges: (source.evidence as { merges?: unknown } | null)?.merges },
    ]),
  );
  return pairSharedSources(own, places(right.id), sources).map((link) => ({ kind: "shared_source" as const, ...link }));
}

/**
 * The passages two documents share word for word: the blocks of each that share a passage-index
 * fingerprint with the other are read and aligned (findSharedPassages), which finds exactly what aligning
 * the whole documents finds. Each passage also says how many documents of the corpus hold it
 * (`corpusDocuments`, through the GIN index over the fingerprints).
 */
async function deriveSharedPassages(left: PairDocument, right: PairDocument, db: Database): Promise<StoredOrientationLink[]> {
  const prints = await db.passageFingerprint.findMany({
    where: { documentId: { in: [left.id, right.id] } },
    select: { documentId: true, blockKind: true, blockAnchor: true, fingerprints: true },
  });
  const of = (id: string) => prints.filter((p) => p.documentId === id).map(({ blockKind, blockAnchor, fingerprints }) => ({ blockKind, blockAnchor, fingerprints }));
  const candidates = blocksSharingFingerprints(of(left.id), of(right.id));
  if (candidates.a.length === 0 || candidates.b.length === 0) return [];
  const [leftBlocks, rightBlocks] = await Promise.all([
    readBlocks(left.id, candidates.a.map((block) => block.blockAnchor), db),
    readBlocks(right.id, candidates.b.map((block) => block.blockAnchor), db),
  ]);
  const passages = findSharedPassages({ slug: left.slug, blocks: leftBlocks }, { slug: right.slug, blocks: rightBlocks });
  const holding = await countDocumentsHolding(
    passages.map((passage) => passage.a.text),
    db,
  );
  return passages.map((passage, index) => ({
    kind: "shared_passage" as const,
    left: { blockKind: passage.a.blockKind, anchor: passage.a.blockAnchor, start: passage.a.start, end: passage.a.end },
    right: { blockKind: passage.b.blockKind, anchor: passage.b.blockAnchor, start: passage.b.start, end: passage.b.end },
    confidence: 1,
    evidence: { leftText: passage.a.text, rightText: passage.b.text, hanChars: passage.hanChars },
    corpusDocuments: holding[index]!,
  }));
}

const KIND_ORDER: Record<MentionBlockKind, number> = { heading: 0, paragraph: 1, footnote: 2 };

/** These blocks of a document, headings, paragraphs, then notes, each in reading order (as the derivations list them). */
async function readBlocks(documentId: string, anchors: readonly string[], db: Database): Promise<MentionBlock[]> {
  const where = { documentId, anchor: { in: [...anchors] } };
  const select = { anchor: true, text: true, ordinal: true } as const;
  const [headings, paragraphs, footnotes] = await Promise.all([
    db.heading.findMany({ where, select }),
    db.paragraph.findMany({ where, select }),
    db.footnote.findMany({ where, select }),
  ]);
  return [
    ...headings.map((block) => ({ ...block, kind: "heading" as const })),
    ...paragraphs.map((block) => ({ ...block, kind: "paragraph" as const })),
    ...footnotes.filter((block) => block.text !== "").map((block) => ({ ...block, kind: "footnote" as const })),
  ]
    .sort((x, y) => KIND_ORDER[x.kind] - KIND_ORDER[y.kind] || x.ordinal - y.ordinal)
    .map((block) => ({ kind: block.kind, anchor: block.anchor, text: block.text }));
}

/**
 * For each text, the documents with a block holding every one of its fingerprints: an upper bound of the
 * documents quoting it (a block could hold the fingerprints apart), exact for the quotations that matter.
 * One query through the GIN index, each distinct text looked up once.
 */
export async function countDocumentsHolding(texts: readonly string[], db: Database): Promise<number[]> {
  if (texts.length === 0) return [];
  const keys = texts.map((text) => fingerprintText(text));
  const distinct = [...new Map(keys.map((prints) => [prints.join(","), prints])).values()];
  // One plain statement: each text's containment is a subplan run per text with its fingerprints as a
  // parameter, which the planner answers through the GIN index (a sequential scan would compare every row's
  // array); no interactive transaction setting enable_seqscan off for it, which waited on a round trip per
  // statement.
  const rows = await db.$queryRaw<{ key: string; documents: number }[]>`
    select q.key, (select count(distinct f."documentId") from "PassageFingerprint" f where f.fingerprints @> q.prints)::int as documents
    from jsonb_to_recordset(${JSON.stringify(distinct.map((prints) => ({ key: prints.join(","), prints })))}::jsonb) as q(key text, prints int[])`;
  const count = new Map(rows.map((row) => [row.key, row.documents]));
  return keys.map((prints) => count.get(prints.join(",")) ?? 0);
}

/** Paragraphs of the two documents that treat the same concepts, from their concept mentions (findConceptOverlap). */
async function deriveConceptOverlap(left: PairDocument, right: PairDocument, db: Database): Promise<StoredOrientationLink[]> {
  // In reading order (as findMentions lists them): the alignment breaks ties by it.
  const rows = await db.$queryRaw<{ documentId: string; conceptId: string; memberOf: string | null; blockAnchor: string }[]>`
    select m."documentId", m."conceptId", m."memberOf", m."blockAnchor" from "ConceptMention" m
      join "Paragraph" p on p."documentId" = m."documentId" and p.anchor = m."blockAnchor"
    where m."documentId" = any(${[left.id, right.id]}::text[]) and m."blockKind" = 'paragraph'
    order by m."documentId", p.ordinal, m.start, m."end" desc, coalesce(m."memberOf", m."conceptId")`;
  // Stored rows keep a member's mention under its compound (conceptId) with the member in memberOf.
  const mentions = (id: string): OverlapMention[] =>
    rows.filter((row) => row.documentId === id).map((row) => ({ conceptId: row.memberOf ?? row.conceptId, blockAnchor: row.blockAnchor, blockKind: "paragraph" }));
  return findConceptOverlap(mentions(left.id), mentions(right.id)).map((alignment) => ({
    kind: "concept_overlap" as const,
    left: { blockKind: "paragraph" as const, anchor: alignment.a, start: null, end: null },
    right: { blockKind: "paragraph" as const, anchor: alignment.b, start: null, end: null },
    confidence: Math.min(1, alignment.score),
    evidence: { concepts: alignment.shared, score: alignment.score, rankInLeft: alignment.rankInA, rankInRight: alignment.rankInB },
  }));
}

/** The same link seen from the other document. */
export function flipLink(link: PassageLinkView): PassageLinkView {
  return { ...link, left: link.right, right: link.left, evidence: flipEvidence(link.evidence) };
}

/**
 * Evidence names its sides in its keys (leftText, rightNote, rankInLeft…); a flipped link must say the
 * same thing about the same passages, so those keys trade places. Values are left alone.
 */
export function flipEvidence(evidence: unknown): unknown {
  if (typeof evidence !== "object" || evidence === null || Array.isArray(evidence)) return evidence;
  return Object.fromEntries(Object.entries(evidence).map(([key, value]) => [swapSide(key), value]));
}

function swapSide(key: string): string {
  return key.replace(/^(left|right)(?=[A-Z]|$)|(Left|Right)(?=[A-Z]|$)/u, (side: string) => SIDE_SWAP[side] ?? side);
}

const SIDE_SWAP: Record<string, string> = { left: "right", right: "left", Left: "Right", Right: "Left" };

/**
 * The documents that may have links with this one, among all the corpus: those citing a work it cites,
 * holding a passage-index fingerprint it holds, or mentioning in their paragraphs at least
 * MIN_SHARED_CONCEPTS of the concepts its paragraphs mention (what concept overlap needs). Every document
 * listPassageLinks finds a link with is among them; for listing all of a document's links without asking
 * every document of the corpus. Slugs, in no order.
 */
export async function listLinkCandidates(slug: string, db: Database = getDatabase()): Promise<string[]> {
  const rows = await db.$transaction(async (tx) => {
    await tx.$executeRaw`set local enable_seqscan = off`;
    return tx.$queryRaw<{ slug: string }[]>`
      with me as (select id from "Document" where slug = ${slug}),
      by_source as (
        select distinct o."documentId" from "Citation" c join "Citation" o on o."sourceId" = c."sourceId"
        where c."documentId" = (select id from me) and o."documentId" <> c."documentId"),
      by_passage as (
        select distinct o."documentId" from "PassageFingerprint" p join "PassageFingerprint" o on o.fingerprints && p.fingerprints
        where p."documentId" = (select id from me) and o."documentId" <> p."documentId"),
      my_concepts as (
        select distinct coalesce(m."memberOf", m."conceptId") as concept, m."conceptId" from "ConceptMention" m
        where m."documentId" = (select id from me) and m."blockKind" = 'paragraph'),
      by_concept as (
        select m."documentId" from "ConceptMention" m join my_concepts c on c."conceptId" = m."conceptId" and c.concept = coalesce(m."memberOf", m."conceptId")
        where m."blockKind" = 'paragraph' and m."documentId" <> (select id from me)
        group by m."documentId" having count(distinct coalesce(m."memberOf", m."conceptId")) >= ${MIN_SHARED_CONCEPTS})
      select d.slug from "Document" d where d.id in (select "documentId" from by_source union select "documentId" from by_passage union select "documentId" from by_concept)`;
  });
  return rows.map((row) => row.slug);
}
