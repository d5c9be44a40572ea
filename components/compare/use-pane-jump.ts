"use client";

import { useCallback, useEffect, useRef } from "react";
import type { JumpTarget } from "@/lib/compare/build-compare-view";
import type { JumpedTo, Side } from "@/lib/compare/compare-state";
import { writeJumped } from "@/lib/urls/app-urls";
import type { ScrollGuard } from "./alignment-gutter";
import { holdInPaneWhileLaidOut, jumpedElements, landingScrollTop, type PaneOf, paneBlock } from "./pane-dom";
import { PUSH, type SetCompareQuery } from "./use-compare-query";
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
 * without the aligned panes following (the position is marked in `guardRef`). Each jump is a place the
 * reader went to: a history entry (`j`, where it landed, pushed), so Back steps back jump by jump and a
 * copied link shows it outlined. On a phone, where only one pane is shown, the jump switches tabs in the
 * same entry and runs once the other pane is shown.
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
      const { concept } = options;
      const mention = concept && typeof target.start === "number" && typeof target.end === "number" ? { concept, start: target.start, end: target.end } : null;
      const jumped: JumpedTo = { side: to, anchor: target.anchor, mention };
      const go = () => {
        const pane = paneOf(to);
        const shown = pane ? jumpedElements(pane, jumped) : [];
        if (!pane || !shown[0]) return;
        pane.scrollTop = landingScrollTop(pane, shown[0]);
        guardRef.current[to] = pane.scrollTop;
        holdInPaneWhileLaidOut(pane, shown[0], (scrollTop) => (guardRef.current[to] = scrollTop));
        flash(shown);
        const block = paneBlock(pane, to, target.anchor);
        if (options.moveFocus && block) {
          if (!block.hasAttribute("tabindex")) block.setAttribute("tabindex", "-1");
          block.focus({ preventScroll: true });
        }
        announce(options.say);
      };
      const switchPane = shownPane !== to && window.matchMedia(PHONE).matches;
      void setQuery({ jumped: writeJumped(jumped), ...(switchPane ? { pane: to } : {}) }, PUSH);
      if (switchPane) afterPaneSwitch.current = go;
      else go();
    },
    [announce, flash, guardRef, paneOf, setQuery, shownPane],
  );
}
