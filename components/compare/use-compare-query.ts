"use client";

import { parseAsArrayOf, parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { COMPARE_QUERY_KEYS } from "./compare-query-keys";

/** How the panes read the view's state from the URL (the keys in the URL: COMPARE_QUERY_KEYS). */
export const compareQueryParsers = {
  leftPosition: parseAsString,
  rightPosition: parseAsString,
  pane: parseAsStringLiteral(["left", "right"] as const).withDefault("left"),
  concepts: parseAsArrayOf(parseAsString, ",").withDefault([]),
  align: parseAsStringLiteral(["1"] as const),
  focus: parseAsString,
};

/**
 * The view's state in the URL, replaced while reading, not pushed, so Back leaves the comparison; the
 * page keeps its own scroll (only the panes scroll).
 */
export function useCompareQuery() {
  return useQueryStates(compareQueryParsers, { history: "replace", scroll: false, urlKeys: COMPARE_QUERY_KEYS });
}

export type CompareQuery = ReturnType<typeof useCompareQuery>[0];
export type SetCompareQuery = ReturnType<typeof useCompareQuery>[1];
