"use client";

import { useEffect, useRef } from "react";
import type { CompareState } from "@/lib/compare/compare-state";
import type { ScrollGuard } from "./alignment-gutter";
import { documentPair, takeHandOver } from "./pane-hand-over";
import { type PaneOf, restorePanePosition } from "./pane-dom";
import { placePanes } from "./place-panes";
import { SIDES } from "./sides";

/**
 * Once, on mount: each pane opens where the view it replaces left it (a concept picked or dropped), or
 * else where its URL says (`lp`, `rp`, and the place a jump landed on, `j`). Positions set here are marked
 * in `guardRef` as the script's.
 */
export function usePaneRestore(initial: CompareState, paneOf: PaneOf, guardRef: React.RefObject<ScrollGuard>): void {
  const start = useRef(initial);
  useEffect(() => {
    const { left, right } = start.current;
    const handed = takeHandOver(documentPair(left, right));
    if (!handed) return placePanes(paneOf, start.current, guardRef.current);
    for (const side of SIDES) {
      const pane = paneOf(side);
      if (pane) restorePanePosition(pane, side, handed[side], (scrollTop) => (guardRef.current[side] = scrollTop));
    }
  }, [guardRef, paneOf]);
}
