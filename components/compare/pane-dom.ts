import type { JumpTarget } from "@/lib/compare/build-compare-view";
import type { JumpedTo, Side } from "@/lib/compare/compare-state";

/** A pane's element, or null before it is mounted. */
export type PaneOf = (side: Side) => HTMLDivElement | null;

/** A block of a pane by its anchor: blocks in side by side carry their side before their anchor in their id. */
export function paneBlock(pane: ParentNode, side: Side, anchor: string): HTMLElement | null {
  return pane.querySelector<HTMLElement>(`[id="${side}-${CSS.escape(anchor)}"]`);
}

/** The block at the top of a pane: the first whose bottom is below the pane's top edge. */
export function topBlock(pane: HTMLElement): string | null {
  const top = pane.getBoundingClientRect().top;
  for (const block of pane.querySelectorAll<HTMLElement>("[data-block]")) {
    if (block.getBoundingClientRect().bottom > top + 4) return block.dataset.block ?? null;
  }
  return null;
}

/** Whether a pane is laid out (on a phone the pane of the other tab is not). */
export const isShown = (pane: HTMLElement) => pane.offsetParent !== null;

/** The marks of `concept` inside the mention `target` names, in its block. */
export function mentionMarks(block: HTMLElement, concept: string, target: Pick<JumpTarget, "start" | "end">): HTMLElement[] {
  return [...block.querySelectorAll<HTMLElement>(`mark[data-concept="${CSS.escape(concept)}"]`)].filter((mark) => {
    const offset = Number(mark.closest<HTMLElement>("[data-o]")?.dataset.o);
    return offset >= target.start && offset < target.end;
  });
}

/**
 * Where a jump (`j`) landed in its pane: the marks of the concept's mention when there was one and they
 * are still there, else the block; empty when the block is not in the pane.
 */
export function jumpedElements(pane: HTMLElement, jumped: JumpedTo): HTMLElement[] {
  const block = paneBlock(pane, jumped.side, jumped.anchor);
  if (!block) return [];
  const words = jumped.mention ? mentionMarks(block, jumped.mention.concept, jumped.mention) : [];
  return words.length > 0 ? words : [block];
}

/** Where a jump puts what it shows: this far down the pane, so the lines before it are read too. */
export const JUMP_LANDING = 1 / 3;

/** The least gap kept above a passage a jump shows. */
const LANDING_GAP = 8;

/**
 * The pane's scrollTop that puts `element` at JUMP_LANDING of its height, or higher when that would cut off
 * its end (a long paragraph shown whole if it fits), never with its start above the pane's top.
 */
export function landingScrollTop(pane: HTMLElement, element: HTMLElement): number {
  const box = element.getBoundingClientRect();
  const fitsWhole = pane.clientHeight - box.height - LANDING_GAP;
  const offset = Math.max(LANDING_GAP, Math.min(pane.clientHeight * JUMP_LANDING, fitsWhole));
  return pane.scrollTop + box.top - pane.getBoundingClientRect().top - offset;
}

/** Whether an element stands wholly within its pane's visible height, above `coveredBelow` pixels of it. */
export function inPaneView(pane: HTMLElement, element: HTMLElement, coveredBelow = 0): boolean {
  const paneBox = pane.getBoundingClientRect();
  const box = element.getBoundingClientRect();
  return box.top >= paneBox.top - 1 && box.bottom <= paneBox.bottom - coveredBelow + 1;
}

/** Whether any of an element shows within its pane's visible height. */
export function partlyInPaneView(pane: HTMLElement, element: HTMLElement): boolean {
  const paneBox = pane.getBoundingClientRect();
  const box = element.getBoundingClientRect();
  return box.top < paneBox.bottom && box.bottom > paneBox.top;
}
