import { isAnchor } from "@/lib/reader/deep-links";
import { MAX_ACTIVE_CONCEPTS } from "./concept-tones";

/**
 * Everything a side-by-side view is, in its URL, so a shared link opens the same view:
 *
 * `/compare?left=<slug>&right=<slug>&lp=<anchor>&rp=<anchor>&c=<concept>,<concept>&align=1&f=left:<anchor>&pane=right`
 *
 * - `lp`, `rp`: the block at the top of each pane.
 * - `c`: highlighted concepts, in the order they were picked (their colours follow that order).
 * - `align=1`: connectors between linked paragraphs and panes scrolling in step.
 * - `f`: the paragraph whose links are listed, with its side.
 * - `pane`: the pane shown on a phone.
 */
export type Side = "left" | "right";

export interface CompareState {
  left: string;
  right: string;
  lp: string | null;
  rp: string | null;
  concepts: string[];
  align: boolean;
  focus: { side: Side; anchor: string } | null;
  pane: Side;
}

type SearchParams = Record<string, string | string[] | undefined>;

const CONCEPT_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const SLUG = /^[A-Za-z0-9][A-Za-z0-9_-]{0,199}$/;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The view a URL asks for, read leniently: a malformed value is dropped, never an error. `c` may be a
 * comma list (`c=a,b`, what the app writes) or repeated (`c=a&c=b`, what a plain HTML form sends).
 * Returns null only when a document is missing or unreadable.
 */
export function readCompareState(params: SearchParams): CompareState | null {
  const left = first(params.left)?.trim();
  const right = first(params.right)?.trim();
  if (!left || !right || !SLUG.test(left) || !SLUG.test(right)) return null;
  const anchor = (value: string | undefined) => (isAnchor(value) ? value : null);
  const rawConcepts = [params.c ?? []].flat().flatMap((value) => value.split(","));
  const concepts = [...new Set(rawConcepts.map((id) => id.trim()).filter((id) => CONCEPT_ID.test(id)))];
  return {
    left,
    right,
    lp: anchor(first(params.lp)),
    rp: anchor(first(params.rp)),
    concepts,
    align: first(params.align) === "1",
    focus: readFocus(first(params.f)),
    pane: first(params.pane) === "right" ? "right" : "left",
  };
}

export function readFocus(value: string | null | undefined): CompareState["focus"] {
  const match = value ? /^(left|right):(.+)$/.exec(value) : null;
  if (!match || !isAnchor(match[2])) return null;
  return { side: match[1] as Side, anchor: match[2] };
}

export function writeFocus(focus: CompareState["focus"]): string | null {
  return focus ? `${focus.side}:${focus.anchor}` : null;
}

export interface KnownValues {
  /** Block anchors (headings, paragraphs, notes) of each document. */
  leftAnchors: ReadonlySet<string>;
  rightAnchors: ReadonlySet<string>;
  /** Concepts that can be highlighted: those mentioned in either document. */
  concepts: ReadonlySet<string>;
}

/** The state with what the two documents do not have taken out (an anchor of another version, an unknown concept). */
export function dropUnknown(state: CompareState, known: KnownValues): CompareState {
  const anchorsOf = (side: Side) => (side === "left" ? known.leftAnchors : known.rightAnchors);
  return {
    ...state,
    lp: state.lp && known.leftAnchors.has(state.lp) ? state.lp : null,
    rp: state.rp && known.rightAnchors.has(state.rp) ? state.rp : null,
    concepts: state.concepts.filter((id) => known.concepts.has(id)).slice(0, MAX_ACTIVE_CONCEPTS),
    focus: state.focus && anchorsOf(state.focus.side).has(state.focus.anchor) ? state.focus : null,
  };
}

/** The URL of a view; defaults (no concepts, not aligned, left pane, no focus) are left out. */
export function compareStateHref(state: CompareState): string {
  const params = new URLSearchParams({ left: state.left, right: state.right });
  if (state.lp) params.set("lp", state.lp);
  if (state.rp) params.set("rp", state.rp);
  if (state.concepts.length > 0) params.set("c", state.concepts.join(","));
  if (state.align) params.set("align", "1");
  const focus = writeFocus(state.focus);
  if (focus) params.set("f", focus);
  if (state.pane === "right") params.set("pane", "right");
  // Commas and colons are legal in a query and keep shared links readable.
  return `/compare?${params.toString().replace(/%2C/g, ",").replace(/%3A/g, ":")}`;
}
