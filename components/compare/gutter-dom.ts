import { type AlignmentPoint, alignmentChain, type BlockPair } from "@/lib/compare/alignment";
import type { Side } from "@/lib/compare/compare-state";
import { followerScrollTop, type ScrollGuard } from "./aligned-scroll";
import { connectorEnd, connectorsMarkup, type GutterFocus } from "./gutter-connectors";
import { blockBox, paneBlock } from "./pane-dom";
import { otherSide, SIDES } from "./sides";

/** The two panes, both mounted. */
export type Panes = Record<Side, HTMLDivElement>;

/** Each block's place in a pane's reading order, by anchor. */
function readingOrder(pane: HTMLElement): Map<string, number> {
  return new Map([...pane.querySelectorAll<HTMLElement>("[data-block]")].map((block, i) => [block.dataset.block!, i]));
}

/**
 * A block's top in its pane's content (from the content's top, wherever the pane is scrolled); in a
 * section not laid out yet, where it will roughly be (blockBox): measured again once it is laid out.
 */
function contentY(pane: HTMLElement, block: HTMLElement): number {
  return blockBox(block).top - pane.getBoundingClientRect().top + pane.scrollTop;
}

/**
 * The alignment points of the panes as laid out now: both tops, the block tops of each pair in the chain
 * the panes scroll by, and both ends.
 */
export function measureAlignment(panes: Panes, bodyPairs: readonly BlockPair[]): AlignmentPoint[] {
  const chain = alignmentChain(bodyPairs, readingOrder(panes.left), readingOrder(panes.right));
  const measured: AlignmentPoint[] = [{ left: 0, right: 0 }];
  for (const pair of chain) {
    const l = paneBlock(panes.left, "left", pair.left);
    const r = paneBlock(panes.right, "right", pair.right);
    if (l && r) measured.push({ left: contentY(panes.left, l), right: contentY(panes.right, r) });
  }
  measured.push({ left: panes.left.scrollHeight, right: panes.right.scrollHeight });
  return measured;
}

/** Draws every pair's connector into the gutter's SVG, as the panes stand now (nothing while the gutter is not shown). */
export function drawConnectors(gutter: HTMLElement, svg: SVGSVGElement, panes: Panes, pairs: readonly BlockPair[], focus: GutterFocus): void {
  const box = gutter.getBoundingClientRect();
  if (box.width === 0) return;
  const endOf = (side: Side, anchor: string) => {
    const block = paneBlock(panes[side], side, anchor);
    return block ? connectorEnd(blockBox(block), box) : null;
  };
  svg.innerHTML = connectorsMarkup(
    pairs.map((pair) => ({ pair, left: endOf("left", pair.left), right: endOf("right", pair.right) })),
    box,
    focus,
  );
}

/** Scrolls the other pane in step with `from`, marking the position it set in `guard` (its scroll event is an echo). */
export function followPane(panes: Panes, from: Side, points: readonly AlignmentPoint[], guard: ScrollGuard): void {
  const to = otherSide(from);
  const follower = panes[to];
  const top = followerScrollTop(points, from, panes[from].scrollTop, follower);
  if (top === null) return;
  follower.scrollTop = top;
  guard[to] = follower.scrollTop;
}

/** Calls `onScroll` with the side of each pane scrolled; returns the way to stop. */
export function listenToScrolls(panes: Panes, onScroll: (side: Side) => void): () => void {
  const removers = SIDES.map((side) => {
    const listener = () => onScroll(side);
    panes[side].addEventListener("scroll", listener, { passive: true });
    return () => panes[side].removeEventListener("scroll", listener);
  });
  return () => removers.forEach((remove) => remove());
}

/**
 * Calls `onReflow` when either pane or its content changes size (fonts, new marks and chips, a resized
 * window) or a section of the text is laid out or skipped (its blocks' places become exact or estimated);
 * returns the way to stop.
 */
export function observeReflow(panes: Panes, onReflow: () => void): () => void {
  const observer = new ResizeObserver(onReflow);
  for (const side of SIDES) {
    const content = panes[side].firstElementChild;
    if (content) observer.observe(content);
    observer.observe(panes[side]);
    // The event does not bubble: heard on its way down.
    panes[side].addEventListener("contentvisibilityautostatechange", onReflow, { capture: true });
  }
  return () => {
    observer.disconnect();
    for (const side of SIDES) panes[side].removeEventListener("contentvisibilityautostatechange", onReflow, { capture: true });
  };
}

/**
 * Aligned, the panes' scroll anchoring is off (compare.css says why), so a section above a pane's visible
 * part that is laid out for the first time, taller or shorter than its estimate, would move the text being
 * read. Such a change is made good before it is painted (a ResizeObserver runs after layout, before paint):
 * the pane scrolls by what the sections wholly above its top edge grew. `placed` is told the position set,
 * for the guard (it is the script's scroll, not the reader's). Returns the way to stop.
 */
export function keepTextInPlace(panes: Panes, placed: (side: Side, scrollTop: number) => void): () => void {
  const heights = new Map<Element, number>();
  const sideOf = new Map<Element, Side>();
  const observer = new ResizeObserver((entries) => {
    const grew: Record<Side, number> = { left: 0, right: 0 };
    for (const entry of entries) {
      const height = entry.borderBoxSize[0]?.blockSize ?? entry.contentRect.height;
      const before = heights.get(entry.target);
      heights.set(entry.target, height);
      const side = sideOf.get(entry.target);
      if (before === undefined || !side || getComputedStyle(panes[side]).overflowAnchor !== "none") continue;
      if (entry.target.getBoundingClientRect().bottom <= panes[side].getBoundingClientRect().top) grew[side] += height - before;
    }
    for (const side of SIDES) {
      if (Math.abs(grew[side]) < 0.5) continue;
      panes[side].scrollTop += grew[side];
      placed(side, panes[side].scrollTop);
    }
  });
  for (const side of SIDES) {
    for (const section of panes[side].querySelectorAll(".text-section")) {
      sideOf.set(section, side);
      observer.observe(section, { box: "border-box" });
    }
  }
  return () => observer.disconnect();
}
