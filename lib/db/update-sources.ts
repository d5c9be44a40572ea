import "server-only";
import { randomUUID } from "node:crypto";
import { citationMatchKeys, groupSources, type SourceDocumentInput, type SourceRecord } from "@/lib/citations/group-sources";
import { citingSentence } from "@/lib/citations/reported-event";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Citation } from "@/lib/model/document-model";
import { citationOf, citationSelect } from "./citation-columns";
import { insertRows } from "./insert-rows";
import type { DatabaseTransaction } from "./prisma-client";

/**
 * Sources after one document was added, replaced or removed, without regrouping the corpus. A source is a
 * connected group of citations (group-sources.ts merges any two that compare as one work), so only the
 * groups the document touches can change: the ones its old citations were in (`touched`, remembered
 * before they were deleted), and the ones its new citations would join, found by their match keys
 * (CitationMatchKey: normalised title, URL key, title bigrams). Those groups and the document's citations
 * are regrouped together, which gives what grouping the whole corpus would, since no other citation
 * compares as one work with any of them. Keys stay unique: a key is made from a title or URL key that
 * only one group can hold (sourceKeyBase).
 *
 * No links are written: two documents share a source when citations of both have the same sourceId, read
 * when the two are shown (list-passage-links.ts), so a work cited by hundreds of essays costs nothing more.
 */
export async function updateSources(tx: DatabaseTransaction, document: { id: string; slug: string } | null, touched: readonly string[]): Promise<void> {
  const own = document ? await readCitations(tx, { documentId: document.id }) : [];
  const keys = own.flatMap((row) => {
    const match = citationMatchKeys(row.citation);
    return match ? [{ row, match }] : [];
  });
  const keyRows = keys.flatMap(({ row, match }) => [...match.keys, ...match.grams].map((key) => ({ key, citationId: row.id })));
  await insertRows("CitationMatchKey", { key: "text", citationId: "text" }, keyRows, tx, { skipDuplicates: true });

  const joined = document ? await sourcesMatching(tx, document.id, keys.map((k) => k.match)) : [];
  const affected = [...new Set([...touched, ...joined])];
  const members = [...(affected.length > 0 ? await readCitations(tx, { sourceId: { in: affected } }) : []), ...own];
  const records = groupSources(asDocuments(members, await citingSentences(tx, members)));

  // A regrouped work keeps its row (a key names one work): rewritten in place, its citations not touched
  // unless they change source. Deleting and recreating every touched source re-wrote every citation of a
  // work cited by hundreds at each load that cites it (twice: set null by the delete, then set again).
  const before = affected.length > 0 ? await tx.source.findMany({ where: { id: { in: affected } }, select: { id: true, key: true } }) : [];
  const idOfKey = new Map(before.map((source) => [source.key, source.id]));
  const sourceIds = records.map((record) => idOfKey.get(record.key) ?? randomUUID());
  const recordKeys = new Set(records.map((record) => record.key));
  const gone = before.filter((source) => !recordKeys.has(source.key)).map((source) => source.id);
  if (gone.length > 0) await tx.source.deleteMany({ where: { id: { in: gone } } });
  await recordMovedKeys(tx, before, gone, members, records);
  const fresh = records.flatMap((record, index) => (idOfKey.has(record.key) ? [] : [{ record, id: sourceIds[index]! }]));
  const kept = records.flatMap((record, index) => (idOfKey.has(record.key) ? [{ record, id: sourceIds[index]! }] : []));
  // A source no citation belongs to any more describes nothing (its document's rows were deleted outside
  // removeDocument, or by an older pipeline): it must not hold a key a regrouped work now needs.
  if (fresh.length > 0) await tx.source.deleteMany({ where: { key: { in: fresh.map(({ record }) => record.key) }, citations: { none: {} } } });
  if (fresh.length > 0) await tx.source.createMany({ data: fresh.map(({ record, id }) => ({ id, key: record.key, ...sourceColumns(record) })) });
  if (kept.length > 0) {
    await tx.$executeRaw`
      update "Source" as s set title = r.title, authors = r.authors, type = r.type, date = r.date, container = r.container,
        urls = r.urls, confidence = r.confidence, evidence = r.evidence
      from jsonb_to_recordset(${JSON.stringify(kept.map(({ record, id }) => ({ id, ...sourceColumns(record) })))}::jsonb)
        as r(id text, title text, authors text[], type text, date text, container text, urls text[], confidence float8, evidence jsonb)
      where s.id = r.id`;
  }
  const citationId = new Map(members.map((m) => [`${m.slug}\u0000${m.citation.anchor}`, m]));
  const pairs = records.flatMap((source, index) =>
    source.citations.flatMap((ref) => {
      const member = citationId.get(`${ref.documentSlug}\u0000${ref.citationAnchor}`);
      return member ? [[member.id, sourceIds[index]!] as const] : [];
    }),
  );
  if (pairs.length > 0) {
    await tx.$executeRaw`
      update "Citation" as c set "sourceId" = v.source_id
      from unnest(${pairs.map((p) => p[0])}::text[], ${pairs.map((p) => p[1])}::text[]) as v(citation_id, source_id)
      where c.id = v.citation_id and c."sourceId" is distinct from v.source_id`;
  }
}

