import "server-only";
import { randomUUID } from "node:crypto";
import { citationMatchKeys, groupSources, type SourceDocumentInput, type SourceRecord } from "@/lib/citations/group-sources";
import { citingSentence, reportedEvent } from "@/lib/citations/reported-event";
import { countCitingDocuments } from "@/lib/derivations/count-citing-documents";
import { probeBigrams, sharedBigramCount, titleBigrams } from "@/lib/derivations/similar-titles";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Citation } from "@/lib/model/document-model";
import { citationOf, type CitationColumns } from "./citation-columns";
import { insertRows } from "./insert-rows";
import type { DatabaseTransaction } from "./prisma-client";

/**
 * Sources after one document was added, replaced or removed, without regrouping the corpus. A source is a
 * connected group of citations (group-sources.ts merges any two that compare as one work), so only the
 * groups the document touches can change: the ones its old citations were in (`touched`, remembered
 * before they were deleted), and the ones its new citations would join, found by their match keys
 * (CitationMatchKey: normalised title, URL key, reported speaker and day; titles similar enough through the
 * bigrams of the distinct titles, MatchTitleGram: sourcesMatching). Those groups and the document's citations
 * are regrouped together, which gives what grouping the whole corpus would, since no other citation
 * compares as one work with any of them. Keys stay unique: a key is made from a title or URL key that
 * only one group can hold (sourceKeyBase).
 *
 * No links are written: two documents share a source when citations of both have the same sourceId, read
 * when the two are shown (list-passage-links.ts), so a work cited by hundreds of essays costs nothing more.
 */
