import type { Database } from "@/lib/db/prisma-client";

/**
 * Every link and source of a database, named by slugs and anchors instead of row ids, in a fixed order:
 * what two ingests of the same corpus must agree on, whatever order they loaded it in.
 */
export async function readCorpusLinks(db: Database) {
  const slugOf = new Map((await db.document.findMany({ select: { id: true, slug: true } })).map((d) => [d.id, d.slug]));
  const links = await db.passageLink.findMany({
    select: {
      kind: true,
      leftDocumentId: true,
      leftKind: true,
      leftAnchor: true,
      leftStart: true,
      leftEnd: true,
      rightDocumentId: true,
      rightKind: true,
      rightAnchor: true,
      rightStart: true,
      rightEnd: true,
      confidence: true,
      evidence: true,
    },
  });
  const sources = await db.source.findMany({
    select: {
      key: true,
      title: true,
      authors: true,
      type: true,
      date: true,
      container: true,
      urls: true,
      confidence: true,
      evidence: true,
      citations: { select: { anchor: true, document: { select: { slug: true } } } },
    },
  });
  const canonical = (value: unknown) => JSON.stringify(value);
  return {
    links: links
      .map(({ leftDocumentId, rightDocumentId, ...link }) => ({
        ...link,
        left: slugOf.get(leftDocumentId),
        right: slugOf.get(rightDocumentId),
      }))
      .sort((a, b) => (canonical(a) < canonical(b) ? -1 : 1)),
    sources: sources
      .map(({ citations, ...source }) => ({
        ...source,
        citations: citations.map((c) => `${c.document.slug}#${c.anchor}`).sort(),
      }))
      .sort((a, b) => (a.citations[0]! < b.citations[0]! ? -1 : 1)),
  };
}

