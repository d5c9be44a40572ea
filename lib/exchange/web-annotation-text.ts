/**
 * "The document's text", the one string Web Annotation positions count in (TextPositionSelector at the top
 * of a target, in exports and imports): the text of every heading, paragraph and note in reading order, as
 * the search index holds them (lib/db/write-search-blocks.ts `searchBlocksOf`: each heading just before
 * the first paragraph under it, then the notes; a block with nothing to find, such as a note lost in
 * extraction, left out), each followed by one line feed. Positions are UTF-16 code units, as in
 * JavaScript strings and in Hypothesis, whose TextPositionSelector counts UTF-16 units of the page's
 * `textContent`. Marker labels (①, [1]) are not in it: the parser takes them out of the text.
 *
 * Why the whole document rather than one block: a TextPositionSelector at the top of a target is read by
 * every client (Hypothesis first among them) as positions in the whole resource; positions inside one block
 * are given too, but as a refinement of the block's FragmentSelector, which is what `refinedBy` means.
 */

export type TextBlockKind = "heading" | "paragraph" | "footnote";

export interface TextBlock {
  anchor: string;
  kind: TextBlockKind;
  text: string;
  /** Note markers called from the block: where they stand in its text, and the label the page shows there. */
  markers?: readonly { offset: number; label: string }[];
}

export interface BlockSpan extends TextBlock {
  /** Where the block's text starts in the document's text; it ends at `start + text.length`. */
  start: number;
}

export interface DocumentText {
  text: string;
  blocks: BlockSpan[];
}

/** Between blocks: a quote never runs from one block into the next unless it says so. */
export const BLOCK_SEPARATOR = "\n";

export function documentText(blocks: readonly TextBlock[]): DocumentText {
  let text = "";
  const spans: BlockSpan[] = [];
  for (const block of blocks) {
    spans.push({ ...block, start: text.length });
    text += block.text + BLOCK_SEPARATOR;
  }
  return { text, blocks: spans };
}

/** A place in a block: its anchor and the UTF-16 offset in its text. */
export interface BlockPoint {
  anchor: string;
  offset: number;
}

/** The document-text position of a point in a block, or null when the document has no such block. */
export function positionOf(layout: DocumentText, point: BlockPoint): number | null {
  const block = layout.blocks.find((candidate) => candidate.anchor === point.anchor);
  if (!block || point.offset < 0 || point.offset > block.text.length) return null;
  return block.start + point.offset;
}

/**
 * The block point where a range starting at `position` starts: the block holding it, or, when it falls on a
 * separator, the start of the next block.
 */
export function startPointAt(layout: DocumentText, position: number): BlockPoint | null {
  for (const block of layout.blocks) {
    if (position <= block.start) return { anchor: block.anchor, offset: 0 };
    if (position < block.start + block.text.length) return { anchor: block.anchor, offset: position - block.start };
  }
  return null;
}

/** The block point where a range ending (exclusively) at `position` ends: in the block of its last character. */
export function endPointAt(layout: DocumentText, position: number): BlockPoint | null {
  for (let index = layout.blocks.length - 1; index >= 0; index -= 1) {
    const block = layout.blocks[index]!;
    const end = block.start + block.text.length;
    if (position > end) return { anchor: block.anchor, offset: block.text.length };
    if (position > block.start) return { anchor: block.anchor, offset: position - block.start };
  }
  return null;
}

/**
 * The document's text as the reader page shows it, marker labels (`[2]`, `②`) standing where their markers
 * are: what a Hypothesis user selects and quotes. With the way back from a point in it to the plain text
 * (a point inside or just after a label is the marker's offset).
 */
export function displayedText(layout: DocumentText): { layout: DocumentText; toPlain: (point: BlockPoint) => BlockPoint } {
  const maps = new Map<string, number[]>();
  const blocks = layout.blocks.map((block) => {
    const markers = [...(block.markers ?? [])].filter((marker) => marker.offset >= 0 && marker.offset <= block.text.length).sort((a, b) => a.offset - b.offset);
    let text = "";
    const plainAt: number[] = [];
    let from = 0;
    for (const marker of markers) {
      for (; from < marker.offset; from += 1) {
        plainAt.push(from);
        text += block.text[from];
      }
      for (const character of marker.label) {
        for (let unit = 0; unit < character.length; unit += 1) plainAt.push(marker.offset);
        text += character;
      }
    }
    for (; from < block.text.length; from += 1) {
      plainAt.push(from);
      text += block.text[from];
    }
    plainAt.push(block.text.length);
    maps.set(block.anchor, plainAt);
    return { anchor: block.anchor, kind: block.kind, text };
  });
  const toPlain = (point: BlockPoint): BlockPoint => ({ anchor: point.anchor, offset: maps.get(point.anchor)?.[point.offset] ?? point.offset });
  return { layout: documentText(blocks), toPlain };
}

