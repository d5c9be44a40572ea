"use client";

import { useEffect } from "react";
import type { CompareState } from "@/lib/compare/compare-state";
import { type PaneOf, paneBlock } from "./pane-dom";

/**
 * The focused paragraph is marked in its pane (`data-focused`), and its links button pressed; again
 * whenever the panes' content is rendered anew.
 */
export function useFocusedBlockMark(focus: CompareState["focus"], paneOf: PaneOf, leftContent: React.ReactNode, rightContent: React.ReactNode): void {
  useEffect(() => {
    if (!focus) return;
    const pane = paneOf(focus.side);
    const block = pane ? paneBlock(pane, focus.side, focus.anchor) : null;
    const button = pane?.querySelector<HTMLElement>(`[data-focus-block="${CSS.escape(focus.anchor)}"]`);
    if (block) block.dataset.focused = "";
    button?.setAttribute("aria-pressed", "true");
    return () => {
      if (block) delete block.dataset.focused;
      button?.setAttribute("aria-pressed", "false");
    };
  }, [focus, paneOf, leftContent, rightContent]);
}
