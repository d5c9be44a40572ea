import type { CompareState } from "@/lib/compare/compare-state";
import { readCompareState, writeJumped } from "@/lib/urls/app-urls";

/** What of a view decides where its panes stand, as the URL writes it: a history step is over once the panes render it. */
export interface RenderedPlaces {
  lp: string | null;
  rp: string | null;
  jumped: string | null;
  pane: CompareState["pane"];
  /** The concepts whose marks are in the panes (a server render, later than the URL). */
  concepts: string;
}

/** The places a URL's query asks for, or null when it is not a side-by-side view. */
export function placesOf(search: string): RenderedPlaces | null {
  const state = readCompareState(new URLSearchParams(search));
  return state ? renderedPlaces(state) : null;
}

export function renderedPlaces(state: Pick<CompareState, "lp" | "rp" | "jumped" | "pane" | "concepts">): RenderedPlaces {
  return { lp: state.lp, rp: state.rp, jumped: writeJumped(state.jumped), pane: state.pane, concepts: state.concepts.join(",") };
}

export function samePlaces(a: RenderedPlaces, b: RenderedPlaces): boolean {
  return a.lp === b.lp && a.rp === b.rp && a.jumped === b.jumped && a.pane === b.pane && a.concepts === b.concepts;
}
