"use client";

import { debounce } from "nuqs";
import { useEffect } from "react";
import { isShown, type PaneOf, topBlock } from "./pane-dom";
import type { SetCompareQuery } from "./use-compare-query";
import { SIDES } from "./sides";

/** Each pane keeps its place in the URL while it scrolls (`lp`, `rp`: the block at its top), debounced. */
export function usePanePositionsInUrl(paneOf: PaneOf, setQuery: SetCompareQuery): void {
  useEffect(() => {
    const removers = SIDES.map((side) => {
      const pane = paneOf(side);
      const key = side === "left" ? "leftPosition" : "rightPosition";
      const onScroll = () => {
        if (!pane || !isShown(pane)) return;
        void setQuery({ [key]: topBlock(pane) }, { limitUrlUpdates: debounce(300) });
      };
      pane?.addEventListener("scroll", onScroll, { passive: true });
      return () => pane?.removeEventListener("scroll", onScroll);
    });
    return () => removers.forEach((remove) => remove());
  }, [paneOf, setQuery]);
}
