"use client";

import { useEffect, useRef } from "react";
import { readCompareState } from "@/lib/urls/app-urls";
import type { ScrollGuard } from "./aligned-scroll";
import { type RenderedPlaces, renderedPlaces, samePlaces } from "./history-step";
import type { PaneOf } from "./pane-dom";
import { type PanePlaces, placePanes } from "./place-panes";

/** How long a history step waits for the view to render it (a concept step is a server render). */
const STEP_TIMEOUT_MS = 5_000;

interface PendingStep {
  places: PanePlaces;
  rendered: RenderedPlaces;
  until: number;
}

/**
 * A history step (Back, Forward) within side by side puts the panes back where that entry had them: its
 * positions, and the place its jump landed on, in view. The step is read from the URL when it happens and
 * applied once the panes render it (the query at once, concept marks after a server render), and only
 * then, so a later scroll of the reader's own is never undone.
 */
export function usePaneRestoreOnBack(
  rendered: RenderedPlaces,
  paneOf: PaneOf,
  guardRef: React.RefObject<ScrollGuard>,
  content: { left: React.ReactNode; right: React.ReactNode },
): void {
  const pending = useRef<PendingStep | null>(null);
  const latest = useRef(rendered);

  useEffect(() => {
    const onStep = () => {
      const state = readCompareState(new URLSearchParams(window.location.search));
      pending.current = state ? { places: state, rendered: renderedPlaces(state), until: Date.now() + STEP_TIMEOUT_MS } : null;
      // A step that changes nothing the panes render is applied at once.
      requestAnimationFrame(() => applyStep(pending, latest.current, paneOf, guardRef.current));
    };
    window.addEventListener("popstate", onStep);
    return () => window.removeEventListener("popstate", onStep);
  }, [guardRef, paneOf]);

  useEffect(() => {
    latest.current = rendered;
    applyStep(pending, rendered, paneOf, guardRef.current);
  }, [rendered, content.left, content.right, paneOf, guardRef]);
}

function applyStep(pending: React.RefObject<PendingStep | null>, rendered: RenderedPlaces, paneOf: PaneOf, guard: ScrollGuard): void {
  const step = pending.current;
  if (!step) return;
  if (Date.now() > step.until) pending.current = null;
  else if (samePlaces(step.rendered, rendered)) {
    pending.current = null;
    placePanes(paneOf, step.places, guard);
  }
}
