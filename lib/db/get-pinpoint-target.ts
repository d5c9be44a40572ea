import "server-only";
import { printedPagesOfPlacement, type PinpointPage } from "@/lib/citations/export-pinpoint";
import { pageBreaksSchema, pdfPlacementSchema } from "@/lib/model/document-model";
import { journalPage, layoutPageOfLine } from "@/lib/trail/paragraph-page";
import { getDatabase, type Database } from "./prisma-client";

export interface PinpointTarget {
  document: {
    slug: string;
    title: string;
    authors: string[];
    journal: string | null;
    issue: string | null;
    date: string | null;
  };
  block: { kind: "heading" | "paragraph"; anchor: string; text: string };
  /** Page of the block's first line in the document's own layout (1 = first page), when the notes place it. */
  layoutPage: number | null;
  /**
   * The journal's page number(s), what a citation should print: for an essay read from a PDF, the folios of the
   * block's own pages ("27", "27-28"); else when folios calibrate the layout.
   */
  journalPage: number | string | null;
  /**
   * The block's printed pages where its text runs over a page (from its page breaks): where each begins in the
   * text, the first at 0, with its layout and journal page as far as known. A single entry when none begins
   * inside it.
   */
  pages: PinpointPage[];
}

/** A heading or paragraph of a document, with what a citation of it needs; null when either is unknown. */
export async function getPinpointTarget(slug: string, anchor: string, db: Database = getDatabase()): Promise<PinpointTarget | null> {
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
      pageCount: true,
      debris: true,
      footnotes: { select: { page: true, status: true, lineFrom: true, lineTo: true } },
    },
  });
  if (!document) return null;
  const [paragraph, heading] = await Promise.all([
    db.paragraph.findUnique({
      where: { documentId_anchor: { documentId: document.id, anchor } },
      select: { anchor: true, text: true, lineFrom: true, placement: true, pageBreaks: true },
    }),
    db.heading.findUnique({
      where: { documentId_anchor: { documentId: document.id, anchor } },
      select: { anchor: true, text: true, lineFrom: true, placement: true, pageBreaks: true },
    }),
  ]);
  const found = paragraph ? { kind: "paragraph" as const, ...paragraph } : heading ? { kind: "heading" as const, ...heading } : null;
  if (!found) return null;

  const layoutPage = layoutPageOfLine(found.lineFrom, document.footnotes, document.pageCount);
  const folios = (Array.isArray(document.debris) ? document.debris : []).flatMap((item) => {
    const debris = item as { kind?: unknown; text?: unknown; line?: unknown } | null;
    return debris && debris.kind === "folio" && typeof debris.text === "string" && typeof debris.line === "number"
      ? [{ text: debris.text, line: debris.line }]
      : [];
  });
  const { id: _id, pageCount: _pages, debris: _debris, footnotes: _notes, ...meta } = document;
  const placement = pdfPlacementSchema.safeParse(found.placement).data;
  const journalPageOf = (page: number | null) => (page === null ? null : journalPage(page, folios, document.footnotes, document.pageCount));
  // A PDF's pages print their folios (the first page's only when the placement has one for each of its pages);
  // a text's are calibrated on the folios removed as debris, as for the block.
  const firstFolio = placement && placement.folios.length === placement.pages[1] - placement.pages[0] + 1 ? placement.folios[0]! : null;
  const pages: PinpointPage[] = [{ offset: 0, layoutPage, journalPage: placement ? firstFolio : journalPageOf(layoutPage) }];
  for (const pageBreak of pageBreaksSchema.safeParse(found.pageBreaks).data ?? []) {
    pages.push({ offset: pageBreak.offset, layoutPage: pageBreak.page, journalPage: placement ? (pageBreak.folio ?? null) : journalPageOf(pageBreak.page) });
  }
  return {
    document: meta,
    block: { kind: found.kind, anchor: found.anchor, text: found.text },
    layoutPage,
    journalPage: printedPagesOfPlacement(placement) ?? journalPageOf(layoutPage),
    pages,
  };
}
