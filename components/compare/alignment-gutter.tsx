"use client";

import { useMemo } from "react";
import { blockPairs } from "@/lib/compare/alignment";
import type { CompareLink } from "@/lib/compare/build-compare-view";
import type { Side } from "@/lib/compare/compare-state";
import type { ScrollGuard } from "./aligned-scroll";
import { bodyBlockPairs, type GutterFocus } from "./gutter-connectors";
import { useAlignedPanes } from "./use-aligned-panes";

export type { ScrollGuard } from "./aligned-scroll";

/**
 * Aligned mode: connectors in a gutter between the panes from each linked block on the left to its
 * partners on the right (solid: shared words, dashed: shared source, dotted: shared concepts; fainter
 * when less certain), redrawn on every scroll and resize in an animation frame; and the panes scrolling
 * in step along a chain of those links. The connectors repeat what the focus panel says in words, so
 * they are hidden from assistive technology.
 */
export function AlignmentGutter({
  links,
  leftRef,
  rightRef,
  texts,
  guard,
  focus,
  leadOnMount,
}: {
  links: readonly CompareLink[];
  leftRef: React.RefObject<HTMLDivElement | null>;
  rightRef: React.RefObject<HTMLDivElement | null>;
  /** The panes' texts as rendered: a new text (a concept picked or dropped) is one new string of markup, whose sections are watched anew. */
  texts: { left: React.ReactNode; right: React.ReactNode };
  guard: React.RefObject<ScrollGuard>;
  focus: GutterFocus;
  /** The pane the other follows as soon as aligned mode starts; null when both panes are where a link put them. */
  leadOnMount: Side | null;
}) {
  const pairs = useMemo(() => blockPairs(links), [links]);
  const bodyPairs = useMemo(() => bodyBlockPairs(links, pairs), [links, pairs]);
  const { gutterRef, svgRef } = useAlignedPanes({ pairs, bodyPairs, leftRef, rightRef, texts, guard, focus, leadOnMount });
  return (
    <div ref={gutterRef} className="compare-gutter" aria-hidden="true" data-connectors="">
      <svg ref={svgRef} />
    </div>
  );
}
