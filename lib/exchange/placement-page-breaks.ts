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
 * The `n` of a page break: the page number printed on the page (its folio: Arabic digits, or Roman numerals as
 * front matter is numbered), or null when the page prints none or what stands there reads as no page number.
 * Never a count of pages: the Guidelines ask for one policy for pb's n (printed numbers or physical sequence,
 * their remarks on pb), and a count among printed numbers would read as one of them.
 */
export function printedPageNumber(folio: string | undefined): string | null {
  if (folio === undefined) return null;
  const trimmed = folio.trim();
  return /^(?:[1-9]\d{0,5}|[ivxlcdm]{1,8}|[IVXLCDM]{1,8})$/u.test(trimmed) ? trimmed : null;
}
