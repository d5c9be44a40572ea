import { MAX_ACTIVE_CONCEPTS } from "./concept-tones";

/**
 * Everything a side-by-side view is, kept in its URL so a shared link opens the same view (written and
 * read by lib/urls/app-urls.ts, `compareHref` and `readCompareState`; the keys are COMPARE_KEYS in
 * lib/urls/url-grammar.ts):
 *
 * - `lp`, `rp`: the block at the top of each pane.
 * - `concepts`: highlighted concepts, in the order they were picked (their colours follow that order).
 * - `align`: connectors between linked paragraphs and panes scrolling in step.
 * - `focus`: the paragraph whose links are listed, with its side.
 * - `pane`: the pane shown on a phone.
 * - `j`: the block (or concept mention) the last jump showed, outlined; each jump is a history entry.
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
  jumped: JumpedTo | null;
}

/** Where a jump landed: a block of one pane, and the concept's mention in it when the jump was a concept's. */
export interface JumpedTo {
  side: Side;
  anchor: string;
  mention: { concept: string; start: number; end: number } | null;
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
    jumped: state.jumped && anchorsOf(state.jumped.side).has(state.jumped.anchor) ? state.jumped : null,
  };
}
