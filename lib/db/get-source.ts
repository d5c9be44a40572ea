import "server-only";
import type { Attachment, FootnoteStatus } from "@/lib/model/document-model";
import { markerExcerpt, type MarkerExcerpt } from "@/lib/trail/marker-excerpt";
import { attachmentOf, attachmentSelect } from "./get-document";
import { getDatabase, readInOneSnapshot, type Database, type DatabaseTransaction } from "./prisma-client";
import { sourceRowSelect, toSourceDetails, type SourceDetails } from "./source-record";

export interface CitingBlock {
  kind: "heading" | "paragraph";
  anchor: string;
  /** The passage around the marker. */
  excerpt: MarkerExcerpt;
}

export interface SourceCitation {
  documentSlug: string;
  documentTitle: string;
  noteAnchor: string;
  noteLabel: string;
  /** Layout page of the note. */
  notePage: number;
  noteStatus: FootnoteStatus;
  /** How the note's text was attached to its marker (the page says when that is uncertain). */
  noteAttachment: Attachment | null;
  /** What an editorial correction did to the note, if anything. */
  noteCorrection: string | null;
  citationAnchor: string;
  /** Exactly how the note cites the work. */
  raw: string;
  /** The citation a 同上 repeats. */
  repeatsAnchor: string | null;
  /** Where the note is called from; null when no marker in the body calls it. */
  block: CitingBlock | null;
}

export interface SourceDocument {
  slug: string;
  title: string;
  citations: number;
}

export interface SourcePage extends SourceDetails {
  citations: SourceCitation[];
  /** The documents citing the work, in slug order, with how often each cites it. */
  documents: SourceDocument[];
}

/** One source with every citation of it in context, or null when no source has that key. */
export async function getSource(key: string, db: Database = getDatabase()): Promise<SourcePage | null> {
  // One snapshot: without it, an ingest committing mid-read left a citation whose note it had replaced (`citation.footnote` null).
  const row = await readInOneSnapshot(db, (tx) => readSourceRow(tx, key));
  if (!row) return null;
  return sourcePageOf(row, db);
}

function readSourceRow(db: DatabaseTransaction, key: string) {
  return db.source.findUnique({
    where: { key },
    select: {
      ...sourceRowSelect,
      citations: {
        select: {
          anchor: true,
          ordinal: true,
          raw: true,
          repeatsAnchor: true,
          document: { select: { id: true, slug: true, title: true } },
          footnote: {
            select: {
              anchor: true,
              ordinal: true,
              label: true,
              page: true,
              status: true,
              ...attachmentSelect,
              correction: true,
              markers: { select: { blockKind: true, blockAnchor: true, offset: true } },
            },
          },
        },
      },
    },
  });
}

async function sourcePageOf(row: NonNullable<Awaited<ReturnType<typeof readSourceRow>>>, db: Database): Promise<SourcePage> {
  const wanted = new Map<string, { documentId: string; paragraphs: Set<string>; headings: Set<string> }>();
  for (const citation of row.citations) {
    const entry = wanted.get(citation.document.id) ?? { documentId: citation.document.id, paragraphs: new Set(), headings: new Set() };
    for (const marker of citation.footnote.markers) {
      if (marker.blockKind === "paragraph") entry.paragraphs.add(marker.blockAnchor);
      if (marker.blockKind === "heading") entry.headings.add(marker.blockAnchor);
    }
    wanted.set(citation.document.id, entry);
  }
  const blocks = new Map<string, { text: string; ordinal: number }>();
  for (const entry of wanted.values()) {
    const [paragraphs, headings] = await Promise.all([
      db.paragraph.findMany({
        where: { documentId: entry.documentId, anchor: { in: [...entry.paragraphs] } },
        select: { anchor: true, text: true, ordinal: true },
      }),
      db.heading.findMany({
        where: { documentId: entry.documentId, anchor: { in: [...entry.headings] } },
        select: { anchor: true, text: true, ordinal: true },
      }),
    ]);
    for (const block of paragraphs) blocks.set(`${entry.documentId}\u0000paragraph\u0000${block.anchor}`, block);
    for (const block of headings) blocks.set(`${entry.documentId}\u0000heading\u0000${block.anchor}`, block);
  }

  const sortable = row.citations.map((citation) => {
    // A note called from several places is shown at its first call in reading order.
    const calls = citation.footnote.markers
      .filter((marker) => marker.blockKind !== "footnote")
      .map((marker) => ({ marker, block: blocks.get(`${citation.document.id}\u0000${marker.blockKind}\u0000${marker.blockAnchor}`) }))
      .filter((call) => call.block !== undefined)
      .sort((a, b) => a.block!.ordinal - b.block!.ordinal || a.marker.offset - b.marker.offset);
    const first = calls[0];
    const value: SourceCitation = {
      documentSlug: citation.document.slug,
      documentTitle: citation.document.title,
      noteAnchor: citation.footnote.anchor,
      noteLabel: citation.footnote.label,
      notePage: citation.footnote.page,
      noteStatus: citation.footnote.status,
      noteAttachment: attachmentOf(citation.footnote),
      noteCorrection: citation.footnote.correction,
      citationAnchor: citation.anchor,
      raw: citation.raw,
      repeatsAnchor: citation.repeatsAnchor,
      block: first
        ? {
            kind: first.marker.blockKind as "heading" | "paragraph",
            anchor: first.marker.blockAnchor,
            excerpt: markerExcerpt(first.block!.text, first.marker.offset),
          }
        : null,
    };
    return { value, order: [citation.document.slug, citation.footnote.ordinal, citation.ordinal] as const };
  });
  sortable.sort(
    (a, b) =>
      a.order[0].localeCompare(b.order[0]) || a.order[1] - b.order[1] || a.order[2] - b.order[2],
  );
  const citations = sortable.map((entry) => entry.value);

  const documents = new Map<string, SourceDocument>();
  for (const citation of citations) {
    const document = documents.get(citation.documentSlug) ?? { slug: citation.documentSlug, title: citation.documentTitle, citations: 0 };
    document.citations += 1;
    documents.set(citation.documentSlug, document);
  }

  // The row with its citations: an untitled work is named by their words (toSourceDetails' citedAs).
  return { ...toSourceDetails(row), citations, documents: [...documents.values()] };
}
