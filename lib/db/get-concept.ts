import "server-only";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { CONCORDANCE_PAGE_SIZE, CONCORDANCE_SORT_VALUES } from "@/lib/urls/url-grammar";
import { type ConceptMemberSummary, readMembers } from "./list-concepts";
import { getDatabase, type Database } from "./prisma-client";
import { frontSectionLabel, type PlacedBlockKind, sectionLabel } from "./read-document-sections";

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

/** How the concordance is ordered: by place in the corpus (document, then reading order), by position through
 * each document, or by the words left (read backwards from the keyword) or right of it. */
export interface ConcordanceOrder {
  key: (typeof CONCORDANCE_SORT_VALUES)[number];
  order: "asc" | "desc";
}

/** Which page of the concordance to build, in which order. */
export interface ConcordanceRequest extends ConcordanceOrder {
  /** From 1; past the last page, none. */
  page: number;
  pageSize: number;
}

export const FIRST_CONCORDANCE_PAGE: ConcordanceRequest = { key: "document", order: "asc", page: 1, pageSize: CONCORDANCE_PAGE_SIZE };

/**
 * The essays whose counts the concept page tabulates, one column each: those that mention it most. A corpus of
 * a thousand essays would otherwise make a table a thousand columns wide; the concordance lists every mention.
 */
export const COUNTED_DOCUMENTS_SHOWN = 20;

/** Mentions of the concept (or member item) itself, and of its member items, with how many stand in notes. */
export interface ConceptMentionCounts {
  mentions: number;
  memberMentions: number;
  mentionsInNotes: number;
  memberMentionsInNotes: number;
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
  /** Each member item with its mentions in each of `documents`, and in the whole corpus (`total`). */
  members: (ConceptMemberSummary & { counts: { slug: string; mentions: number }[]; total: number })[];
  /** The COUNTED_DOCUMENTS_SHOWN essays that mention it most (then in corpus order), with their counts. */
  documents: ({ slug: string; title: string } & ConceptMentionCounts)[];
  /** How many essays mention it (or its items) at all. */
  documentsMentioning: number;
  /** Its counts over the whole corpus. */
  totals: ConceptMentionCounts;
  /** Every mention's line of the concordance: how many there are. */
  mentionsTotal: number;
  /** The concordance page asked for (getConcept's `concordance` option), in its order; only these lines are built. */
  mentions: ConcordanceLine[];
  concordance: ConcordanceRequest;
}

/**
 * A concept (or member item) with its definition, links, members, counts and one page of its mentions in
 * context; null when unknown. Counts are grouped in SQL, and the concordance is ordered and cut in SQL (by
 * place or position) or over its lines' contexts alone (by left or right words), so only the lines of the
 * page shown are built: the page costs the same whatever the corpus holds, but for the ordering.
 */
export async function getConcept(
  id: string,
  db: Database = getDatabase(),
  { concordance = FIRST_CONCORDANCE_PAGE }: { concordance?: ConcordanceRequest } = {},
): Promise<ConceptDetail | null> {
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
  if (concept) return describeConcept(db, concept, concordance);
  return describeMember(db, id, concordance);
}