/** A source row's columns, as groupSources describes the work. */
function sourceColumns(source: SourceRecord) {
  return {
    title: source.title,
    authors: source.authors,
    type: source.type,
    date: source.date,
    container: source.container,
    urls: source.urls,
    confidence: source.confidence,
    evidence: { merges: source.evidence, versions: source.versions, issue: source.issue, pages: source.pages } as unknown as Prisma.InputJsonValue,
  };
}

/**
 * Old links to a source page keep working when the work's citations join another source: each key that no
 * longer names a source, but whose citations are all or mostly in one source now, is sent there (and so is
 * every older key that was sent to it). A key that names a source again is no alias. A key whose citations
 * are all gone (their essay removed) stays unresolved: the work is no longer in the corpus.
 */
async function recordMovedKeys(
  tx: DatabaseTransaction,
  before: readonly { id: string; key: string }[],
  gone: readonly string[],
  members: readonly MemberCitation[],
  records: readonly SourceRecord[],
): Promise<void> {
  const liveKeys = records.map((record) => record.key);
  if (liveKeys.length > 0) await tx.sourceKeyAlias.deleteMany({ where: { key: { in: liveKeys } } });
  if (gone.length === 0) return;
  const recordOf = new Map<string, string>();
  for (const record of records) for (const ref of record.citations) recordOf.set(`${ref.documentSlug}\u0000${ref.citationAnchor}`, record.key);
  const keyOfGone = new Map(before.filter((source) => gone.includes(source.id)).map((source) => [source.id, source.key]));
  for (const [id, oldKey] of keyOfGone) {
    const destinations = new Map<string, number>();
    for (const member of members) {
      if (member.sourceId !== id) continue;
      const now = recordOf.get(`${member.slug}\u0000${member.citation.anchor}`);
      if (now) destinations.set(now, (destinations.get(now) ?? 0) + 1);
    }
    const [newKey] = [...destinations.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0] ?? [];
    if (!newKey) {
      await tx.sourceKeyAlias.deleteMany({ where: { OR: [{ key: oldKey }, { sourceKey: oldKey }] } });
      continue;
    }
    await tx.sourceKeyAlias.updateMany({ where: { sourceKey: oldKey }, data: { sourceKey: newKey } });
    await tx.sourceKeyAlias.upsert({ where: { key: oldKey }, create: { key: oldKey, sourceKey: newKey }, update: { sourceKey: newKey }, select: { key: true } });
  }
}

interface MemberCitation {
  id: string;
  /** The source the citation was in before this regrouping (null for the document's new citations). */
  sourceId: string | null;
  documentId: string;
  slug: string;
  footnoteId: string;
  footnoteAnchor: string;
  footnoteOrdinal: number;
  ordinal: number;
  citation: Citation;
}

