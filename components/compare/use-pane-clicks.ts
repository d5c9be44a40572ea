"use client";

import { useEffect } from "react";
import type { CounterpartEntry } from "@/lib/compare/build-compare-view";
import type { CompareState, Side } from "@/lib/compare/compare-state";
import type { PaneOf } from "./pane-dom";
import { counterpartAt, firstCounterpart } from "./paragraph-links";
import { otherSide } from "./sides";
import type { JumpTo } from "./use-pane-jump";

type Focus = CompareState["focus"];

interface PaneClicks {
  /** By side, block and concept: each mention of an active concept and where its counterpart is. */
  counterparts: Record<Side, Record<string, Record<string, CounterpartEntry[]>>>;
  /** Concept labels, for what a jump says. */
  labels: ReadonlyMap<string, string>;
  /** How many links each block of each side has. */
  linkCounts: Record<Side, ReadonlyMap<string, number>>;
  focus: Focus;
  setFocus: (focus: Focus) => void;
  jump: JumpTo;
}

/**
 * Chips, marks, link buttons and paragraphs of both panes, by delegation on the server-rendered text: a
 * chip or a mark goes to the concept's counterpart in the other pane, a links button toggles the
 * paragraph's focus panel, and a linked paragraph clicked is the paragraph in focus.
 */
export function usePaneClicks(paneOf: PaneOf, clicks: PaneClicks): void {
  const { counterparts, labels, linkCounts, focus, setFocus, jump } = clicks;
  useEffect(() => {
    const grid = paneOf("left")?.parentElement;
    if (!grid) return;
    const onClick = paneClickHandler({ counterparts, labels, linkCounts, focus, setFocus, jump });
    grid.addEventListener("click", onClick);
    return () => grid.removeEventListener("click", onClick);
  }, [counterparts, focus, jump, labels, linkCounts, paneOf, setFocus]);
}

function paneClickHandler({ counterparts, labels, linkCounts, focus, setFocus, jump }: PaneClicks): (event: MouseEvent) => void {
  const conceptJump = (side: Side, concept: string, entry: CounterpartEntry | undefined, keyboard: boolean) => {
    const target = entry?.[2];
    if (!target) return;
    const to = otherSide(side);
    jump(to, target, { concept, moveFocus: keyboard, say: `${labels.get(concept) ?? concept}: shown in the ${to} essay` });
  };
  const entriesOf = (side: Side, anchor: string, concept: string) => counterparts[side][anchor]?.[concept] ?? [];

  return (event) => {
    const element = event.target as Element | null;
    const side = element?.closest<HTMLElement>("[data-pane]")?.dataset.pane as Side | undefined;
    if (!element || (side !== "left" && side !== "right")) return;
    const keyboard = event.detail === 0;

    const chip = element.closest<HTMLElement>("[data-jump-concept]");
    if (chip) {
      const concept = chip.dataset.jumpConcept!;
      conceptJump(side, concept, firstCounterpart(entriesOf(side, chip.dataset.jumpBlock!, concept)), keyboard);
      return;
    }
    const linksButton = element.closest<HTMLElement>("[data-focus-block]");
    if (linksButton) {
      const anchor = linksButton.dataset.focusBlock!;
      setFocus(focus?.side === side && focus.anchor === anchor ? null : { side, anchor });
      return;
    }
    if (element.closest("a, button, input, label, summary, [popover]")) return;
    if (window.getSelection()?.isCollapsed === false) return;
    const anchor = element.closest<HTMLElement>("[data-block]")?.dataset.block;
    if (!anchor) return;
    const mark = element.closest<HTMLElement>("mark[data-concept]");
    if (mark) {
      const concept = mark.dataset.concept!;
      const offset = Number(mark.closest<HTMLElement>("[data-o]")?.dataset.o);
      conceptJump(side, concept, counterpartAt(entriesOf(side, anchor, concept), offset), false);
    }
    // A linked paragraph clicked is the paragraph in focus: its links are listed.
    if ((linkCounts[side].get(anchor) ?? 0) > 0) setFocus({ side, anchor });
  };
}
