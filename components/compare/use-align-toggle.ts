"use client";

import { useCallback, useLayoutEffect, useRef, useState } from "react";
import type { CompareState, Side } from "@/lib/compare/compare-state";
import type { ScrollGuard } from "./aligned-scroll";
import { isShown, type PaneOf, paneBlock, partlyInPaneView, topBlock } from "./pane-dom";
import type { SetCompareQuery } from "./use-compare-query";

/** The block kept in place across the change: its side, anchor and distance from its pane's top edge. */
interface HeldBlock {
  side: Side;
  anchor: string;
  offset: number;
}

/** The paragraph in focus when any of it is in view, else the block at the top of the left pane. */
function blockToHold(paneOf: PaneOf, focus: CompareState["focus"]): HeldBlock | null {
  const candidates: { side: Side; anchor: string | null }[] = [];
  if (focus) candidates.push(focus);
  const leftPane = paneOf("left");
  candidates.push({ side: "left", anchor: leftPane && isShown(leftPane) ? topBlock(leftPane) : null });
  for (const { side, anchor } of candidates) {
    const pane = paneOf(side);
    const block = pane && anchor ? paneBlock(pane, side, anchor) : null;
    if (!pane || !block || (side === focus?.side && anchor === focus.anchor && !partlyInPaneView(pane, block))) continue;
    return { side, anchor: anchor!, offset: block.getBoundingClientRect().top - pane.getBoundingClientRect().top };
  }
  return null;
}

/**
 * Turning aligned mode on or off. The gutter it adds or takes away narrows or widens both panes, so their
 * text reflows and the same scrollTop shows another paragraph: the paragraph in focus (or else the left
 * pane's top block) is put back where the reader had it, before the frame is painted, and leads the
 * alignment (the other pane falls in step with it).
 */
export function useAlignToggle({
  aligned,
  focus,
  paneOf,
  guardRef,
  setQuery,
}: {
  aligned: boolean;
  focus: CompareState["focus"];
  paneOf: PaneOf;
  guardRef: React.RefObject<ScrollGuard>;
  setQuery: SetCompareQuery;
}): { toggleAlign: () => void; lead: Side | null } {
  const held = useRef<HeldBlock | null>(null);
  /** The pane that leads when the reader turned aligned mode on; null until they do. */
  const [lead, setLead] = useState<Side | null>(null);

  const toggleAlign = useCallback(() => {
    held.current = blockToHold(paneOf, focus);
    setLead(held.current?.side ?? "left");
    void setQuery({ align: aligned ? null : "1" });
  }, [aligned, focus, paneOf, setQuery]);

  useLayoutEffect(() => {
    const hold = held.current;
    held.current = null;
    const pane = hold ? paneOf(hold.side) : null;
    const block = pane && hold ? paneBlock(pane, hold.side, hold.anchor) : null;
    if (!pane || !block || !hold) return;
    pane.scrollTop += block.getBoundingClientRect().top - pane.getBoundingClientRect().top - hold.offset;
    guardRef.current[hold.side] = pane.scrollTop;
  }, [aligned, guardRef, paneOf]);

  return { toggleAlign, lead };
}
