import "server-only";
import type { DocumentDraft } from "@/lib/ingest/document-draft";
import { getDatabase } from "./prisma-client";

/** The columns a citation's draft shape is rebuilt from. */
export const citationDraftSelect = {
  anchor: true,
  raw: true,
  authors: true,
  title: true,
  container: true,
  date: true,
  pages: true,
  url: true,
  repeatsAnchor: true,
  lineFrom: true,
  lineTo: true,
} as const;

/**
 * One document in the shape of the parser's draft (the API's `GET /api/documents/<slug>` and the
 * reader both use it), rebuilt from the rows, or null when no document has that slug.
 */
export async function getDocumentStructure(slug: string): Promise<DocumentDraft | null> {
  const db = getDatabase();
  const document = await db.document.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      authors: true,
      journal: true,
      issue: true,
      date: true,
      abstract: true,
      pageCount: true,
      debris: true,
      fragments: true,
      warnings: true,
      headings: {
        orderBy: { ordinal: "asc" },
        select: { anchor: true, level: true, label: true, text: true, lineFrom: true, lineTo: true },
      },
      paragraphs: {
        orderBy: { ordinal: "asc" },
        select: { anchor: true, headingAnchor: true, text: true, lineFrom: true, lineTo: true },
      },
      footnotes: {
        orderBy: { ordinal: "asc" },
        select: {
          anchor: true,
          label: true,
          page: true,
          status: true,
          text: true,
          lineFrom: true,
          lineTo: true,
          citations: {
            orderBy: { ordinal: "asc" },
            select: citationDraftSelect,
          },
        },
      },
      markers: {
        select: { blockAnchor: true, label: true, offset: true, footnote: { select: { anchor: true } } },
        orderBy: [{ blockAnchor: "asc" }, { offset: "asc" }],
      },
    },
  });
  if (!document) return null;

  const markersByBlock = new Map<string, { label: string; footnoteAnchor: string; offset: number }[]>();
  for (const marker of document.markers) {
    const list = markersByBlock.get(marker.blockAnchor) ?? [];
    list.push({ label: marker.label, footnoteAnchor: marker.footnote.anchor, offset: marker.offset });
    markersByBlock.set(marker.blockAnchor, list);
  }
  const markersOf = (anchor: string) => (markersByBlock.get(anchor) ?? []).sort((a, b) => a.offset - b.offset);

  return {
    slug: document.slug,
    title: document.title,
    authors: document.authors,
    journal: document.journal,
    issue: document.issue,
    date: document.date,
    abstract: document.abstract,
    pageCount: document.pageCount,
    headings: document.headings.map((h) => ({
      anchor: h.anchor,
      level: h.level,
      label: h.label,
      text: h.text,
      markers: markersOf(h.anchor),
      sourceLines: [h.lineFrom, h.lineTo],
    })),
    paragraphs: document.paragraphs.map((p) => ({
      anchor: p.anchor,
      headingAnchor: p.headingAnchor,
      text: p.text,
      markers: markersOf(p.anchor),
      sourceLines: [p.lineFrom, p.lineTo],
    })),
    footnotes: document.footnotes.map((n) => ({
      anchor: n.anchor,
      label: n.label,
      page: n.page,
      status: n.status,
      text: n.text,
      citations: n.citations.map((c) => ({
        anchor: c.anchor,
        raw: c.raw,
        authors: c.authors,
        title: c.title,
        container: c.container,
        date: c.date,
        pages: c.pages,
        url: c.url,
        repeats: c.repeatsAnchor,
        sourceLines: [c.lineFrom, c.lineTo],
      })),
      sourceLines: [n.lineFrom, n.lineTo],
    })),
    fragments: document.fragments as DocumentDraft["fragments"],
    debris: document.debris as DocumentDraft["debris"],
    warnings: document.warnings as DocumentDraft["warnings"],
  };
}
