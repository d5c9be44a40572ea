import "server-only";
import { z } from "zod";
import { type ConceptMemberSummary, readMembers } from "./list-concepts";
import { getDatabase, type Database } from "./prisma-client";
import { type PlacedBlockKind, readDocumentSections } from "./read-document-sections";

/** Characters of context either side of a keyword in the concordance. */
export const CONCORDANCE_CONTEXT = 25;

export interface ConceptRef {
  id: string;
  labelZh: string;
  labelEn: string;
}

export type DefinitionSource =
  | {
      kind: "corpus";
      documentFile: string;
      quote: string;
      /** Where the quote stands now; null when its document is not loaded or the words are not found. */
      location: QuoteLocation | null;
    }
  | { kind: "outside"; citation: string };

/** A passage of the body (deep-linkable), or the abstract, which is not a block of its own. */
export type QuoteLocation =
  | { part: "block"; slug: string; title: string; blockKind: PlacedBlockKind; anchor: string; start: number; end: number }
  | { part: "abstract"; slug: string; title: string };

export interface ConcordanceLine {
  mentionId: string;
  documentSlug: string;
  documentTitle: string;
  blockKind: PlacedBlockKind;
  anchor: string;
  start: number;
  end: number;
  variant: string;
  /** The member item this line mentions (compound concepts), or null for the concept itself. */
  member: { id: string; labelZh: string } | null;
  left: string;
  keyword: string;
  right: string;
  place: { sectionLabel: string; label: string; line: number; /** 0–1 through the document. */ fraction: number };
}

export interface ConceptDetail {
  /** A concept of the dictionary, or a member item of a compound concept (which has no row of its own). */
  kind: "concept" | "member";
  id: string;
  labelZh: string;
  labelEn: string;
  variants: string[];
  definition: { zh: string; en: string; source: DefinitionSource } | null;
  broader: ConceptRef[];
  narrower: ConceptRef[];
  related: ConceptRef[];
  /** The compound a member item belongs to. */
  compound: ConceptRef | null;
  members: (ConceptMemberSummary & { counts: { slug: string; mentions: number }[]; total: number })[];
  documents: { slug: string; title: string; mentions: number; memberMentions: number }[];
  /** Every mention, in corpus order: document, then reading order, then offset. */
  mentions: ConcordanceLine[];
}

/** A concept (or member item) with its definition, links, members and every mention in context; null when unknown. */
export async function getConcept(id: string, db: Database = getDatabase()): Promise<ConceptDetail | null> {
  const concept = await db.concept.findUnique({
    where: { id },
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
    },
  });
  if (concept) return describeConcept(db, concept);
  return describeMember(db, id);
}

type ConceptRow = {
  id: string;
  labelZh: string;
  labelEn: string;
  variants: string[];
  definitionZh: string;
  definitionEn: string;
  definitionSource: unknown;
  broader: string[];
  narrower: string[];
  related: string[];
  members: unknown;
};

async function describeConcept(db: Database, concept: ConceptRow): Promise<ConceptDetail> {
  const linked = [...new Set([...concept.broader, ...concept.narrower, ...concept.related])];
  const [refs, rows, source] = await Promise.all([
    db.concept.findMany({ where: { id: { in: linked } }, select: { id: true, labelZh: true, labelEn: true } }),
    db.conceptMention.findMany({ where: { conceptId: concept.id }, select: mentionSelect }),
    readDefinitionSource(db, concept.definitionSource),
  ]);
  const refById = new Map(refs.map((ref) => [ref.id, ref]));
  const toRefs = (ids: string[]) => ids.flatMap((linkedId) => refById.get(linkedId) ?? []);
  const members = readMembers(concept.members);
  const { lines, corpus } = await concordance(db, rows, new Map(members.map((m) => [m.id, m.label.zh])));
  const documents = documentCounts(corpus, lines);
  return {
    kind: "concept",
    id: concept.id,
    labelZh: concept.labelZh,
    labelEn: concept.labelEn,
    variants: concept.variants,
    definition: { zh: concept.definitionZh, en: concept.definitionEn, source },
    broader: toRefs(concept.broader),
    narrower: toRefs(concept.narrower),
    related: toRefs(concept.related),
    compound: null,
    members: members.map((member) => {
      const counts = documents.map((d) => ({ slug: d.slug, mentions: lines.filter((l) => l.documentSlug === d.slug && l.member?.id === member.id).length }));
      return { ...member, counts, total: counts.reduce((sum, c) => sum + c.mentions, 0) };
    }),
    documents,
    mentions: lines,
  };
}

