import type { DocumentStructure, PdfPlacement } from "@/lib/model/document-model";

/**
 * What the reader needs to show a block on its printed page, and how it travels from the server-rendered
 * control to the browser's page view: as short data attributes (the control is rendered for every paragraph
 * and note, so a compact form keeps the page small), decoded by the page view.
 */

/** One line box of a block, in PDF points from its page's top-left corner (as lib/ingest/pdf measured it). */
export type PageBox = PdfPlacement["boxes"][number];

/**
 * Printed page numbers per PDF page, from the blocks whose placement says which folio each of its pages
 * shows (its folios as many as its pages). A block that crosses a page without a folio lists fewer folios
 * than pages: which page lacks one is not said, so it tells nothing. Nothing is inferred for a page no block
 * names: an unnumbered page stays unnumbered.
 */
export function foliosByPage(document: Pick<DocumentStructure, "headings" | "paragraphs" | "footnotes">): Map<number, string> {
  const folios = new Map<number, string>();
  for (const block of [...document.headings, ...document.paragraphs, ...document.footnotes]) {
    const placement = block.placement;
    if (!placement) continue;
    const [first, last] = placement.pages;
    if (placement.folios.length !== last - first + 1) continue;
    placement.folios.forEach((folio, k) => {
      if (!folios.has(first + k)) folios.set(first + k, folio);
    });
  }
  return folios;
}

/**
 * How the reader names a block's place on the printed page: the journal's page numbers when the page shows
 * them ("p. 27", "pp. 27–28"), else the PDF's own page count ("PDF p. 3"), which is what a reader finds
 * in a viewer's page box.
 */
export function printedPageLabel(pages: readonly [number, number], folios: ReadonlyMap<number, string>): string {
  const [first, last] = pages;
  const from = folios.get(first);
  const to = folios.get(last);
  if (from !== undefined && to !== undefined) return first === last || from === to ? `p. ${from}` : `pp. ${from}–${to}`;
  return first === last ? `PDF p. ${first}` : `PDF pp. ${first}–${last}`;
}

/**
 * Boxes as `page:x,y,w,h` separated by spaces, to a tenth of a point (a tenth of a point is 0.035 mm,
 * far below a line's height: outlines drawn from it cover the same glyphs).
 */
export function encodePageBoxes(boxes: readonly PageBox[]): string {
  const tenth = (n: number) => String(Math.round(n * 10) / 10);
  return boxes.map((box) => `${box.page}:${[box.x, box.y, box.width, box.height].map(tenth).join(",")}`).join(" ");
}

const BOX = /^(\d+):(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?),(\d+(?:\.\d+)?),(\d+(?:\.\d+)?)$/u;

/** The inverse of encodePageBoxes; an entry that does not read as a box is left out (the attribute is the page's own, but a page is text). */
export function decodePageBoxes(encoded: string): PageBox[] {
  return encoded
    .split(" ")
    .map((entry) => BOX.exec(entry))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ page: Number(match[1]), x: Number(match[2]), y: Number(match[3]), width: Number(match[4]), height: Number(match[5]) }))
    .filter((box) => box.page >= 1);
}

/** Printed page numbers as `page:folio` separated by spaces (a folio is digits or roman numerals: no spaces, no colons). */
export function encodeFolios(folios: ReadonlyMap<number, string>): string {
  return [...folios.entries()]
    .filter(([, folio]) => /^[^\s:]+$/u.test(folio))
    .sort((a, b) => a[0] - b[0])
    .map(([page, folio]) => `${page}:${folio}`)
    .join(" ");
}

export function decodeFolios(encoded: string): Map<number, string> {
  const folios = new Map<number, string>();
  for (const entry of encoded.split(" ")) {
    const match = /^(\d+):([^\s:]+)$/u.exec(entry);
    if (match && Number(match[1]) >= 1) folios.set(Number(match[1]), match[2]!);
  }
  return folios;
}

