import "server-only";
import { randomUUID } from "node:crypto";
import { citationMatchKeys, groupSources, type SourceDocumentInput, type SourceRecord } from "@/lib/citations/group-sources";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Citation } from "@/lib/model/document-model";
import { citationOf, citationSelect } from "./citation-columns";
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
 * Shared-source links follow: a regrouped source made of the same other citations as an old one keeps
 * that one's links between other documents (rewritten in place when what they say of it changed) and
 * gains the document's; any other has all its links made anew.
 */
export async function updateSources(tx: DatabaseTransaction, document: { id: string; slug: string } | null, touched: readonly string[]): Promise<void> {
  const own = document ? await readCitations(tx, { documentId: document.id }) : [];
  const keys = own.flatMap((row) => {
    const match = citationMatchKeys(row.citation);
    return match ? [{ row, match }] : [];
  });
  const keyRows = keys.flatMap(({ row, match }) => [...match.keys, ...match.grams].map((key) => ({ key, citationId: row.id })));
  if (keyRows.length > 0) await tx.citationMatchKey.createMany({ data: keyRows, skipDuplicates: true });

  const joined = document ? await sourcesMatching(tx, document.id, keys.map((k) => k.match)) : [];
  const affected = [...new Set([...touched, ...joined])];
  const old = await tx.source.findMany({
    where: { id: { in: affected } },
    select: { id: true, key: true, title: true, type: true, confidence: true, evidence: true, citations: { select: { id: true, documentId: true } } },
  });
  const members = [...(affected.length > 0 ? await readCitations(tx, { sourceId: { in: affected } }) : []), ...own];
  const records = groupSources(asDocuments(members));

  await tx.source.deleteMany({ where: { id: { in: affected } } });
  // A source no citation belongs to any more describes nothing (its document's rows were deleted outside
  // removeDocument, or by an older pipeline): it must not hold a key a regrouped work now needs.
  if (records.length > 0) await tx.source.deleteMany({ where: { key: { in: records.map((source) => source.key) }, citations: { none: {} } } });
  const citationId = new Map(members.map((m) => [`${m.slug}\u0000${m.citation.anchor}`, m]));
  const sourceIds = records.map(() => randomUUID());
  if (records.length > 0) {
    await tx.source.createMany({
      data: records.map((source, index) => ({
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
  }
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
      where c.id = v.citation_id`;
  }
  await relinkSources(tx, document, old, records, members);
}

interface MemberCitation {
  id: string;
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
      ordinal: true,
      footnoteId: true,
      ...citationSelect,
      footnote: { select: { anchor: true, ordinal: true } },
      document: { select: { slug: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    documentId: row.documentId,
    slug: row.document.slug,
    footnoteId: row.footnoteId,
    footnoteAnchor: row.footnote.anchor,
    footnoteOrdinal: row.footnote.ordinal,
    ordinal: row.ordinal,
    citation: citationOf(row),
  }));
}

/** The input groupSources would get for the corpus, restricted to these citations: documents by slug, notes and citations in order. */
function asDocuments(members: readonly MemberCitation[]): SourceDocumentInput[] {
  const sorted = [...members].sort(
    (x, y) => (x.slug < y.slug ? -1 : x.slug > y.slug ? 1 : 0) || x.footnoteOrdinal - y.footnoteOrdinal || x.ordinal - y.ordinal,
  );
  const documents: { slug: string; footnotes: { anchor: string; citations: Citation[] }[] }[] = [];
  for (const member of sorted) {
    let document = documents.at(-1);
    if (document?.slug !== member.slug) documents.push((document = { slug: member.slug, footnotes: [] }));
    let footnote = document.footnotes.at(-1);
    if (footnote?.anchor !== member.footnoteAnchor) document.footnotes.push((footnote = { anchor: member.footnoteAnchor, citations: [] }));
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

type OldSource = { key: string; title: string | null; type: string; confidence: number; evidence: unknown; citations: { id: string; documentId: string }[] };

/** What a shared-source link says about its source: if this is unchanged, the link is too. */
function linkSignature(source: { key: string; title: string | null; type: string; confidence: number; merges: unknown }): string {
  return JSON.stringify([source.key, source.title, source.type, source.confidence, source.merges]);
}

async function relinkSources(
  tx: DatabaseTransaction,
  document: { id: string; slug: string } | null,
  old: readonly OldSource[],
  records: readonly SourceRecord[],
  members: readonly MemberCitation[],
): Promise<void> {
  const byRef = new Map(members.map((m) => [`${m.slug}\u0000${m.citation.anchor}`, m]));
  // A regrouped source whose other documents' citations are those of an old source keeps that source's
  // links between other documents: as they were when it says the same, else rewritten in place (one
  // statement, however many documents cite it: a work cited by hundreds has tens of thousands of links).
  const oldByMembers = new Map(old.filter((o) => o.citations.length > 0).map((o) => [JSON.stringify(o.citations.map((c) => c.id).sort()), o]));
  const kept = new Set<string>();
  const carried = new Set<string>();
  for (const record of records) {
    const others = record.citations
      .map((ref) => byRef.get(`${ref.documentSlug}\u0000${ref.citationAnchor}`)!)
      .filter((m) => m.documentId !== document?.id)
      .map((m) => m.id)
      .sort();
    const before = oldByMembers.get(JSON.stringify(others));
    if (!before) continue;
    kept.add(record.key);
    carried.add(before.key);
    const merges = (before.evidence as { merges?: unknown } | null)?.merges;
    if (linkSignature({ ...before, merges }) === linkSignature({ ...record, merges: record.evidence })) continue;
    const documents = [...new Set(before.citations.map((c) => c.documentId))];
    await tx.$executeRaw`
      update "PassageLink" set confidence = ${record.confidence},
        evidence = evidence || jsonb_build_object('sourceKey', ${record.key}::text, 'title', ${record.title}::text, 'type', ${record.type}::text,
          'match', ${JSON.stringify(record.evidence)}::jsonb)
      where kind = 'shared_source' and "leftDocumentId" = any(${documents}::text[]) and evidence->>'sourceKey' = ${before.key}`;
  }
  const dead = old.filter((source) => !carried.has(source.key));
  if (dead.length > 0) {
    const documents = [...new Set(dead.flatMap((source) => source.citations.map((c) => c.documentId)))];
    await tx.$executeRaw`
      delete from "PassageLink" where kind = 'shared_source' and "leftDocumentId" = any(${documents}::text[])
        and evidence->>'sourceKey' = any(${dead.map((source) => source.key)}::text[])`;
  }

  const footnoteIds = [...new Set(members.map((m) => m.footnoteId))];
  const markers = await tx.footnoteMarker.findMany({
    where: { footnoteId: { in: footnoteIds }, blockKind: { not: "footnote" } },
    select: { footnoteId: true, blockKind: true, blockAnchor: true, offset: true },
  });
  const markerOf = new Map(markers.map((m) => [m.footnoteId, m]));
  const rows: Prisma.PassageLinkCreateManyInput[] = [];
  for (const source of records) {
    const refs = source.citations.map((ref) => ({ ref, member: byRef.get(`${ref.documentSlug}\u0000${ref.citationAnchor}`)! }));
    const slugs = [...new Set(refs.map((r) => r.ref.documentSlug))].sort();
    if (slugs.length < 2) continue;
    // A kept source's links between other documents are in place: only the document's own are new (none on removal).
    const onlyWith = kept.has(source.key) ? (document?.slug ?? null) : undefined;
    if (onlyWith === null) continue;
    for (const [i, left] of slugs.entries()) {
      for (const right of slugs.slice(i + 1)) {
        if (onlyWith !== undefined && left !== onlyWith && right !== onlyWith) continue;
        for (const l of refs.filter((r) => r.ref.documentSlug === left)) {
          for (const r of refs.filter((x) => x.ref.documentSlug === right)) {
            const lBlock = markerOf.get(l.member.footnoteId);
            const rBlock = markerOf.get(r.member.footnoteId);
            if (!lBlock || !rBlock) continue;
            rows.push({
              kind: "shared_source",
              leftDocumentId: l.member.documentId,
              leftKind: lBlock.blockKind,
              leftAnchor: lBlock.blockAnchor,
              leftStart: lBlock.offset,
              leftEnd: lBlock.offset,
              rightDocumentId: r.member.documentId,
              rightKind: rBlock.blockKind,
              rightAnchor: rBlock.blockAnchor,
              rightStart: rBlock.offset,
              rightEnd: rBlock.offset,
              confidence: source.confidence,
              evidence: {
                sourceKey: source.key,
                title: source.title,
                type: source.type,
                leftNote: l.ref.footnoteAnchor,
                rightNote: r.ref.footnoteAnchor,
                leftCitation: l.ref.citationAnchor,
                rightCitation: r.ref.citationAnchor,
                match: source.evidence,
              } as unknown as Prisma.InputJsonValue,
            });
          }
        }
      }
    }
  }
  if (rows.length > 0) await tx.passageLink.createMany({ data: rows });
}