/** A concept's (or member item's) Chinese label, for a page title; null when unknown. */
export async function getConceptLabel(id: string, db: Database = getDatabase()): Promise<string | null> {
  const concept = await db.concept.findUnique({ where: { id }, select: { labelZh: true } });
  if (concept) return concept.labelZh;
  const compounds = await db.concept.findMany({ where: { members: { array_contains: [{ id }] } }, select: { members: true }, take: 1 });
  return compounds[0] ? (readMembers(compounds[0].members).find((m) => m.id === id)?.label.zh ?? null) : null;
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

/** The mentions a page lists: a concept's (its own and its items'), or one member item's. */
interface MentionScope {
  conceptId: string;
  /** A member item's id: only its mentions; null: the concept's own and every item's. */
  memberOf: string | null;
}

async function describeConcept(db: Database, concept: ConceptRow, request: ConcordanceRequest): Promise<ConceptDetail> {
  const linked = [...new Set([...concept.broader, ...concept.narrower, ...concept.related])];
  const members = readMembers(concept.members);
  const scope = { conceptId: concept.id, memberOf: null };
  const counted = countMentions(db, scope, "concept", request);
  const [refs, source, counts, page] = await Promise.all([
    db.concept.findMany({ where: { id: { in: linked } }, select: { id: true, labelZh: true, labelEn: true } }),
    readDefinitionSource(db, concept.definitionSource),
    counted,
    concordancePage(db, scope, request, new Map(members.map((m) => [m.id, m.label.zh])), counted),
  ]);
  const refById = new Map(refs.map((ref) => [ref.id, ref]));
  const toRefs = (ids: string[]) => ids.flatMap((linkedId) => refById.get(linkedId) ?? []);
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
      const counted = counts.byMember.get(member.id);
      return {
        ...member,
        counts: counts.documents.map((d) => ({ slug: d.slug, mentions: counted?.bySlug.get(d.slug) ?? 0 })),
        total: counted?.total ?? 0,
      };
    }),
    ...countsAndPage(counts, page, request),
  };
}

async function describeMember(db: Database, id: string, request: ConcordanceRequest): Promise<ConceptDetail | null> {
  // Member ids are unique across the dictionary (its schema checks), so at most one compound matches.
  const compounds = await db.concept.findMany({
    where: { members: { array_contains: [{ id }] } },
    select: { id: true, labelZh: true, labelEn: true, members: true },
    take: 1,
  });
  const compound = compounds[0];
  const member = compound ? readMembers(compound.members).find((m) => m.id === id) : undefined;
  if (!compound || !member) return null;
  const scope = { conceptId: compound.id, memberOf: id };
  const counted = countMentions(db, scope, "member", request);
  const [counts, page] = await Promise.all([counted, concordancePage(db, scope, request, new Map([[member.id, member.label.zh]]), counted)]);
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
    ...countsAndPage(counts, page, request),
  };
}

/** What a concept's page and a member item's page both show: the counts and the concordance page asked for. */
function countsAndPage(
  counts: MentionCounts,
  page: ConcordanceLine[],
  request: ConcordanceRequest,
): Pick<ConceptDetail, "documents" | "documentsMentioning" | "totals" | "mentionsTotal" | "mentions" | "concordance"> {
  return {
    documents: counts.documents,
    documentsMentioning: counts.documentsMentioning,
    totals: counts.totals,
    mentionsTotal: counts.totals.mentions + counts.totals.memberMentions,
    mentions: page,
    concordance: request,
  };
}

/** The documents a concordance page in corpus order falls in, and where the page begins among the first one's mentions. */
interface CorpusOrderCut {
  documentIds: string[];
  offset: number;
}

interface MentionCounts {
  totals: ConceptMentionCounts;
  /** Per member item, its mentions in each of `documents` (by slug) and in the whole corpus. */
  byMember: Map<string, { bySlug: Map<string, number>; total: number }>;
  documentsMentioning: number;
  documents: ({ slug: string; title: string } & ConceptMentionCounts)[];
  /** For a page in corpus order, the documents it falls in; null for another order. */
  cut: CorpusOrderCut | null;
}

/** A document's counts as the statement below aggregates them. */
type CountedDocument = { id: string; slug: string; title: string } & ConceptMentionCounts;

/**
 * Mentions counted per document, item and place (in a note or not), aggregated in SQL from the counts stored at
 * load (ConceptDocumentCount, a row per document and item however many mentions): the corpus totals, each item's
 * total and its count in each document shown, the COUNTED_DOCUMENTS_SHOWN documents that mention it most (what
 * the page is about: the concept's own mentions on a concept's page, the item's on an item's, then all; ties in
 * corpus order, listed in corpus order), and, for a concordance page in corpus order, the documents the page falls
 * in (each document's mentions summed in corpus order, read backwards for a descending page). One statement, a row
 * back: the page reads what it shows, not a row per document mentioning the concept (a thousand at 1,000 essays).
 */
