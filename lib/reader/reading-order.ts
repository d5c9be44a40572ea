import type { DocumentStructure, Footnote, Heading, Paragraph } from "@/lib/model/document-model";
import { markerDomId } from "@/lib/urls/app-urls";

export type ReadingBlock =
  | { kind: "heading"; heading: Heading }
  | { kind: "paragraph"; paragraph: Paragraph; number: number };

export interface ReadingSection {
  /** The top-level heading that opens the section; null for the text before the first one. */
  heading: Heading | null;
  blocks: ReadingBlock[];
  /** The notes called from this section, in the order their first marker is read. */
  notes: Footnote[];
}

export interface ReadingOrder {
  sections: ReadingSection[];
  /** Notes no marker in the body calls: listed at the end of the document, never dropped. */
  unplacedNotes: Footnote[];
  /** DOM ids of the markers calling each note, in reading order: the first is the note's back-link target. */
  markerIds: Map<string, string[]>;
  /** DOM id of each marker of a block, by its index in the block's `markers`. */
  blockMarkerIds: Map<string, string[]>;
  /** The ¶ number of each paragraph. */
  paragraphNumbers: Map<string, number>;
}

/**
 * The document as it is read: headings and paragraphs interleaved (paragraphs follow the heading they
 * fall under), cut into sections at top-level headings, each with the notes it calls. Paragraphs are
 * numbered through the whole document.
 */
export function buildReadingOrder(document: Pick<DocumentStructure, "headings" | "paragraphs" | "footnotes">): ReadingOrder {
  const paragraphsByHeading = new Map<string | null, Paragraph[]>();
  const headingAnchors = new Set(document.headings.map((heading) => heading.anchor));
  for (const paragraph of document.paragraphs) {
    // A paragraph naming a heading that does not exist is still read, before the first heading.
    const key = paragraph.headingAnchor && headingAnchors.has(paragraph.headingAnchor) ? paragraph.headingAnchor : null;
    const list = paragraphsByHeading.get(key) ?? [];
    list.push(paragraph);
    paragraphsByHeading.set(key, list);
  }

  const paragraphNumbers = new Map<string, number>();
  const sections: ReadingSection[] = [];
  let current: ReadingSection = { heading: null, blocks: [], notes: [] };
  const addParagraphs = (key: string | null) => {
    for (const paragraph of paragraphsByHeading.get(key) ?? []) {
      const number = paragraphNumbers.size + 1;
      paragraphNumbers.set(paragraph.anchor, number);
      current.blocks.push({ kind: "paragraph", paragraph, number });
    }
  };
  addParagraphs(null);
  const topLevel = Math.min(...document.headings.map((heading) => heading.level));
  for (const heading of document.headings) {
    if (heading.level === topLevel) {
      if (current.blocks.length > 0 || current.heading) sections.push(current);
      current = { heading, blocks: [], notes: [] };
    }
    current.blocks.push({ kind: "heading", heading });
    addParagraphs(heading.anchor);
  }
  if (current.blocks.length > 0 || current.heading) sections.push(current);

  const notesByAnchor = new Map(document.footnotes.map((note) => [note.anchor, note]));
  const placed = new Set<string>();
  const markerIds = new Map<string, string[]>();
  const blockMarkerIds = new Map<string, string[]>();
  for (const section of sections) {
    for (const block of section.blocks) {
      const { anchor, markers } = block.kind === "heading" ? block.heading : block.paragraph;
      const idsOfBlock: string[] = [];
      blockMarkerIds.set(anchor, idsOfBlock);
      const inReadingOrder = markers.map((marker, index) => ({ marker, index })).sort((a, b) => a.marker.offset - b.marker.offset || a.index - b.index);
      for (const { marker, index } of inReadingOrder) {
        const ids = markerIds.get(marker.footnoteAnchor) ?? [];
        // A note called from more than one place gets one id per call; the first keeps the plain id links use.
        const id = ids.length === 0 ? markerDomId(marker.footnoteAnchor) : `${markerDomId(marker.footnoteAnchor)}-${ids.length + 1}`;
        ids.push(id);
        idsOfBlock[index] = id;
        markerIds.set(marker.footnoteAnchor, ids);
        const note = notesByAnchor.get(marker.footnoteAnchor);
        if (note && !placed.has(note.anchor)) {
          placed.add(note.anchor);
          section.notes.push(note);
        }
      }
    }
  }
  const unplacedNotes = document.footnotes.filter((note) => !placed.has(note.anchor));
  return { sections, unplacedNotes, markerIds, blockMarkerIds, paragraphNumbers };
}
