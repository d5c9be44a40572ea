import type { PdfPlacement } from "@/lib/model/document-model";

/**
 * Page breaks of a document read from a PDF, where every block knows its pages: before each block (in reading
 * order), the pages that begin between the end of the block before it and its own start. The first block gets
 * the page it starts on. A block that runs over a page keeps that break inside it, unmarked (the placement says
 * which lines, not at which character, the page turns). Null when a block has no placement (a text source, or
 * a block whose lines the PDF's geometry did not place): the caller then infers breaks from the notes.
 */
export function placementPageBreaks(blocks: readonly { placement?: PdfPlacement }[]): number[][] | null {
  if (blocks.length === 0 || blocks.some((block) => block.placement === undefined)) return null;
  let previous: number | null = null;
  return blocks.map((block) => {
    const [first, last] = block.placement!.pages;
    const breaks: number[] = [];
    if (previous === null) breaks.push(first);
    else for (let page = previous + 1; page <= first; page++) breaks.push(page);
    previous = Math.max(previous ?? last, last);
    return breaks;
  });
}

/**
 * The `n` of a page break: the printed page number (folio) when the page shows one that is a plain number,
 * else the PDF's own page count from 1 (the editorial declaration says which).
 */
export function pageBreakNumber(page: number, folios: ReadonlyMap<number, string>): number {
  const folio = folios.get(page);
  return folio !== undefined && /^[1-9]\d{0,5}$/u.test(folio) ? Number(folio) : page;
}