async function countMentions(db: Database, scope: MentionScope, kind: "concept" | "member", request: ConcordanceRequest): Promise<MentionCounts> {
  const own = kind === "member" ? Prisma.sql`"memberMentions"` : Prisma.sql`mentions`;
  const descending = request.order === "desc";
  const corpusOrder = descending ? Prisma.sql`date desc nulls first, slug desc` : Prisma.sql`date asc nulls last, slug asc`;
  const from = (request.page - 1) * request.pageSize;
  const to = request.page * request.pageSize;
  const [row] = await db.$queryRaw<{ totals: unknown; shown: unknown; members: unknown; cut: unknown }[]>`
    with counts as materialized (
      select k."documentId", k."memberOf", k.mentions, k."mentionsInNotes"
      from "ConceptDocumentCount" k
      where k."conceptId" = ${scope.conceptId} and (${scope.memberOf}::text is null or k."memberOf" = ${scope.memberOf})
    ),
    documents as materialized (
      select d.id, d.slug, d.title, d.date,
        (coalesce(sum(c.mentions) filter (where c."memberOf" is null), 0))::int as mentions,
        (coalesce(sum(c."mentionsInNotes") filter (where c."memberOf" is null), 0))::int as "mentionsInNotes",
        (coalesce(sum(c.mentions) filter (where c."memberOf" is not null), 0))::int as "memberMentions",
        (coalesce(sum(c."mentionsInNotes") filter (where c."memberOf" is not null), 0))::int as "memberMentionsInNotes",
        sum(c.mentions)::int as "all"
      from counts c join "Document" d on d.id = c."documentId"
      group by d.id
    ),
    shown as (
      select * from documents order by ${own} desc, "all" desc, date asc nulls last, slug asc limit ${COUNTED_DOCUMENTS_SHOWN}
    )
    select
      (select json_build_object('documents', count(*), 'mentions', coalesce(sum(mentions), 0), 'memberMentions', coalesce(sum("memberMentions"), 0),
          'mentionsInNotes', coalesce(sum("mentionsInNotes"), 0), 'memberMentionsInNotes', coalesce(sum("memberMentionsInNotes"), 0))
        from documents) as totals,
      (select coalesce(json_agg(json_build_object('id', id, 'slug', slug, 'title', title, 'mentions', mentions, 'memberMentions', "memberMentions",
          'mentionsInNotes', "mentionsInNotes", 'memberMentionsInNotes', "memberMentionsInNotes") order by date asc nulls last, slug asc), '[]'::json)
        from shown) as shown,
      (select coalesce(json_agg(json_build_object('member', m."memberOf", 'total', m.total, 'shown', m.shown)), '[]'::json)
        from (
          select x."memberOf", sum(x.mentions)::int as total, coalesce(json_object_agg(x.slug, x.mentions) filter (where x.slug is not null), '{}'::json) as shown
          from (
            select c."memberOf", c."documentId", s.slug, sum(c.mentions)::int as mentions
            from counts c left join shown s on s.id = c."documentId"
            where c."memberOf" is not null group by c."memberOf", c."documentId", s.slug
          ) x group by x."memberOf"
        ) m) as members,
      ${
        request.key === "document"
          ? Prisma.sql`(select coalesce(json_agg(json_build_object('id', id, 'before', before) order by before), '[]'::json)
        from (select id, "all", (sum("all") over (order by ${corpusOrder} rows unbounded preceding) - "all")::int as before from documents) p
        where p.before < ${to} and p.before + p."all" > ${from})`
          : Prisma.sql`null::json`
      } as cut`;
  const totals = parseJson<ConceptMentionCounts & { documents: number }>(row?.totals);
  const shown = parseJson<CountedDocument[]>(row?.shown);
  const members = parseJson<{ member: string; total: number; shown: Record<string, number> }[]>(row?.members);
  const cut = parseJson<{ id: string; before: number }[] | null>(row?.cut);
  return {
    totals: { mentions: totals.mentions, memberMentions: totals.memberMentions, mentionsInNotes: totals.mentionsInNotes, memberMentionsInNotes: totals.memberMentionsInNotes },
    byMember: new Map(members.map((m) => [m.member, { bySlug: new Map(Object.entries(m.shown)), total: m.total }])),
    documentsMentioning: totals.documents,
    documents: shown.map(({ id: _id, ...document }) => document),
    cut: cut === null ? null : { documentIds: cut.map((d) => d.id), offset: cut[0] ? from - cut[0].before : 0 },
  };
}

