import type { DocumentStructure } from "@/lib/model/document-model";

/**
 * Where the model knows page breaks between blocks. The model has no page per block: it knows the page of
 * every marker (`footnote.page`) and of every unattached note text, and source lines that stand on that page
 * (a lost note's marker line; a placed note's first line, which is in its page's note area, below that page's
 * body). A block's first or last line is on page p when the evidence before it says "p or later" and the
 * evidence after it says "p or earlier". A block that runs over a page knows its pages outright: its first is the
 * page before the first that begins inside it, its last the last that does (the model's pageBreaks). Between two
 * blocks whose pages are both known and differ, the break is exactly there; a break inside a block is the
 * block's own (written at its character). Pages are counted as the layout stage counts them, from 1, not printed
 * folios.
 */
export interface BlockLines {
  /** Inclusive 1-based source lines of the block. */
  sourceLines: readonly [number, number];
  /** Pages that begin inside the block, in order (see the model's pageBreakSchema). */
  pageBreaks?: readonly { page: number }[];
}

/**
 * For each block (in reading order), the pages whose breaks fall right before it (usually none or one; more
 * when the pages between held no body text). The first block gets the page it starts on, when known.
 */
export function locatePageBreaks(document: DocumentStructure, blocks: readonly BlockLines[]): number[][] {
  const pageOf = pageLocator(document);
  let previous: number | null = null;
  return blocks.map((block, index) => {
    const inside = block.pageBreaks ?? [];
    const start = inside.length > 0 ? inside[0]!.page - 1 : pageOf(block.sourceLines[0]);
    const breaks: number[] = [];
    if (index === 0) {
      if (start !== null) breaks.push(start);
    } else if (previous !== null && start !== null && start > previous) {
      for (let page = previous + 1; page <= start; page++) breaks.push(page);
    }
    previous = inside.length > 0 ? inside[inside.length - 1]!.page : pageOf(block.sourceLines[1]);
    return breaks;
  });
}

/** The page a source line is on, when the evidence pins it down; null otherwise. */
export function pageLocator(document: DocumentStructure): (line: number) => number | null {
  const evidence: { line: number; page: number }[] = [];
  for (const note of document.footnotes) {
    // A note placed by an editor's correction may stand in another page's note area than its marker's.
    if (note.attachment?.how === "correction") continue;
    evidence.push({ line: note.sourceLines[0], page: note.page });
  }
  for (const fragment of document.fragments) evidence.push({ line: fragment.sourceLines[0], page: fragment.page });
  evidence.sort((a, b) => a.line - b.line || a.page - b.page);
  const lastPage = document.pageCount;
  return (line) => {
    if (lastPage < 1) return null;
    let atLeast = 1;
    let atMost = lastPage;
    for (const { line: at, page } of evidence) {
      if (at <= line) atLeast = Math.max(atLeast, page);
      if (at >= line) atMost = Math.min(atMost, page);
    }
    return atLeast === atMost ? atLeast : null;
  };
}