async function describeMember(db: Database, id: string): Promise<ConceptDetail | null> {
  // Member ids are unique across the dictionary (its schema checks), so at most one compound matches.
  const compounds = await db.concept.findMany({
    where: { members: { array_contains: [{ id }] } },
    select: { id: true, labelZh: true, labelEn: true, members: true },
    take: 1,
  });
  const compound = compounds[0];
  const member = compound ? readMembers(compound.members).find((m) => m.id === id) : undefined;
  if (!compound || !member) return null;
  const rows = await db.conceptMention.findMany({ where: { conceptId: compound.id, memberOf: id }, select: mentionSelect });
  const { lines, corpus } = await concordance(db, rows, new Map([[member.id, member.label.zh]]));
  return {
    kind: "member",
    id: member.id,
    labelZh: member.label.zh,
    labelEn: member.label.en,
    variants: member.variants,
    definition: null,
    broader: [],
    narrower: [],
    related: [],
    compound: { id: compound.id, labelZh: compound.labelZh, labelEn: compound.labelEn },
    members: [],
    documents: documentCounts(corpus, lines),
    mentions: lines,
  };
}

const mentionSelect = {
  id: true,
  documentId: true,
  blockKind: true,
  blockAnchor: true,
  start: true,
  end: true,
  variant: true,
  memberOf: true,
} as const;

interface MentionRow {
  id: string;
  documentId: string;
  blockKind: PlacedBlockKind;
  blockAnchor: string;
  start: number;
  end: number;
  variant: string;
  memberOf: string | null;
}

/** Per document of the corpus (every one, mentioned or not): the concept's own and its members' mentions. */
function documentCounts(corpus: { slug: string; title: string }[], lines: ConcordanceLine[]): ConceptDetail["documents"] {
  return corpus.map((d) => ({
    slug: d.slug,
    title: d.title,
    mentions: lines.filter((l) => l.documentSlug === d.slug && l.member === null).length,
    memberMentions: lines.filter((l) => l.documentSlug === d.slug && l.member !== null).length,
  }));
}

async function concordance(
  db: Database,
  rows: MentionRow[],
  memberLabels: Map<string, string>,
): Promise<{ lines: ConcordanceLine[]; corpus: { slug: string; title: string }[] }> {
  const [documents, texts] = await Promise.all([readDocumentSections(db), readBlockTexts(db, rows)]);
  const lines: (ConcordanceLine & { documentIndex: number })[] = [];
  for (const row of rows) {
    const documentIndex = documents.findIndex((d) => d.id === row.documentId);
    const document = documents[documentIndex];
    const text = texts.get(`${row.documentId}\u0000${row.blockKind}\u0000${row.blockAnchor}`);
    const place = document?.place(row.blockKind, row.blockAnchor);
    if (!document || text === undefined || !place) continue;
    const section = document.sections.find((s) => s.key === place.sectionKey);
    lines.push({
      documentIndex,
      mentionId: row.id,
      documentSlug: document.slug,
      documentTitle: document.title,
      blockKind: row.blockKind,
      anchor: row.blockAnchor,
      start: row.start,
      end: row.end,
      variant: row.variant,
      member: row.memberOf === null ? null : { id: row.memberOf, labelZh: memberLabels.get(row.memberOf) ?? row.memberOf },
      ...keywordInContext(text, row.start, row.end, CONCORDANCE_CONTEXT),
      place: { sectionLabel: section?.label ?? "", label: place.label, line: place.line, fraction: Math.min(1, place.line / document.lastLine) },
    });
  }
  // A note shares its caller's line: the body comes before the notes it calls.
  lines.sort(
    (a, b) =>
      a.documentIndex - b.documentIndex ||
      a.place.line - b.place.line ||
      KIND_ORDER[a.blockKind] - KIND_ORDER[b.blockKind] ||
      a.anchor.localeCompare(b.anchor) ||
      a.start - b.start,
  );
  return {
    lines: lines.map(({ documentIndex: _documentIndex, ...line }) => line),
    corpus: documents.map(({ slug, title }) => ({ slug, title })),
  };
}

const KIND_ORDER: Record<PlacedBlockKind, number> = { heading: 0, paragraph: 1, footnote: 2 };

