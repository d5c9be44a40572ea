import type { JumpTarget } from "@/lib/compare/build-compare-view";
import type { JumpedTo, Side } from "@/lib/compare/compare-state";
import type { PanePosition } from "./pane-hand-over";

/** A pane's element, or null before it is mounted. */
export type PaneOf = (side: Side) => HTMLDivElement | null;

/** A block of a pane by its anchor: blocks in side by side carry their side before their anchor in their id. */
export function paneBlock(pane: ParentNode, side: Side, anchor: string): HTMLElement | null {
  return pane.querySelector<HTMLElement>(`[id="${side}-${CSS.escape(anchor)}"]`);
}

/** The section of the text an element stands in (laid out only near the pane's visible part: compare.css). */
const sectionOf = (element: Element) => element.closest<HTMLElement>(".text-section");

/**
 * Whether an element is laid out: one in a section the browser skips (off screen, `content-visibility:
 * auto`) is not, and measuring it would lay its section out, the work the skipping saves.
 */
export function isLaidOut(element: Element): boolean {
  return typeof element.checkVisibility === "function" ? element.checkVisibility({ contentVisibilityAuto: true }) : true;
}

/**
 * A block's box on screen, without laying out a section the browser skips: there, the block's share of
 * its section's estimated box (blocks taken as of equal height), which is where it will roughly be.
 */
export function blockBox(block: HTMLElement): { top: number; bottom: number; height: number } {
  const section = sectionOf(block);
  if (!section || isLaidOut(block)) return block.getBoundingClientRect();
  const blocks = [...section.querySelectorAll<HTMLElement>("[data-block]")];
  const box = section.getBoundingClientRect();
  const share = box.height / Math.max(1, blocks.length);
  const top = box.top + share * Math.max(0, blocks.indexOf(block));
  return { top, bottom: top + share, height: share };
}

/**
 * The block at the top of a pane: the first whose bottom is below the pane's top edge. Sections wholly
 * above the edge are passed over by their own box, so none of them is laid out to be measured.
 */
export function topBlock(pane: HTMLElement): string | null {
  const top = pane.getBoundingClientRect().top;
  const above = new Map<HTMLElement, boolean>();
  for (const block of pane.querySelectorAll<HTMLElement>("[data-block]")) {
    const section = sectionOf(block);
    if (section && !above.has(section)) above.set(section, section.getBoundingClientRect().bottom <= top + 4);
    if (section && above.get(section)) continue;
    if (block.getBoundingClientRect().bottom > top + 4) return block.dataset.block ?? null;
  }
  return null;
}

/** Frames after a pane is placed in which the sections that came into view are laid out (the second pass catches a section laid out by the first). */
const LAYOUT_SETTLING_FRAMES = 2;

/**
 * Keeps `element` where the script just put it in its pane while the sections brought into view are
 * laid out: one above it turning out taller or shorter than its estimate would move it (the browser's
 * scroll anchoring corrects most of that, not all, and none in aligned mode, where it is off). The
 * element's own move is measured, so a move the anchoring made good is not made twice; `placed` is told
 * each position set, for the aligned panes' guard (components/reader/land-at.ts does the same for the page).
 */
export function holdInPaneWhileLaidOut(pane: HTMLElement, element: HTMLElement, placed: (scrollTop: number) => void): void {
  const from = element.getBoundingClientRect().top - pane.getBoundingClientRect().top;
  let frames = 0;
  const check = () => {
    if (!element.isConnected) return;
    const shift = element.getBoundingClientRect().top - pane.getBoundingClientRect().top - from;
    if (Math.abs(shift) >= 1) {
      pane.scrollTop += shift;
      placed(pane.scrollTop);
    }
    if (++frames < LAYOUT_SETTLING_FRAMES) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
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

/** Where a pane stands, for the view that replaces it (pane-hand-over.ts): its top block and that block's distance from the pane's top edge. */
export function panePosition(pane: HTMLElement | null, side: Side): PanePosition {
  if (!pane || !isShown(pane)) return { scrollTop: pane?.scrollTop ?? 0, block: null, offset: 0 };
  const anchor = topBlock(pane);
  const block = anchor ? paneBlock(pane, side, anchor) : null;
  const offset = block ? block.getBoundingClientRect().top - pane.getBoundingClientRect().top : 0;
  return { scrollTop: pane.scrollTop, block: block ? anchor : null, offset };
}

/** Puts a pane back where `panePosition` found it (its block at the same distance from the top, else its scrollTop), held there while laid out. */
export function restorePanePosition(pane: HTMLElement, side: Side, position: PanePosition, placed: (scrollTop: number) => void): void {
  const block = position.block ? paneBlock(pane, side, position.block) : null;
  if (block) pane.scrollTop += block.getBoundingClientRect().top - pane.getBoundingClientRect().top - position.offset;
  else pane.scrollTop = position.scrollTop;
  placed(pane.scrollTop);
  if (block) holdInPaneWhileLaidOut(pane, block, placed);
}

/**
 * The words of a block shown in a pane, from `start` to `end` (UTF-16 offsets into the stored text, as a
 * link's ends give them), read from the text runs the pane renders (each says its offset: `data-o`); the
 * whole text when no offsets are given. Null when the pane does not show the block's text.
 */
export function paneWords(pane: ParentNode, side: Side, anchor: string, start: number | null = null, end: number | null = null): string | null {
  const element = paneBlock(pane, side, anchor);
  const text = element?.matches("[data-block]") ? element : element?.querySelector<HTMLElement>("[data-block]");
  if (!text) return null;
  let words = "";
  for (const run of text.querySelectorAll<HTMLElement>("[data-o]")) {
    const from = Number(run.dataset.o);
    const content = run.textContent ?? "";
    const cut = content.slice(Math.max(0, (start ?? from) - from), end === null ? undefined : Math.max(0, end - from));
    words += cut;
  }
  return words;
}

/** A note as a pane lists it: its printed label and its text. Null when the pane does not list it. */
export function paneNote(pane: ParentNode, side: Side, anchor: string): { label: string; text: string } | null {
  const item = paneBlock(pane, side, anchor);
  if (!item) return null;
  return { label: item.querySelector(".note-label")?.textContent ?? "", text: paneWords(pane, side, anchor) ?? "" };
}