function parseJson<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

/** What a concordance line is placed, ordered and cut by, read in SQL for every mention in scope. */
interface MentionKey {
  id: string;
  documentId: string;
  blockKind: PlacedBlockKind;
  blockAnchor: string;
  start: number;
  end: number;
  variant: string;
  memberOf: string | null;
}

/**
 * One page of the concordance, in the order asked, building only its lines. In corpus order (document by
 * date then slug, then reading order: a note at the line of the first body block that calls it, then a
 * block's kind, anchor and offset: pageInCorpusOrder) and by position (a line's fraction through its
 * document, ties in corpus order; every mention placed) the order and the cut are SQL's. By left or right words the order is the collator's, over every
 * line's context alone (concordanceByContext).
 */
async function concordancePage(
  db: Database,
  scope: MentionScope,
  request: ConcordanceRequest,
  memberLabels: Map<string, string>,
  counted: Promise<Pick<MentionCounts, "cut">>,
): Promise<ConcordanceLine[]> {
  if (request.key === "document") return buildLines(db, await pageInCorpusOrder(db, scope, request, (await counted).cut), memberLabels);
  const offset = (request.page - 1) * request.pageSize;
  const rows =
    request.key === "position"
      ? await db.$queryRaw<MentionKey[]>`
          ${placedMentions(scope, null)}
          select id, "documentId", "blockKind", "blockAnchor", start, "end", variant, "memberOf" from placed
          order by fraction ${request.order === "desc" ? Prisma.sql`desc` : Prisma.sql`asc`},
            date ${corpusDirection(request)} ${corpusNulls(request)}, slug ${corpusDirection(request)}, line ${corpusDirection(request)},
            "kindOrder" ${corpusDirection(request)}, "blockAnchor" ${corpusDirection(request)}, start ${corpusDirection(request)}, id ${corpusDirection(request)}
          limit ${request.pageSize} offset ${offset}`
      : await concordanceByContext(db, scope, request);
  return buildLines(db, rows, memberLabels);
}

/**
 * A page in corpus order, placing only the mentions of the documents the page falls in: how many mentions
 * each document holds, summed in corpus order (the page's own counts, countMentions: the concept's mentions are
 * aggregated once per page, not once for the counts and again for the cut), says which documents hold the
 * page's lines and where in the first of them it begins, so the page costs what those documents' mentions do,
 * not every mention's (a concept of the whole corpus has tens of thousands at 1,000 essays).
 */
async function pageInCorpusOrder(db: Database, scope: MentionScope, request: ConcordanceRequest, cut: CorpusOrderCut | null): Promise<MentionKey[]> {
  if (cut === null || cut.documentIds.length === 0) return [];
  const { documentIds, offset } = cut;
  return db.$queryRaw<MentionKey[]>`
    ${placedMentions(scope, documentIds)}
    select id, "documentId", "blockKind", "blockAnchor", start, "end", variant, "memberOf" from placed
    order by date ${corpusDirection(request)} ${corpusNulls(request)}, slug ${corpusDirection(request)}, line ${corpusDirection(request)},
      "kindOrder" ${corpusDirection(request)}, "blockAnchor" ${corpusDirection(request)}, start ${corpusDirection(request)}, id ${corpusDirection(request)}
    limit ${request.pageSize} offset ${offset}`;
}

