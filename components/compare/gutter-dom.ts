import { type AlignmentPoint, alignmentChain, type BlockPair } from "@/lib/compare/alignment";
import type { Side } from "@/lib/compare/compare-state";
import { followerScrollTop, type ScrollGuard } from "./aligned-scroll";
import { connectorEnd, connectorsMarkup, type GutterFocus } from "./gutter-connectors";
import { paneBlock } from "./pane-dom";
import { otherSide, SIDES } from "./sides";

/** The two panes, both mounted. */
export type Panes = Record<Side, HTMLDivElement>;

/** Each block's place in a pane's reading order, by anchor. */
function readingOrder(pane: HTMLElement): Map<string, number> {
  return new Map([...pane.querySelectorAll<HTMLElement>("[data-block]")].map((block, i) => [block.dataset.block!, i]));
}

/** A block's top in its pane's content (from the content's top, wherever the pane is scrolled). */
function contentY(pane: HTMLElement, block: HTMLElement): number {
  return block.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop;
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
    return block ? connectorEnd(block.getBoundingClientRect(), box) : null;
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

/** Calls `onReflow` when either pane or its content changes size (fonts, new marks and chips, a resized window); returns the way to stop. */
export function observeReflow(panes: Panes, onReflow: () => void): () => void {
  const observer = new ResizeObserver(onReflow);
  for (const side of SIDES) {
    const content = panes[side].firstElementChild;
    if (content) observer.observe(content);
    observer.observe(panes[side]);
  }
  return () => observer.disconnect();
}
