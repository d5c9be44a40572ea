import "server-only";
import { findConceptOverlap, MIN_SHARED_CONCEPTS, type OverlapMention } from "@/lib/derivations/find-concept-overlap";
import type { ConceptMention } from "@/lib/derivations/find-mentions";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DatabaseTransaction } from "./prisma-client";

/**
 * A document's concept-overlap links, found by concept rather than by pair: the documents whose
 * paragraphs mention at least MIN_SHARED_CONCEPTS of the concepts this one's paragraphs mention are
 * looked up in ConceptMention (indexed by concept), and only those are aligned with it
 * (findConceptOverlap, whose weights depend on the two documents alone). `partnerSlugsBelow` keeps
 * partners whose slug sorts before the document's, so a rebuild of every document makes each pair once.
 */
export async function writeConceptLinks(
  tx: DatabaseTransaction,
  document: { id: string; slug: string; mentions: readonly ConceptMention[] },
  options: { partnerSlugsBelow?: boolean } = {},
): Promise<number> {
  const own = document.mentions.filter((m) => m.blockKind === "paragraph");
  const concepts = [...new Set(own.map((m) => m.conceptId))];
  if (concepts.length < MIN_SHARED_CONCEPTS) return 0;
  // Stored rows keep a member's mention under its compound (conceptId) with the member in memberOf.
  const storedConcepts = [...new Set(own.map((m) => m.memberOf ?? m.conceptId))];
  const partnerRows = await tx.$queryRaw<{ documentId: string; slug: string }[]>`
    select m."documentId", d.slug from "ConceptMention" m join "Document" d on d.id = m."documentId"
    where m."conceptId" = any(${storedConcepts}::text[]) and m."blockKind" = 'paragraph' and m."documentId" <> ${document.id}
      and coalesce(m."memberOf", m."conceptId") = any(${concepts}::text[])
    group by m."documentId", d.slug
    having count(distinct coalesce(m."memberOf", m."conceptId")) >= ${MIN_SHARED_CONCEPTS}`;
  const partners = partnerRows.filter((p) => !options.partnerSlugsBelow || p.slug < document.slug);
  if (partners.length === 0) return 0;

  // Partners' paragraph mentions in reading order (as findMentions lists them), for the alignment's tie-breaks.
  const mentionRows = await tx.$queryRaw<{ documentId: string; conceptId: string; memberOf: string | null; blockAnchor: string }[]>`
    select m."documentId", m."conceptId", m."memberOf", m."blockAnchor" from "ConceptMention" m
      join "Paragraph" p on p."documentId" = m."documentId" and p.anchor = m."blockAnchor"
    where m."documentId" = any(${partners.map((p) => p.documentId)}::text[]) and m."blockKind" = 'paragraph'
    order by m."documentId", p.ordinal, m.start, m."end" desc, coalesce(m."memberOf", m."conceptId")`;
  const byDocument = new Map<string, OverlapMention[]>();
  for (const row of mentionRows) {
    const mention: OverlapMention = { conceptId: row.memberOf ?? row.conceptId, blockAnchor: row.blockAnchor, blockKind: "paragraph" };
    const list = byDocument.get(row.documentId);
    if (list) list.push(mention);
    else byDocument.set(row.documentId, [mention]);
  }

  const rows: Prisma.PassageLinkCreateManyInput[] = [];
  for (const partner of partners) {
    const theirs = byDocument.get(partner.documentId) ?? [];
    const ownIsLeft = document.slug < partner.slug;
    const [leftId, rightId] = ownIsLeft ? [document.id, partner.documentId] : [partner.documentId, document.id];
    const alignments = ownIsLeft ? findConceptOverlap(own, theirs) : findConceptOverlap(theirs, own);
    for (const alignment of alignments) {
      rows.push({
        kind: "concept_overlap",
        leftDocumentId: leftId,
        leftKind: "paragraph",
        leftAnchor: alignment.a,
        rightDocumentId: rightId,
        rightKind: "paragraph",
        rightAnchor: alignment.b,
        confidence: Math.min(1, alignment.score),
        evidence: { concepts: alignment.shared, score: alignment.score, rankInLeft: alignment.rankInA, rankInRight: alignment.rankInB },
      });
    }
  }
  if (rows.length > 0) await tx.passageLink.createMany({ data: rows });
  return rows.length;
}