/** Corpus order is reversed only when corpus order is what is asked for, descending; else it breaks ties, ascending. */
/** Documents without a date come last in corpus order (as `date asc` sorts them), so first when it is reversed. */
const corpusNulls = (request: ConcordanceRequest) => (request.key === "document" && request.order === "desc" ? Prisma.sql`nulls first` : Prisma.sql`nulls last`);
const corpusDirection = (request: ConcordanceRequest) => (request.key === "document" && request.order === "desc" ? Prisma.sql`desc` : Prisma.sql`asc`);

/**
 * The source line a block starts on, for a block named by `kind`, `documentId` and `anchor` columns of `row`: a
 * note is placed at the line of the first body block that calls it (where a reader meets it), else at its own line;
 * null when no such block is stored. Each block is looked up by its index on its own (a scalar subquery per kind)
 * rather than joined: joining the three block tables had the planner weigh the joins' selectivities against the
 * tables' statistics, which at 1,003 essays took longer than the page's lookups themselves (planning 10.8 against
 * 1.8 ms of execution, least of 21, for a page of data-security; 4.3 ms at 2 essays).
 */
function blockLine(row: Prisma.Sql, kind: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`case ${kind}::text
          when 'heading' then (select h."lineFrom" from "Heading" h where h."documentId" = ${row}."documentId" and h.anchor = ${row}.anchor)
          when 'paragraph' then (select p."lineFrom" from "Paragraph" p where p."documentId" = ${row}."documentId" and p.anchor = ${row}.anchor)
          else (select coalesce((
              select min(case fm."blockKind" when 'heading'
                then (select ch."lineFrom" from "Heading" ch where ch."documentId" = fm."documentId" and ch.anchor = fm."blockAnchor")
                else (select cp."lineFrom" from "Paragraph" cp where cp."documentId" = fm."documentId" and cp.anchor = fm."blockAnchor") end)
              from "FootnoteMarker" fm where fm."footnoteId" = f.id and fm."blockKind" <> 'footnote'
            ), f."lineFrom") from "Footnote" f where f."documentId" = ${row}."documentId" and f.anchor = ${row}.anchor)
        end`;
}

/**
 * The mentions in scope with where each stands: its block's first line (blockLine), the document's last line
 * (stored at load), and so its fraction through it.
 */
function placedMentions(scope: MentionScope, documentIds: readonly string[] | null): Prisma.Sql {
  return Prisma.sql`
    with scoped as (
      select m.*, m."blockAnchor" as anchor from "ConceptMention" m
      where m."conceptId" = ${scope.conceptId} and (${scope.memberOf}::text is null or m."memberOf" = ${scope.memberOf})
        and (${documentIds}::text[] is null or m."documentId" = any(${documentIds}::text[]))
    ),
    lined as (
      select s.*, case s."blockKind" when 'heading' then 0 when 'paragraph' then 1 else 2 end as "kindOrder",
        ${blockLine(Prisma.sql`s`, Prisma.sql`s."blockKind"`)} as line
      from scoped s
    ),
    documents as (
      select d.id, d.slug, d.date, d."lastLine" from "Document" d where d.id in (select distinct "documentId" from scoped)
    ),
    placed as (
      select l.*, d.slug, d.date, least(1, l.line::float8 / d."lastLine") as fraction
      from lined l join documents d on d.id = l."documentId" where l.line is not null
    )`;
}

/** Characters of text fetched either side of a mention to order by its context: the context and one more. */
const CONTEXT_FETCHED = CONCORDANCE_CONTEXT + 1;

/**
 * By left or right words: every line's context is read (only the characters around the keyword) and ordered
 * as concordancers do — left words read backwards from the keyword, by a Chinese collator (numeric, base
 * letters), ties in corpus order — and the page cut; its lines are then built as any page's.
 */