async function readCitations(tx: DatabaseTransaction, where: Prisma.CitationWhereInput): Promise<MemberCitation[]> {
  const rows = await tx.citation.findMany({
    where,
    select: {
      id: true,
      documentId: true,
      sourceId: true,
      ordinal: true,
      ...citationSelect,
      footnote: { select: { id: true, anchor: true, ordinal: true } },
      document: { select: { slug: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    sourceId: row.sourceId,
    documentId: row.documentId,
    slug: row.document.slug,
    footnoteId: row.footnote.id,
    footnoteAnchor: row.footnote.anchor,
    footnoteOrdinal: row.footnote.ordinal,
    ordinal: row.ordinal,
    citation: citationOf(row),
  }));
}

/**
 * The sentence of the body that calls each of these citations' notes (at the note's first marker in a
 * paragraph), by footnote id: it names the event a news report's headline may not (reported-event.ts).
 */
async function citingSentences(tx: DatabaseTransaction, members: readonly MemberCitation[]): Promise<Map<string, string>> {
  const footnoteIds = [...new Set(members.map((member) => member.footnoteId))];
  if (footnoteIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ footnoteId: string; text: string; offset: number }[]>`
    select distinct on (m."footnoteId") m."footnoteId", p.text, m."offset"
    from "FootnoteMarker" m join "Paragraph" p on p."documentId" = m."documentId" and p.anchor = m."blockAnchor"
    where m."footnoteId" = any(${footnoteIds}::text[]) and m."blockKind" = 'paragraph'
    order by m."footnoteId", p.ordinal, m."offset"`;
  return new Map(rows.map((row) => [row.footnoteId, citingSentence(row.text, row.offset)]));
}

/** The input groupSources would get for the corpus, restricted to these citations: documents by slug, notes and citations in order. */
function asDocuments(members: readonly MemberCitation[], citing: ReadonlyMap<string, string>): SourceDocumentInput[] {
  const sorted = [...members].sort(
    (x, y) => (x.slug < y.slug ? -1 : x.slug > y.slug ? 1 : 0) || x.footnoteOrdinal - y.footnoteOrdinal || x.ordinal - y.ordinal,
  );
  const documents: { slug: string; footnotes: { anchor: string; citations: Citation[]; citing: string | null }[] }[] = [];
  for (const member of sorted) {
    let document = documents.at(-1);
    if (document?.slug !== member.slug) documents.push((document = { slug: member.slug, footnotes: [] }));
    let footnote = document.footnotes.at(-1);
    if (footnote?.anchor !== member.footnoteAnchor) {
      document.footnotes.push((footnote = { anchor: member.footnoteAnchor, citations: [], citing: citing.get(member.footnoteId) ?? null }));
    }
    footnote.citations.push(member.citation);
  }
  return documents;
}

/** Sources holding a citation of another document that shares an exact key, or enough title bigrams, with one of these. */
async function sourcesMatching(
  tx: DatabaseTransaction,
  documentId: string,
  matches: readonly { keys: string[]; grams: string[]; minSharedGrams: number }[],
): Promise<string[]> {
  const exact = [...new Set(matches.flatMap((m) => m.keys))];
  const entry = matches.flatMap((m, i) => m.grams.map(() => i));
  const gram = matches.flatMap((m) => m.grams);
  const need = matches.flatMap((m) => m.grams.map(() => m.minSharedGrams));
  const rows = await tx.$queryRaw<{ sourceId: string }[]>`
    select distinct c."sourceId" from "CitationMatchKey" k join "Citation" c on c.id = k."citationId"
    where k.key = any(${exact}::text[]) and c."documentId" <> ${documentId} and c."sourceId" is not null
    union
    select distinct c."sourceId" from (
      select k."citationId" from unnest(${entry}::int[], ${gram}::text[], ${need}::int[]) as q(entry, gram, need)
        join "CitationMatchKey" k on k.key = q.gram
      group by q.entry, k."citationId" having count(*) >= min(q.need)
    ) as m join "Citation" c on c.id = m."citationId"
    where c."documentId" <> ${documentId} and c."sourceId" is not null`;
  return rows.map((row) => row.sourceId);
}
