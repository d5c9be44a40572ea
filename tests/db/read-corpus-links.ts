import { listPassageLinks } from "@/lib/db/list-passage-links";
import type { Database } from "@/lib/db/prisma-client";

/**
 * Every link and source of a database, named by slugs and anchors instead of row ids, in a fixed order:
 * what two ingests of the same corpus must agree on, whatever order they loaded it in.
 */
export async function readCorpusLinks(db: Database) {
  // Links are derived when two documents are shown (listPassageLinks): read for every pair, the document
  // whose slug sorts first on the left, in the shape the pair rows had when links were stored (issue 15).
  const slugs = (await db.document.findMany({ select: { slug: true }, orderBy: { slug: "asc" } })).map((d) => d.slug);
  const links: Record<string, unknown>[] = [];
  for (const [i, left] of slugs.entries()) {
    for (const right of slugs.slice(i + 1)) {
      const pair = await listPassageLinks({ left, right }, db);
      if ("missing" in pair) throw new Error(`missing documents: ${pair.missing.join(", ")}`);
      for (const link of pair.links) {
        links.push({
          kind: link.kind,
          leftKind: link.left.blockKind,
          leftAnchor: link.left.anchor,
          leftStart: link.left.start,
          leftEnd: link.left.end,
          rightKind: link.right.blockKind,
          rightAnchor: link.right.anchor,
          rightStart: link.right.start,
          rightEnd: link.right.end,
          confidence: link.confidence,
          evidence: inJsonbKeyOrder(link.evidence),
          left,
          right,
        });
      }
    }
  }
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
    links: links.sort((a, b) => (canonical(a) < canonical(b) ? -1 : 1)),
    sources: sources
      .map(({ citations, ...source }) => ({
        ...source,
        citations: citations.map((c) => `${c.document.slug}#${c.anchor}`).sort(),
      }))
      .sort((a, b) => (a.citations[0]! < b.citations[0]! ? -1 : 1)),
  };
}


/**
 * Object keys in the order jsonb keeps them (shorter keys first, then by bytes), as the stored links'
 * evidence came back, so the snapshot of the corpus essays' links reads the same.
 */
function inJsonbKeyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inJsonbKeyOrder);
  if (value === null || typeof value !== "object") return value;
  const bytes = (key: string) => Buffer.from(key, "utf8");
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => bytes(a).length - bytes(b).length || Buffer.compare(bytes(a), bytes(b)))
      .map(([key, item]) => [key, inJsonbKeyOrder(item)]),
  );
}