async function readBlockTexts(db: Database, rows: MentionRow[]): Promise<Map<string, string>> {
  const wanted = (kind: PlacedBlockKind) => {
    const pairs = rows.filter((r) => r.blockKind === kind).map((r) => ({ documentId: r.documentId, anchor: r.blockAnchor }));
    const unique = new Map(pairs.map((p) => [`${p.documentId}\u0000${p.anchor}`, p]));
    return [...unique.values()];
  };
  const select = { documentId: true, anchor: true, text: true } as const;
  const [headings, paragraphs, footnotes] = await Promise.all([
    db.heading.findMany({ where: { OR: orEmpty(wanted("heading")) }, select }),
    db.paragraph.findMany({ where: { OR: orEmpty(wanted("paragraph")) }, select }),
    db.footnote.findMany({ where: { OR: orEmpty(wanted("footnote")) }, select }),
  ]);
  const texts = new Map<string, string>();
  for (const [kind, blocks] of [["heading", headings], ["paragraph", paragraphs], ["footnote", footnotes]] as const)
    for (const block of blocks) texts.set(`${block.documentId}\u0000${kind}\u0000${block.anchor}`, block.text);
  return texts;
}

/** Prisma treats `OR: []` as "no condition", which would read every block; this never matches instead. */
function orEmpty(pairs: { documentId: string; anchor: string }[]) {
  return pairs.length > 0 ? pairs : [{ documentId: "", anchor: "" }];
}

/**
 * Left context, keyword and right context of text[start, end). Cuts never split a surrogate pair, so a
 * rare CJK extension character at the edge is dropped whole rather than rendered as a broken glyph.
 */
export function keywordInContext(text: string, start: number, end: number, context: number): { left: string; keyword: string; right: string } {
  let from = Math.max(0, start - context);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from += 1;
  let to = Math.min(text.length, end + context);
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to -= 1;
  return { left: text.slice(from, start), keyword: text.slice(start, end), right: text.slice(end, to) };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

// `Concept.definitionSource` is JSON written from the validated dictionary; read defensively, anything but a
// passage of the corpus is an outside citation (empty when it has none).
const corpusDefinitionSchema = z.object({ kind: z.literal("corpus"), documentFile: z.string(), quote: z.string() });
const outsideDefinitionSchema = z.object({ citation: z.string().catch("") }).catch({ citation: "" });

async function readDefinitionSource(db: Database, json: unknown): Promise<DefinitionSource> {
  const corpus = corpusDefinitionSchema.safeParse(json);
  if (!corpus.success) return { kind: "outside", citation: outsideDefinitionSchema.parse(json).citation };
  const { documentFile, quote } = corpus.data;
  const document = await db.document.findFirst({
    where: { OR: [{ sourceFile: documentFile }, { sourceFile: { endsWith: `/${documentFile}` } }] },
    select: {
      slug: true,
      title: true,
      abstract: true,
      headings: { orderBy: { ordinal: "asc" }, select: { anchor: true, text: true } },
      paragraphs: { orderBy: { ordinal: "asc" }, select: { anchor: true, text: true } },
      footnotes: { orderBy: { ordinal: "asc" }, select: { anchor: true, text: true } },
    },
  });
  if (!document) return { kind: "corpus", documentFile, quote, location: null };
  const blocks = [
    ...document.paragraphs.map((b) => ({ kind: "paragraph" as const, ...b })),
    ...document.headings.map((b) => ({ kind: "heading" as const, ...b })),
    ...document.footnotes.map((b) => ({ kind: "footnote" as const, ...b })),
  ];
  for (const block of blocks) {
    const found = findIgnoringWhitespace(block.text, quote);
    if (found)
      return {
        kind: "corpus",
        documentFile,
        quote,
        location: { part: "block", slug: document.slug, title: document.title, blockKind: block.kind, anchor: block.anchor, ...found },
      };
  }
  // Body passages first, because they can be linked to the word; the abstract only when the body lacks the words.
  if (document.abstract && findIgnoringWhitespace(document.abstract, quote))
    return { kind: "corpus", documentFile, quote, location: { part: "abstract", slug: document.slug, title: document.title } };
  return { kind: "corpus", documentFile, quote, location: null };
}

/**
 * Where `quote` occurs in `text` when whitespace is ignored on both sides (the dictionary's rule for
 * corpus quotes), as offsets into the original text.
 */
export function findIgnoringWhitespace(text: string, quote: string): { start: number; end: number } | null {
  const needle = quote.replace(/\s+/gu, "");
  if (needle === "") return null;
  let squashed = "";
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (/\s/u.test(char)) continue;
    squashed += char;
    offsets.push(i);
  }
  const at = squashed.indexOf(needle);
  if (at < 0) return null;
  const start = offsets[at] as number;
  const end = (offsets[at + needle.length - 1] as number) + 1;
  return { start, end };
}
