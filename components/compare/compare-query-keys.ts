/**
 * The side-by-side query keys the panes read and write in the browser, by the name the panes' state
 * gives each value (what each means: see lib/compare/compare-state.ts). Kept here, in one place, until
 * the app's URL module names them for the server, the page cache and this view alike.
 */
export const COMPARE_QUERY_KEYS = {
  leftPosition: "lp",
  rightPosition: "rp",
  pane: "pane",
  concepts: "c",
  align: "align",
  focus: "f",
} as const;
