import type { ReadingOrder } from "@/lib/reader/reading-order";

/**
 * Characters of text that fill the reader's largest first screen: at 1280×900 the text runs 39 characters a line
 * (document-body.css's `--section-measure`) at a line height of 1.9 on 17.2px type, 28 lines: about 1,100. A
 * phone shows fewer (22 a line, 26 lines). Past this the text is below the fold on every screen the reader is
 * laid out for, and may come in a later frame.
 */
export const FIRST_SCREEN_CHARACTERS = 1_200;

/**
 * The DOM id of the block that ends the essay's first screen of text (the first block whose text, counted from
 * the start, reaches `FIRST_SCREEN_CHARACTERS`; the last block of a shorter essay), or null for an essay with
 * no text.
 *
 * Why the reader names it: the page's first layout is its most expensive task (it opens the CJK faces the
 * text is set in), and a browser that paints the header before the essay is parsed lays out twice, the second
 * time with the essay's faces, after the first paint, where the task blocks input (Lighthouse's Total Blocking
 * Time counts it). `<link rel="expect" blocking="render">` holds the first paint until this block is parsed,
 * so the first frame shows the title and the start of the text at once and the fonts are opened before it.
 */
export function firstScreenEndId(order: ReadingOrder, idPrefix = ""): string | null {
  let characters = 0;
  let last: string | null = null;
  for (const section of order.sections) {
    for (const block of section.blocks) {
      const [anchor, text] = block.kind === "heading" ? [block.heading.anchor, block.heading.text] : [block.paragraph.anchor, block.paragraph.text];
      last = idPrefix + anchor;
      characters += text.length;
      if (characters >= FIRST_SCREEN_CHARACTERS) return last;
    }
  }
  return last;
}