async function concordanceByContext(db: Database, scope: MentionScope, request: ConcordanceRequest): Promise<MentionKey[]> {
  // Offsets are UTF-16 code units, PostgreSQL's substr counts code points: they agree in a text without
  // characters beyond the BMP, so only such a text is cut in SQL; the rare text with one comes whole.
  const rows = await db.$queryRaw<(MentionKey & { excerpt: string; base: number })[]>`
    ${placedMentions(scope, null)}
    select placed.id, placed."documentId", placed."blockKind", placed."blockAnchor", placed.start, placed."end", placed.variant, placed."memberOf",
      case when b.text ~ '[\\U00010000-\\U0010FFFF]' then b.text else substr(b.text, greatest(1, placed.start + 1 - ${CONTEXT_FETCHED}), placed."end" - placed.start + 2 * ${CONTEXT_FETCHED}) end as excerpt,
      case when b.text ~ '[\\U00010000-\\U0010FFFF]' then 0 else greatest(0, placed.start - ${CONTEXT_FETCHED}) end as base
    from placed join (
      select "documentId", anchor, text, 'heading' as kind from "Heading" union all
      select "documentId", anchor, text, 'paragraph' from "Paragraph" union all
      select "documentId", anchor, text, 'footnote' from "Footnote"
    ) b on b."documentId" = placed."documentId" and b.anchor = placed."blockAnchor" and b.kind = placed."blockKind"::text
    order by placed.date asc nulls last, placed.slug asc, placed.line asc, placed."kindOrder" asc, placed."blockAnchor" asc, placed.start asc, placed.id`;
  const sign = request.order === "desc" ? -1 : 1;
  const keyed = rows.map((row, index) => {
    const context = keywordInContext(row.excerpt, row.start - row.base, row.end - row.base, CONCORDANCE_CONTEXT);
    return { row, index, key: request.key === "left" ? [...context.left].reverse().join("") : context.right };
  });
  keyed.sort((a, b) => sign * CONTEXT_COLLATOR.compare(a.key, b.key) || a.index - b.index);
  const offset = (request.page - 1) * request.pageSize;
  return keyed.slice(offset, offset + request.pageSize).map(({ row: { excerpt: _excerpt, base: _base, ...row } }) => row);
}

const CONTEXT_COLLATOR = new Intl.Collator("zh", { sensitivity: "base", numeric: true });

/** The page's lines: their texts, and their places in the sections of their documents, read for the page's blocks only. */
async function buildLines(db: Database, rows: MentionKey[], memberLabels: Map<string, string>): Promise<ConcordanceLine[]> {
  if (rows.length === 0) return [];
  const blocks = await placeBlocks(db, rows);
  return rows.flatMap((row) => {
    const block = blocks.get(blockKey(row.documentId, row.blockKind, row.blockAnchor));
    if (!block) return [];
    return [
      {
        mentionId: row.id,
        documentSlug: block.slug,
        documentTitle: block.title,
        blockKind: row.blockKind,
        anchor: row.blockAnchor,
        start: row.start,
        end: row.end,
        variant: row.variant,
        member: row.memberOf === null ? null : { id: row.memberOf, labelZh: memberLabels.get(row.memberOf) ?? row.memberOf },
        ...keywordInContext(block.text, row.start, row.end, CONCORDANCE_CONTEXT),
        place: { sectionLabel: block.sectionLabel, label: block.label, line: block.line, fraction: Math.min(1, block.line / block.lastLine) },
      },
    ];
  });
}

const blockKey = (documentId: string, kind: string, anchor: string) => `${documentId}\u0000${kind}\u0000${anchor}`;

/** A block of a concordance page with its text and where it stands, as readDocumentSections places it. */
interface PlacedBlock {
  slug: string;
  title: string;
  text: string;
  label: string;
  line: number;
  lastLine: number;
  sectionLabel: string;
}

