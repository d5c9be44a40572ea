import "server-only";
import type { DocumentText } from "@/lib/exchange/web-annotation-text";
import type { DocumentLink } from "@/lib/exchange/web-annotation-export";
import { readAnnotationText } from "./annotation-document-text";
import { listDocumentTitles } from "./list-document-titles";
import { listLinkCandidates, listPassageLinks } from "./list-passage-links";
import { getDatabase, type Database } from "./prisma-client";

/**
 * Every cross-document link of a document (shared passages, shared sources, concept overlap: what side by
 * side shows), seen from it, with the texts of both ends for their selectors; in the order of the other
 * documents' titles, then as listPassageLinks orders them. Null when no document has that slug.
 */
export async function listAnnotationLinks(slug: string, db: Database = getDatabase()): Promise<{ title: string; links: DocumentLink[] } | null> {
  const titles = await listDocumentTitles(db);
  const own = titles.find((title) => title.slug === slug);
  const here = own ? await readAnnotationText(slug, db) : null;
  if (!own || !here) return null;
  const links: DocumentLink[] = [];
  // Only the documents that can share something with it: asking every document of a corpus of 1,000 derives 999 pairs.
  const candidates = new Set(await listLinkCandidates(slug, db));
  for (const other of titles) {
    if (other.slug === slug || !candidates.has(other.slug)) continue;
    const result = await listPassageLinks({ left: slug, right: other.slug }, db);
    if ("missing" in result || result.links.length === 0) continue;
    const there: DocumentText | null = await readAnnotationText(other.slug, db);
    if (!there) continue;
    for (const link of result.links) {
      links.push({
        kind: link.kind,
        confidence: link.confidence,
        evidence: link.evidence,
        here: { slug, layout: here, anchor: link.left.anchor, start: link.left.start, end: link.left.end },
        there: { slug: other.slug, layout: there, anchor: link.right.anchor, start: link.right.start, end: link.right.end },
      });
    }
  }
  return { title: own.title, links };
}
