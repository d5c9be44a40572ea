"use client";

import { useCallback, useTransition } from "react";
import type { CompareState, Side } from "@/lib/compare/compare-state";
import { MAX_ACTIVE_CONCEPTS } from "@/lib/compare/concept-tones";
import { toggledConcepts } from "./concept-selection";
import { documentPair, leaveHandOver } from "./pane-hand-over";
import { isShown, type PaneOf, panePosition, topBlock } from "./pane-dom";
import { PUSH, type SetCompareQuery } from "./use-compare-query";

/**
 * Picking or dropping a concept: a history entry (Back drops or picks it again). The marks are drawn on
 * the server, so a new set of concepts is a (transitioned) server render, by a view that replaces this one: the panes' exact positions are handed
 * over to it, and their blocks go into the URL in the same update (a position update still waiting,
 * debounced, would land during the navigation and cancel it; this update replaces it).
 */
export function useConceptToggle({
  active,
  documents,
  positions,
  paneOf,
  setQuery,
}: {
  active: string[];
  documents: Pick<CompareState, "left" | "right">;
  /** The blocks the URL has for the panes (`lp`, `rp`), kept for a pane not laid out (phone). */
  positions: Pick<CompareState, "lp" | "rp">;
  paneOf: PaneOf;
  setQuery: SetCompareQuery;
}): { pending: boolean; toggleConcept: (id: string) => void } {
  const [pending, startTransition] = useTransition();
  const { left, right } = documents;
  const { lp, rp } = positions;
  const toggleConcept = useCallback(
    (id: string) => {
      const next = toggledConcepts(active, id, MAX_ACTIVE_CONCEPTS);
      leaveHandOver(documentPair(left, right), { left: panePosition(paneOf("left"), "left"), right: panePosition(paneOf("right"), "right") });
      const position = (side: Side) => {
        const pane = paneOf(side);
        return pane && isShown(pane) ? topBlock(pane) : side === "left" ? lp : rp;
      };
      void setQuery({ concepts: next.length > 0 ? next : null, leftPosition: position("left"), rightPosition: position("right") }, { ...PUSH, shallow: false, startTransition });
    },
    [active, left, lp, paneOf, right, rp, setQuery],
  );
  return { pending, toggleConcept };
}