/**
 * The text and place of each block the page's lines stand in, in one statement over those blocks only (a page of
 * 50 lines may fall in 50 documents at 1,000 essays: reading each document's every block to place a few was most of
 * the page's cost). The place is readDocumentSections' (the concept index's heat map places mentions with it, and
 * concept-queries.db.test.ts holds the two to the same sections): a block's first source line (a note's: the first
 * line of the body block that first calls it, else its own), its label (§, ¶n, 注① p.n), the level-1 section the
 * line falls in (the last level-1 heading starting at or before it; before the first, the front matter, named only
 * when a heading or paragraph stands there), and the document's last line. Where a document's sections lie (its
 * last line, where its first section begins, whether a front one precedes it) is read from its row, stored at load
 * (sectionBounds): working it out here read every block of each document the page falls in (44 for a page of
 * data-security at 1,003 essays) to place 50.
 */
async function placeBlocks(db: Database, rows: readonly MentionKey[]): Promise<Map<string, PlacedBlock>> {
  const unique = new Map(rows.map((row) => [blockKey(row.documentId, row.blockKind, row.blockAnchor), row]));
  const wanted = [...unique.values()];
  const placed = await db.$queryRaw<
    (Omit<PlacedBlock, "sectionLabel"> & { documentId: string; blockKind: string; anchor: string; sectionHeading: string | null; sectionText: string | null; sections: boolean; front: boolean })[]
  >`
    with wanted as (
      select * from unnest(${wanted.map((r) => r.documentId)}::text[], ${wanted.map((r) => r.blockKind)}::text[], ${wanted.map((r) => r.blockAnchor)}::text[])
        as w("documentId", kind, anchor)
    ),
    -- Each block by its index on its own, as blockLine looks it up (a join of the three tables costs more to plan).
    blocks as (
      select w."documentId", w.kind, w.anchor,
        case w.kind
          when 'heading' then (select h.text from "Heading" h where h."documentId" = w."documentId" and h.anchor = w.anchor)
          when 'paragraph' then (select p.text from "Paragraph" p where p."documentId" = w."documentId" and p.anchor = w.anchor)
          else (select f.text from "Footnote" f where f."documentId" = w."documentId" and f.anchor = w.anchor)
        end as text,
        case w.kind
          when 'heading' then (select '§' || h.label from "Heading" h where h."documentId" = w."documentId" and h.anchor = w.anchor)
          when 'paragraph' then (select '¶' || (p.ordinal + 1)::text from "Paragraph" p where p."documentId" = w."documentId" and p.anchor = w.anchor)
          else (select '注' || f.label || ' p.' || f.page::text from "Footnote" f where f."documentId" = w."documentId" and f.anchor = w.anchor)
        end as label,
        ${blockLine(Prisma.sql`w`, Prisma.sql`w.kind`)} as line
      from wanted w
    ),
    documents as (
      select d.id, d.slug, d.title, d."lastLine", d."firstSectionLine", d."hasFrontSection" from "Document" d where d.id in (select "documentId" from wanted)
    )
    select b."documentId", b.kind as "blockKind", b.anchor, b.text, b.label, b.line, d.slug, d.title, d."lastLine",
      s.label as "sectionHeading", s.text as "sectionText", d."firstSectionLine" is not null as sections, d."hasFrontSection" as front
    from blocks b join documents d on d.id = b."documentId"
    left join lateral (
      select h.label, h.text from "Heading" h
      where h."documentId" = b."documentId" and h.level = 1 and h."lineFrom" <= b.line
      order by h."lineFrom" desc, h.ordinal desc limit 1
    ) s on true
    where b.text is not null`;
  return new Map(
    placed.map(({ documentId, blockKind, anchor, sectionHeading, sectionText, sections, front, ...block }) => [
      blockKey(documentId, blockKind, anchor),
      {
        ...block,
        sectionLabel:
          sectionText !== null
            ? sectionLabel({ label: sectionHeading ?? "", text: sectionText })
            : front
              ? frontSectionLabel(sections)
              : "",
      },
    ]),
  );
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