export async function updateSources(
  tx: DatabaseTransaction,
  document: { id: string; slug: string } | null,
  touched: readonly string[],
  /** The title keys (`t:`) of the document's citations before they were deleted: those no citation has any more are forgotten. */
  formerTitles: readonly string[] = [],
): Promise<void> {
  const own = document ? await readCitations(tx, { documentId: document.id }) : [];
  const keys = own.flatMap((row) => {
    const match = citationMatchKeys(row.citation);
    return match ? [{ row, match }] : [];
  });
  const joined = document ? await sourcesMatching(tx, document.id, keys.map((k) => k.match)) : [];
  await writeMatchKeys(tx, keys, formerTitles);

  const affected = [...new Set([...touched, ...joined])];
  const members = [...(affected.length > 0 ? await readCitations(tx, { sourceIds: affected }) : []), ...own];
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
        urls = r.urls, confidence = r.confidence, evidence = r.evidence, documents = r.documents
      from jsonb_to_recordset(${JSON.stringify(kept.map(({ record, id }) => ({ id, ...sourceColumns(record) })))}::jsonb)
        as r(id text, title text, authors text[], type text, date text, container text, urls text[], confidence float8, evidence jsonb, documents int)
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
    // Every citation of the work is among those just grouped (the touched works' and the document's own).
    documents: countCitingDocuments(source.citations),
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

/**
 * A document's citations, or every citation of these sources, with their notes and documents: one query (a
 * work cited by hundreds of essays is read at each load that cites it, and the relation reads Prisma makes
 * of a nested select took three round trips and most of the time).
 */
async function readCitations(tx: DatabaseTransaction, of: { documentId: string } | { sourceIds: readonly string[] }): Promise<MemberCitation[]> {
  const where = "documentId" in of ? Prisma.sql`c."documentId" = ${of.documentId}` : Prisma.sql`c."sourceId" = any(${of.sourceIds}::text[])`;
  const rows = await tx.$queryRaw<(CitationColumns & Omit<MemberCitation, "citation">)[]>`
    select c.id, c."documentId", c."sourceId", c.ordinal, c.anchor, c.raw, c.authors, c.title, c.container, c.date, c.pages, c.url,
      c."repeatsAnchor", c."lineFrom", c."lineTo", d.slug, f.id as "footnoteId", f.anchor as "footnoteAnchor", f.ordinal as "footnoteOrdinal"
    from "Citation" c join "Footnote" f on f.id = c."footnoteId" join "Document" d on d.id = c."documentId"
    where ${where}`;
  return rows.map((row) => ({
    id: row.id,
    sourceId: row.sourceId,
    documentId: row.documentId,
    slug: row.slug,
    footnoteId: row.footnoteId,
    footnoteAnchor: row.footnoteAnchor,
    footnoteOrdinal: row.footnoteOrdinal,
    ordinal: row.ordinal,
    citation: citationOf(row),
  }));
}

/**
 * The sentence of the body that calls each of these citations' notes (at the note's first marker in a
 * paragraph), by footnote id: it names the event a news report's headline may not (reported-event.ts).
 * Read only for the notes holding a report whose headline names a speaker and no event: for every other
 * citation groupSources never looks at it (reportedEvent is the same with it or without).
 */
async function citingSentences(tx: DatabaseTransaction, members: readonly MemberCitation[]): Promise<Map<string, string>> {
  const readsCiting = (member: MemberCitation) => !member.citation.repeats && reportedEvent(member.citation, null)?.eventFrom === null;
  const footnoteIds = [...new Set(members.filter(readsCiting).map((member) => member.footnoteId))];
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

/**
 * The document's match keys, and the distinct titles they add: a title no citation had before is entered
 * with its bigrams (MatchTitleGram) and counted in MatchGram; a title of the document's former citations that
 * no citation has now is forgotten, its bigrams uncounted.
 */
async function writeMatchKeys(
  tx: DatabaseTransaction,
  keys: readonly { row: MemberCitation; match: { keys: string[] } }[],
  formerTitles: readonly string[],
): Promise<void> {
  const keyRows = keys.flatMap(({ row, match }) => match.keys.map((key) => ({ key, citationId: row.id })));
  await insertRows("CitationMatchKey", { key: "text", citationId: "text" }, keyRows, tx, { skipDuplicates: true });
  const titles = [...new Set(keyRows.map((row) => row.key).filter(isTitleKey))];
  if (titles.length > 0) {
    const added = await tx.$queryRaw<{ key: string }[]>`
      insert into "MatchTitle" (key) select unnest(${titles}::text[]) on conflict do nothing returning key`;
    await changeTitleBigrams(tx, added.map((row) => row.key), +1);
  }
  if (formerTitles.length > 0) {
    const unused = await tx.$queryRaw<{ key: string }[]>`
      delete from "MatchTitle" t where t.key = any(${formerTitles}::text[])
        and not exists (select 1 from "CitationMatchKey" k where k.key = t.key) returning t.key`;
    await changeTitleBigrams(tx, unused.map((row) => row.key), -1);
  }
}

const isTitleKey = (key: string) => key.startsWith("t:");

/** Enters (+1) or removes (−1) these titles' bigram postings, and changes the bigrams' title counts by as much. */
async function changeTitleBigrams(tx: DatabaseTransaction, titles: readonly string[], change: 1 | -1): Promise<void> {
  const postings = titles.flatMap((title) => titleBigrams(title).map((gram) => [gram, title] as const));
  if (postings.length === 0) return;
  const grams = postings.map((p) => p[0]);
  const titleKeys = postings.map((p) => p[1]);
  if (change > 0) {
    await tx.$executeRaw`insert into "MatchTitleGram" (gram, "titleKey") select * from unnest(${grams}::text[], ${titleKeys}::text[]) on conflict do nothing`;
    await tx.$executeRaw`
      insert into "MatchGram" (gram, titles) select gram, count(*)::int from unnest(${grams}::text[]) as g(gram) group by gram
      on conflict (gram) do update set titles = "MatchGram".titles + excluded.titles`;
    return;
  }
  await tx.$executeRaw`
    delete from "MatchTitleGram" p using unnest(${grams}::text[], ${titleKeys}::text[]) as g(gram, title_key)
    where p.gram = g.gram and p."titleKey" = g.title_key`;
  await tx.$executeRaw`
    update "MatchGram" m set titles = m.titles - g.n from (select gram, count(*)::int as n from unnest(${grams}::text[]) as u(gram) group by gram) as g
    where m.gram = g.gram`;
  await tx.$executeRaw`delete from "MatchGram" where gram = any(${grams}::text[]) and titles <= 0`;
}

/**
 * Sources holding a citation of another document that shares an exact key with one of these, or whose title
 * shares enough bigrams with one of theirs (at least its minSharedGrams). Titles are looked up once each,
 * through the postings of their rarest bigrams (similar-titles.ts: the prefix filter), and each title found
 * is checked by counting the bigrams it shares; then the citations of the keys and titles matched are read
 * through CitationMatchKey, each by its id. Gives what counting every citation's bigrams did, without a
 * pass over the postings of common bigrams (205 ms an essay at 500 essays, growing with the corpus).
 */
export async function sourcesMatching(
  tx: DatabaseTransaction,
  documentId: string,
  matches: readonly { keys: string[]; grams: string[]; minSharedGrams: number }[],
): Promise<string[]> {
  const exact = [...new Set(matches.flatMap((m) => m.keys))];
  // The bigrams and the bound are the title's own: one lookup per distinct title.
  const byTitle = new Map<string, { grams: string[]; minSharedGrams: number }>();
  for (const match of matches) {
    const title = match.keys.find(isTitleKey);
    if (title !== undefined && match.grams.length > 0) byTitle.set(title, match);
  }
  const grams = [...new Set([...byTitle.values()].flatMap((m) => m.grams))];
  const counted =
    grams.length > 0 ? await tx.$queryRaw<{ gram: string; titles: number }[]>`select gram, titles from "MatchGram" where gram = any(${grams}::text[])` : [];
  const titlesHolding = new Map(counted.map((row) => [row.gram, row.titles]));
  const probedBy = new Map<string, string[]>();
  for (const [title, match] of byTitle) {
    for (const gram of probeBigrams(match.grams, match.minSharedGrams, titlesHolding)) probedBy.set(gram, [...(probedBy.get(gram) ?? []), title]);
  }
  const postings =
    probedBy.size > 0
      ? await tx.$queryRaw<{ gram: string; titleKey: string }[]>`select gram, "titleKey" from "MatchTitleGram" where gram = any(${[...probedBy.keys()]}::text[])`
      : [];
  const similar = new Set<string>();
  const checked = new Set<string>();
  for (const { gram, titleKey } of postings) {
    if (similar.has(titleKey)) continue;
    let found: Set<string> | undefined;
    for (const title of probedBy.get(gram) ?? []) {
      const pair = `${title}\u0000${titleKey}`;
      if (checked.has(pair)) continue;
      checked.add(pair);
      const match = byTitle.get(title)!;
      found ??= new Set(titleBigrams(titleKey));
      if (sharedBigramCount(match.grams, found) >= match.minSharedGrams) {
        similar.add(titleKey);
        break;
      }
    }
  }
  const wanted = [...new Set([...exact, ...similar])];
  if (wanted.length === 0) return [];
  // Each citation by its id (a scalar subquery, which the planner keeps as a lookup per key row: a join, or
  // a lateral one it flattens into a join, was hashed against a scan of every citation, 46 ms at 300 essays).
  const rows = await tx.$queryRaw<{ sourceId: string }[]>`
    with m as materialized (
      select (select c."sourceId" from "Citation" c where c.id = k."citationId" and c."documentId" <> ${documentId}) as "sourceId"
      from "CitationMatchKey" k where k.key = any(${wanted}::text[]))
    select distinct "sourceId" from m where "sourceId" is not null`;
  return rows.map((row) => row.sourceId);
}
