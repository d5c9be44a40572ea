"use client";

import { useCallback, useEffect, useRef } from "react";
import type { JumpTarget } from "@/lib/compare/build-compare-view";
import type { Side } from "@/lib/compare/compare-state";
import type { ScrollGuard } from "./alignment-gutter";
import { mentionMarks, type PaneOf, paneBlock } from "./pane-dom";
import type { SetCompareQuery } from "./use-compare-query";
import { useFlash } from "./use-flash";

const PHONE = "(max-width: 767px)";

export interface JumpOptions {
  /** The concept whose words in the block are shown (and flashed) rather than the whole block. */
  concept?: string;
  /** What the live region says once the block is shown. */
  say: string;
  /** Keyboard focus follows to the block (a jump made from the keyboard). */
  moveFocus: boolean;
}

export type JumpTo = (to: Side, target: JumpTarget | { anchor: string; start?: null; end?: null }, options: JumpOptions) => void;

/**
 * Showing a block of pane `to` (and the concept's words in it) a third of the way down the pane, flashed,
 * without the aligned panes following (the position is marked in `guardRef`). On a phone, where only one
 * pane is shown, the jump switches tabs first and runs once the other pane is shown.
 */
export function usePaneJump({
  paneOf,
  guardRef,
  shownPane,
  setQuery,
  announce,
}: {
  paneOf: PaneOf;
  guardRef: React.RefObject<ScrollGuard>;
  /** The pane shown on a phone (`pane`). */
  shownPane: Side;
  setQuery: SetCompareQuery;
  announce: (message: string) => void;
}): JumpTo {
  const flash = useFlash();
  const afterPaneSwitch = useRef<(() => void) | null>(null);

  useEffect(() => {
    const run = afterPaneSwitch.current;
    afterPaneSwitch.current = null;
    run?.();
  }, [shownPane]);

  return useCallback(
    (to, target, options) => {
      const go = () => {
        const pane = paneOf(to);
        const block = pane ? paneBlock(pane, to, target.anchor) : null;
        if (!pane || !block) return;
        let shown: HTMLElement[] = [block];
        if (options.concept && typeof target.start === "number" && typeof target.end === "number") {
          const words = mentionMarks(block, options.concept, { start: target.start, end: target.end });
          if (words.length > 0) shown = words;
        }
        const rect = shown[0]!.getBoundingClientRect();
        pane.scrollTop += rect.top - pane.getBoundingClientRect().top - pane.clientHeight / 3;
        guardRef.current[to] = pane.scrollTop;
        flash(shown);
        if (options.moveFocus) {
          if (!block.hasAttribute("tabindex")) block.setAttribute("tabindex", "-1");
          block.focus({ preventScroll: true });
        }
        announce(options.say);
      };
      if (shownPane !== to && window.matchMedia(PHONE).matches) {
        afterPaneSwitch.current = go;
        void setQuery({ pane: to });
      } else go();
    },
    [announce, flash, guardRef, paneOf, setQuery, shownPane],
  );
}
