"use client";

import { useEffect } from "react";
import type { JumpedTo } from "@/lib/compare/compare-state";
import { jumpedElements, type PaneOf } from "./pane-dom";

/**
 * The place the last jump landed on (`j`) stays outlined (`data-jumped`) until the next jump, so the
 * reader who looked away, stepped Back to it or opened a shared link still sees what was shown; again
 * whenever the panes' content is rendered anew.
 */
export function useJumpedMark(jumped: JumpedTo | null, paneOf: PaneOf, content: { left: React.ReactNode; right: React.ReactNode }): void {
  const { left, right } = content;
  useEffect(() => {
    const pane = jumped ? paneOf(jumped.side) : null;
    const marked = pane && jumped ? jumpedElements(pane, jumped) : [];
    for (const element of marked) element.dataset.jumped = "";
    return () => {
      for (const element of marked) delete element.dataset.jumped;
    };
  }, [jumped, paneOf, left, right]);
}
