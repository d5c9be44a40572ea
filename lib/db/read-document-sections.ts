import "server-only";
import { getDatabase, readInOneSnapshot, type Database } from "./prisma-client";

/** A level-1 section of a document, or the stretch before its first section heading (`anchor` null). */
export interface DocumentSection {
  key: string;
  anchor: string | null;
  label: string;
  text: string;
}

export type PlacedBlockKind = "heading" | "paragraph" | "footnote";

/** Where a block stands in its document, for ordering and for saying where a mention is. */
export interface BlockPlace {
  sectionKey: string;
  /** First source line of the block (for a note, of the body block that calls it): reading order. */
  line: number;
  /** Short human label: ¶12, 注① p.3, or the heading's enumerator. */
  label: string;
}

export interface DocumentSections {
  id: string;
  slug: string;
  title: string;
  sections: DocumentSection[];
  /** Line of the document's last line, so a place can be shown as a fraction of the text. */
  lastLine: number;
  place(kind: PlacedBlockKind, anchor: string): BlockPlace | undefined;
}

export const FRONT_SECTION_KEY = "front";

/** The label of the stretch before a document's first level-1 heading: the whole text when it has none. */
export function frontSectionLabel(hasSections: boolean): string {
  return hasSections ? "前言" : "全文";
}

/** A level-1 section's label: its heading's enumerator, else the heading's first words. */
export function sectionLabel(heading: { label: string; text: string }): string {
  return heading.label || heading.text.slice(0, 6);
}

/** Where a document's sections lie, stored on its row at load (the concordance places a page's blocks with them). */
export interface SectionBounds {
  /** Its last source line (the greatest of its blocks' last lines, at least 1): a place is a fraction of it. */
  lastLine: number;
  /** The first source line of its first level-1 heading, where its first section begins; null when it has none. */
  firstSectionLine: number | null;
  /** Whether its sections begin with the front one: it has no level-1 heading, or a heading or paragraph starts before the first. */
  hasFrontSection: boolean;
}

/** A block as SectionBounds reads it: its level (headings) and its first and last source lines. */
interface BoundedBlock {
  lineFrom: number;
  lineTo: number;
}

/** The section bounds of a document's blocks: the one way they are worked out, at load and when a document's sections are read. */
export function sectionBounds(blocks: { headings: readonly (BoundedBlock & { level: number })[]; paragraphs: readonly BoundedBlock[]; footnotes: readonly BoundedBlock[] }): SectionBounds {
  const level1 = blocks.headings.filter((h) => h.level === 1);
  const firstSectionLine = level1.length === 0 ? null : Math.min(...level1.map((h) => h.lineFrom));
  return {
    lastLine: Math.max(1, ...[...blocks.headings, ...blocks.paragraphs, ...blocks.footnotes].map((block) => block.lineTo)),
    firstSectionLine,
    hasFrontSection:
      firstSectionLine === null || blocks.paragraphs.some((p) => p.lineFrom < firstSectionLine) || blocks.headings.some((h) => h.lineFrom < firstSectionLine),
  };
}

/**
 * Every document (in corpus order), or those named, with its level-1 sections and a way to place any of its blocks in
 * one. Sections come from source lines rather than `headingAnchor` so that paragraphs under a
 * subsection and notes printed on the page fall in the section the reader sees them in; a note goes
 * where the body block calling it stands, because a page can end one section and begin the next.
 */
export async function readDocumentSections(db: Database = getDatabase(), { documentIds }: { documentIds?: string[] } = {}): Promise<DocumentSections[]> {
  // One snapshot: Prisma reads the markers' notes with a query of their own, and an ingest committing between the
  // two would leave a marker whose note row is gone (as getDocumentStructure once did).
  const documents = await readInOneSnapshot(db, (tx) =>
    tx.document.findMany({
      // Only these documents (a concordance page's), when given.
      where: documentIds ? { id: { in: documentIds } } : undefined,
      orderBy: [{ date: "asc" }, { slug: "asc" }],
      select: {
        id: true,
        slug: true,
        title: true,
        headings: { orderBy: { ordinal: "asc" }, select: { anchor: true, level: true, label: true, text: true, lineFrom: true, lineTo: true } },
        paragraphs: { orderBy: { ordinal: "asc" }, select: { anchor: true, ordinal: true, lineFrom: true, lineTo: true } },
        footnotes: { orderBy: { ordinal: "asc" }, select: { anchor: true, label: true, page: true, lineFrom: true, lineTo: true } },
        markers: { select: { blockKind: true, blockAnchor: true, footnote: { select: { anchor: true } } } },
      },
    }),
  );

  return documents.map((document) => {
    const level1 = document.headings.filter((h) => h.level === 1).sort((a, b) => a.lineFrom - b.lineFrom);
    const { lastLine, hasFrontSection } = sectionBounds(document);
    const sections: DocumentSection[] = [
      ...(hasFrontSection ? [{ key: FRONT_SECTION_KEY, anchor: null, label: frontSectionLabel(level1.length > 0), text: level1.length === 0 ? "Whole text" : "Before the first section" }] : []),
      ...level1.map((h) => ({ key: h.anchor, anchor: h.anchor, label: sectionLabel(h), text: h.text })),
    ];
    const sectionAt = (line: number): string => {
      let key = FRONT_SECTION_KEY;
      for (const heading of level1) if (heading.lineFrom <= line) key = heading.anchor;
      return key;
    };

    const places = new Map<string, BlockPlace>();
    for (const h of document.headings)
      places.set(`heading\u0000${h.anchor}`, { sectionKey: sectionAt(h.lineFrom), line: h.lineFrom, label: h.label ? `§${h.label}` : "§" });
    for (const p of document.paragraphs)
      places.set(`paragraph\u0000${p.anchor}`, { sectionKey: sectionAt(p.lineFrom), line: p.lineFrom, label: `¶${p.ordinal + 1}` });
    const callerLine = new Map<string, number>();
    for (const marker of document.markers) {
      if (marker.blockKind === "footnote") continue;
      const caller = places.get(`${marker.blockKind}\u0000${marker.blockAnchor}`);
      // The first call in reading order (markers come in no particular order).
      if (caller && caller.line < (callerLine.get(marker.footnote.anchor) ?? Number.POSITIVE_INFINITY)) callerLine.set(marker.footnote.anchor, caller.line);
    }
    for (const n of document.footnotes) {
      const line = callerLine.get(n.anchor) ?? n.lineFrom;
      places.set(`footnote\u0000${n.anchor}`, { sectionKey: sectionAt(line), line, label: `注${n.label} p.${n.page}` });
    }
    return {
      id: document.id,
      slug: document.slug,
      title: document.title,
      sections,
      lastLine,
      place: (kind: PlacedBlockKind, anchor: string) => places.get(`${kind}\u0000${anchor}`),
    };
  });
}
