"use client";

import { useLayoutEffect, useRef } from "react";
import type { CompareState } from "@/lib/compare/compare-state";
import type { ScrollGuard } from "./aligned-scroll";
import { documentPair, takeHandOver } from "./pane-hand-over";
import { type PaneOf, restorePanePosition } from "./pane-dom";
import { SIDES } from "./sides";

/**
 * A concept picked or dropped between two views of one route (both with concepts) renders the panes again in
 * place, and each pane's text is one string of markup (app/compare/compare-view.tsx), so the new text replaces
 * the old whole: its sections stand at their estimated heights again and the pane's scrollTop would land
 * elsewhere in it. The positions useConceptToggle handed over are put back as soon as the new text is in,
 * before it is painted (usePaneRestore does the same for a view that replaces this one).
 */
export function usePanesKeptInPlace(
  documents: Pick<CompareState, "left" | "right">,
  texts: { left: React.ReactNode; right: React.ReactNode },
  paneOf: PaneOf,
  guardRef: React.RefObject<ScrollGuard>,
): void {
  const mounted = useRef(false);
  const { left, right } = documents;
  useLayoutEffect(() => {
    // On mount the view is new: usePaneRestore places it.
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    const handed = takeHandOver(documentPair(left, right));
    if (!handed) return;
    for (const side of SIDES) {
      const pane = paneOf(side);
      if (pane) restorePanePosition(pane, side, handed[side], (scrollTop) => (guardRef.current[side] = scrollTop));
    }
  }, [texts.left, texts.right, left, right, paneOf, guardRef]);
}
