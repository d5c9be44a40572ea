import type { CompareState } from "@/lib/compare/compare-state";
import { writeFocus, writeJumped } from "@/lib/urls/app-urls";
import { COMPARE_KEYS as KEYS } from "@/lib/urls/url-grammar";

/** Values of the panes' query state to replace (by state name, as useCompareQuery has them). */
export interface UrlCorrections {
  concepts?: string[] | null;
  focus?: string | null;
  jumped?: string | null;
  leftPosition?: string | null;
  rightPosition?: string | null;
}

/**
 * What the URL must change to say what the server showed: the values it dropped (an unknown concept, an
 * anchor of another version) go. Empty when the URL already agrees.
 */
export function urlCorrections(search: URLSearchParams, shown: CompareState): UrlCorrections {
  const next: UrlCorrections = {};
  if ((search.getAll(KEYS.concepts).join(",") || null) !== (shown.concepts.join(",") || null)) {
    next.concepts = shown.concepts.length > 0 ? shown.concepts : null;
  }
  const focus = writeFocus(shown.focus);
  if (search.get(KEYS.focus) !== focus) next.focus = focus;
  const jumped = writeJumped(shown.jumped);
  if (search.get(KEYS.jumped) !== jumped) next.jumped = jumped;
  if (search.get(KEYS.leftPosition) !== shown.lp) next.leftPosition = shown.lp;
  if (search.get(KEYS.rightPosition) !== shown.rp) next.rightPosition = shown.rp;
  return next;
}
