import "server-only";
import { getDatabase, type Database } from "./prisma-client";
import { type DocumentSection, type PlacedBlockKind, readDocumentSections } from "./read-document-sections";

export interface HeatmapMention {
  blockKind: PlacedBlockKind;
  anchor: string;
  start: number;
  end: number;
}

export interface HeatmapCell {
  sectionKey: string;
  /** Mentions of the concept and of its member items in the section. */
  count: number;
  /** The first of them in reading order, for the cell's link; null when the cell is empty. */
  first: HeatmapMention | null;
}

export interface ConceptHeatmap {
  documents: { slug: string; title: string; sections: DocumentSection[] }[];
  rows: {
    conceptId: string;
    labelZh: string;
    labelEn: string;
    /** Per document (in the order of `documents`): its total, then one cell per section. */
    documents: { slug: string; total: number; cells: HeatmapCell[] }[];
  }[];
  /** The largest cell count, which the colour scale is relative to. */
  max: number;
}

// A note stands at the line of the block calling it: that block's own words come first.
const KIND_ORDER: Record<PlacedBlockKind, number> = { heading: 0, paragraph: 1, footnote: 2 };

function readsBefore(a: HeatmapMention & { line: number }, b: HeatmapMention & { line: number }): boolean {
  const order = a.line - b.line || KIND_ORDER[a.blockKind] - KIND_ORDER[b.blockKind] || a.anchor.localeCompare(b.anchor) || a.start - b.start;
  return order < 0;
}

/**
 * Concept × document × section counts: where each essay treats each concept. A compound concept's
 * cell counts its member items too, because an essay that spells out the four principles one by one
 * is treating the four principles.
 */
export async function getConceptHeatmap(db: Database = getDatabase()): Promise<ConceptHeatmap> {
  const [documents, concepts, mentions] = await Promise.all([
    readDocumentSections(db),
    db.concept.findMany({ orderBy: { ordinal: "asc" }, select: { id: true, labelZh: true, labelEn: true } }),
    db.conceptMention.findMany({
      select: { conceptId: true, documentId: true, blockKind: true, blockAnchor: true, start: true, end: true },
    }),
  ]);
  const byDocument = new Map(documents.map((d) => [d.id, d]));

  interface Tally {
    count: number;
    first: (HeatmapMention & { line: number }) | null;
  }
  const tallies = new Map<string, Tally>();
  for (const mention of mentions) {
    const document = byDocument.get(mention.documentId);
    const place = document?.place(mention.blockKind, mention.blockAnchor);
    if (!document || !place) continue;
    const key = `${mention.conceptId}\u0000${document.id}\u0000${place.sectionKey}`;
    const tally = tallies.get(key) ?? { count: 0, first: null };
    tally.count += 1;
    const candidate = { blockKind: mention.blockKind, anchor: mention.blockAnchor, start: mention.start, end: mention.end, line: place.line };
    if (!tally.first || readsBefore(candidate, tally.first)) tally.first = candidate;
    tallies.set(key, tally);
  }

  let max = 0;
  const rows = concepts.map((concept) => ({
    conceptId: concept.id,
    labelZh: concept.labelZh,
    labelEn: concept.labelEn,
    documents: documents.map((document) => {
      const cells = document.sections.map((section) => {
        const tally = tallies.get(`${concept.id}\u0000${document.id}\u0000${section.key}`);
        max = Math.max(max, tally?.count ?? 0);
        const first = tally?.first ? { blockKind: tally.first.blockKind, anchor: tally.first.anchor, start: tally.first.start, end: tally.first.end } : null;
        return { sectionKey: section.key, count: tally?.count ?? 0, first };
      });
      return { slug: document.slug, total: cells.reduce((sum, cell) => sum + cell.count, 0), cells };
    }),
  }));

  return {
    documents: documents.map(({ slug, title, sections }) => ({ slug, title, sections })),
    rows,
    max,
  };
}
