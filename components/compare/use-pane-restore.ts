"use client";

import { useEffect, useRef } from "react";
import type { CompareState } from "@/lib/compare/compare-state";
import type { ScrollGuard } from "./alignment-gutter";
import { documentPair, takeHandOver } from "./pane-hand-over";
import { type PaneOf, paneBlock } from "./pane-dom";
import { SIDES } from "./sides";

/** Gap left above the block a pane opens at. */
const TOP_MARGIN = 8;

/**
 * Once, on mount: each pane opens where the view it replaces left it (a concept picked or dropped), or
 * else at the block its URL names (`lp`, `rp`). Positions set here are marked in `guardRef` as the script's.
 */
export function usePaneRestore(initial: CompareState, paneOf: PaneOf, guardRef: React.RefObject<ScrollGuard>): void {
  const start = useRef(initial);
  useEffect(() => {
    const { left, right, lp, rp } = start.current;
    const handed = takeHandOver(documentPair(left, right));
    for (const side of SIDES) {
      const pane = paneOf(side);
      if (!pane) continue;
      if (handed) {
        pane.scrollTop = handed[side];
      } else {
        const anchor = side === "left" ? lp : rp;
        const target = anchor ? paneBlock(pane, side, anchor) : null;
        if (!target) continue;
        pane.scrollTop += target.getBoundingClientRect().top - pane.getBoundingClientRect().top - TOP_MARGIN;
      }
      guardRef.current[side] = pane.scrollTop;
    }
  }, [guardRef, paneOf]);
}
