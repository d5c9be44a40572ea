import { type AlignmentPoint, mapOffset } from "@/lib/compare/alignment";
import type { Side } from "@/lib/compare/compare-state";

/** The scrollTop each pane was last set to by the script: its scroll event is an echo, not the reader. */
export type ScrollGuard = Record<Side, number | null>;

/** Gap between a pane's top edge and the block aligned there (as when a pane opens at `lp`). */
export const TOP_MARGIN = 8;

/** A pane's scroll position and extent (an HTMLElement's). */
export interface PaneScroll {
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
}

/**
 * Whether a pane's scroll event came from the script (the other pane's follower, or a jump) rather than
 * the reader: it stands where the script last set it (`echo`). An echo leads nothing.
 */
export function isEcho(echo: number | null, scrollTop: number): boolean {
  return echo !== null && Math.abs(scrollTop - echo) < 1.5;
}

/**
 * Where the pane following `from` should scroll to, along the alignment points, kept within its extent;
 * null when it already stands there (within a pixel).
 */
export function followerScrollTop(points: readonly AlignmentPoint[], from: Side, fromScrollTop: number, follower: PaneScroll): number | null {
  const wanted = mapOffset(points, fromScrollTop + TOP_MARGIN, from) - TOP_MARGIN;
  const clamped = Math.max(0, Math.min(follower.scrollHeight - follower.clientHeight, wanted));
  return Math.abs(follower.scrollTop - clamped) < 1 ? null : clamped;
}
