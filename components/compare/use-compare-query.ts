"use client";

import { parseAsArrayOf, parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { COMPARE_KEYS } from "@/lib/urls/url-grammar";

/** How the panes read the view's state from the URL, by the name of each value in the state. */
export const compareQueryParsers = {
  leftPosition: parseAsString,
  rightPosition: parseAsString,
  pane: parseAsStringLiteral(["left", "right"] as const).withDefault("left"),
  concepts: parseAsArrayOf(parseAsString, ",").withDefault([]),
  align: parseAsStringLiteral(["1"] as const),
  focus: parseAsString,
  jumped: parseAsString,
};

/** The key of each value in the URL: the app's side-by-side keys (lib/urls/url-grammar.ts). */
const urlKeys = {
  leftPosition: COMPARE_KEYS.leftPosition,
  rightPosition: COMPARE_KEYS.rightPosition,
  pane: COMPARE_KEYS.pane,
  concepts: COMPARE_KEYS.concepts,
  align: COMPARE_KEYS.align,
  focus: COMPARE_KEYS.focus,
  jumped: COMPARE_KEYS.jumped,
} satisfies Record<keyof typeof compareQueryParsers, string>;

/**
 * The view's state in the URL, replaced by default (scrolling the panes, focusing a paragraph, aligning):
 * only the places a reader goes (a jump, a concept picked or dropped) are history entries, pushed with
 * `PUSH` by the hooks that make them, so Back steps back through them. The page keeps its own scroll
 * (only the panes scroll).
 */
export function useCompareQuery() {
  return useQueryStates(compareQueryParsers, { history: "replace", scroll: false, urlKeys });
}

export type CompareQuery = ReturnType<typeof useCompareQuery>[0];
export type SetCompareQuery = ReturnType<typeof useCompareQuery>[1];

/** The update options of a place the reader went to: a history entry of its own. */
export const PUSH = { history: "push" } as const;
