"use client";

import { useEffect, useRef } from "react";
import type { AlignmentPoint, BlockPair } from "@/lib/compare/alignment";
import type { Side } from "@/lib/compare/compare-state";
import { isEcho, type ScrollGuard } from "./aligned-scroll";
import type { GutterFocus } from "./gutter-connectors";
import { drawConnectors, followPane, keepTextInPlace, listenToScrolls, measureAlignment, observeReflow, type Panes } from "./gutter-dom";

/**
 * The aligned panes at work: on every scroll and reflow, in one animation frame, the pane the reader did
 * not scroll follows the one they did (along the chain of `bodyPairs`, measured again after each reflow),
 * then the gutter's connectors are drawn again. Returns the refs of the gutter and its SVG.
 */
export function useAlignedPanes({
  pairs,
  bodyPairs,
  leftRef,
  rightRef,
  texts,
  guard,
  focus,
  leadOnMount,
}: {
  pairs: readonly BlockPair[];
  bodyPairs: readonly BlockPair[];
  leftRef: React.RefObject<HTMLDivElement | null>;
  rightRef: React.RefObject<HTMLDivElement | null>;
  /** The panes' texts: a new one replaces every section the text is kept in place by, so all is watched anew. */
  texts: { left: React.ReactNode; right: React.ReactNode };
  guard: React.RefObject<ScrollGuard>;
  focus: GutterFocus;
  /** The pane the other follows as soon as aligned mode starts; null when both panes are where a link put them. */
  leadOnMount: Side | null;
}) {
  const gutterRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const lead = useRef(leadOnMount);

  useEffect(() => {
    const gutter = gutterRef.current;
    const svg = svgRef.current;
    const left = leftRef.current;
    const right = rightRef.current;
    if (!gutter || !svg || !left || !right) return;
    const panes: Panes = { left, right };

    // Alignment points: block tops in each pane's content, measured once per layout.
    let points: AlignmentPoint[] | null = null;
    let frame = 0;
    let driver: Side | null = lead.current;
    lead.current = null;
    // Until the first frame has run, the pane aligned mode started from leads, whatever else scrolled meanwhile:
    // the panes' reflow as the gutter came in scrolls them (a pane kept in place, a clamped end), not the reader.
    let starting = driver !== null;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (driver) {
          points ??= measureAlignment(panes, bodyPairs);
          followPane(panes, driver, points, guard.current);
        }
        driver = null;
        starting = false;
        drawConnectors(gutter, svg, panes, pairs, focus);
      });
    };
    const stopListening = listenToScrolls(panes, (side) => {
      const echo = guard.current[side];
      guard.current[side] = null;
      // The script moved this pane (the other pane's follower, or a jump): it leads nothing.
      if (!isEcho(echo, panes[side].scrollTop) && !starting) driver = side;
      schedule();
    });
    // Reflow moves every block: measure again.
    const stopObserving = observeReflow(panes, () => {
      points = null;
      schedule();
    });
    const stopKeeping = keepTextInPlace(panes, (side, scrollTop) => (guard.current[side] = scrollTop));
    schedule();
    return () => {
      cancelAnimationFrame(frame);
      stopKeeping();
      stopObserving();
      stopListening();
    };
  }, [pairs, bodyPairs, leftRef, rightRef, texts.left, texts.right, guard, focus]);

  return { gutterRef, svgRef };
}
