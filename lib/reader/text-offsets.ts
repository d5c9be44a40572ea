/**
 * Between a point in the rendered page and an offset in a block's stored text. The reader renders each
 * text run of a block in an element carrying its offset (`data-o`); note markers and note popovers sit
 * between runs and are not part of the text, so they are skipped.
 */

function textRuns(block: Element): { node: Text; start: number }[] {
  const runs: { node: Text; start: number }[] = [];
  for (const run of block.querySelectorAll<HTMLElement>("[data-o]")) {
    let at = Number(run.dataset.o);
    const walker = run.ownerDocument.createTreeWalker(run, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      runs.push({ node, start: at });
      at += node.data.length;
    }
  }
  return runs;
}

/** The offset in the block's text of a DOM point (a selection boundary); points inside a marker count as before it. */
export function offsetOfPoint(block: Element, node: Node, offset: number): number {
  const point = block.ownerDocument.createRange();
  point.setStart(node, offset);
  let reached = 0;
  for (const run of textRuns(block)) {
    if (run.node === node) return run.start + offset;
    // A run starting after the point: the point stands between the previous run and this one.
    if (point.comparePoint(run.node, 0) === 1) return reached;
    reached = run.start + run.node.data.length;
  }
  return reached;
}

/** A collapsed DOM range at an offset of the block's text, for scrolling a landing point into view. */
export function rangeAtOffset(block: Element, offset: number): Range | null {
  const runs = textRuns(block);
  const run = runs.find((candidate) => offset >= candidate.start && offset <= candidate.start + candidate.node.data.length) ?? runs.at(-1);
  if (!run) return null;
  const range = block.ownerDocument.createRange();
  range.setStart(run.node, Math.min(Math.max(0, offset - run.start), run.node.data.length));
  range.collapse(true);
  return range;
}
