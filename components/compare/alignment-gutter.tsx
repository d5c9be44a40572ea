"use client";

import { useEffect, useMemo, useRef } from "react";
import { type AlignmentPoint, alignmentChain, blockPairs, connectorOpacity, connectorPath, mapOffset } from "@/lib/compare/alignment";
import type { CompareLink } from "@/lib/compare/build-compare-view";
import type { Side } from "@/lib/compare/compare-state";

/** The scrollTop each pane was last set to by the script: its scroll event is an echo, not the reader. */
export type ScrollGuard = Record<Side, number | null>;

/** Gap between a pane's top edge and the block aligned there (as when a pane opens at `lp`). */
const TOP_MARGIN = 8;
/** A connector is drawn whole when both its ends are within this margin of the gutter, as a stub when one is. */
const DRAW_MARGIN = 24;
/** Length of the stub drawn towards a partner out of view. */
const STUB = 12;

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
  guard,
  focus,
  leadOnMount,
}: {
  links: readonly CompareLink[];
  leftRef: React.RefObject<HTMLDivElement | null>;
  rightRef: React.RefObject<HTMLDivElement | null>;
  guard: React.RefObject<ScrollGuard>;
  focus: { side: Side; anchor: string } | null;
  /** The pane the other follows as soon as aligned mode starts; null when both panes are where a link put them. */
  leadOnMount: Side | null;
}) {
  const gutterRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const lead = useRef(leadOnMount);
  const pairs = useMemo(() => blockPairs(links), [links]);
  const bodyPairs = useMemo(() => {
    const inBody = new Set(links.filter((l) => l.left.blockKind !== "footnote" && l.right.blockKind !== "footnote").map((l) => `${l.left.anchor}\u0000${l.right.anchor}`));
    return pairs.filter((pair) => inBody.has(`${pair.left}\u0000${pair.right}`));
  }, [links, pairs]);

  useEffect(() => {
    const gutter = gutterRef.current;
    const svg = svgRef.current;
    const panes = { left: leftRef.current, right: rightRef.current };
    if (!gutter || !svg || !panes.left || !panes.right) return;
    const paneOf = (side: Side) => panes[side]!;
    const elementOf = (side: Side, anchor: string) => paneOf(side).querySelector<HTMLElement>(`[id="${side}-${CSS.escape(anchor)}"]`);

    // Alignment points: block tops in each pane's content, measured once per layout.
    let points: AlignmentPoint[] | null = null;
    const contentY = (side: Side, element: HTMLElement) => element.getBoundingClientRect().top - paneOf(side).getBoundingClientRect().top + paneOf(side).scrollTop;
    const measure = (): AlignmentPoint[] => {
      const index = (side: Side) => new Map([...paneOf(side).querySelectorAll<HTMLElement>("[data-block]")].map((block, i) => [block.dataset.block!, i]));
      const chain = alignmentChain(bodyPairs, index("left"), index("right"));
      const measured: AlignmentPoint[] = [{ left: 0, right: 0 }];
      for (const pair of chain) {
        const l = elementOf("left", pair.left);
        const r = elementOf("right", pair.right);
        if (l && r) measured.push({ left: contentY("left", l), right: contentY("right", r) });
      }
      measured.push({ left: paneOf("left").scrollHeight, right: paneOf("right").scrollHeight });
      return measured;
    };

    const draw = () => {
      const box = gutter.getBoundingClientRect();
      if (box.width === 0) return;
      const focusKey = focus ? `${focus.side}:${focus.anchor}` : null;
      // A block's end of a connector: its first line, or the top of what is left of it in view.
      const y = (element: HTMLElement) => {
        const rect = element.getBoundingClientRect();
        if (rect.height === 0) return null;
        const top = rect.top - box.top;
        const bottom = rect.bottom - box.top;
        const wanted = top + Math.min(rect.height / 2, 14);
        if (bottom < 0 || top > box.height) return wanted;
        const from = Math.max(top, 0);
        const to = Math.min(bottom, box.height);
        return to - from < 12 ? (from + to) / 2 : Math.max(from + 6, Math.min(wanted, to - 6));
      };
      const visible = (value: number) => value > -DRAW_MARGIN && value < box.height + DRAW_MARGIN;
      const paths: string[] = [];
      for (const pair of pairs) {
        const l = elementOf("left", pair.left);
        const r = elementOf("right", pair.right);
        const yl = l ? y(l) : null;
        const yr = r ? y(r) : null;
        if (yl === null || yr === null || (!visible(yl) && !visible(yr))) continue;
        const focused = focusKey === `left:${pair.left}` || focusKey === `right:${pair.right}`;
        const attributes = `data-kind="${pair.kind}" data-left="${pair.left}" data-right="${pair.right}" opacity="${connectorOpacity(pair.confidence)}"${focused ? ' data-focused=""' : ""}`;
        if (visible(yl) && visible(yr)) {
          paths.push(`<path d="${connectorPath(box.width, yl, yr)}" ${attributes}></path>`);
          continue;
        }
        // A partner out of view: a short stub pointing up or down to it, not a line across the whole gutter.
        const fromLeft = visible(yl);
        const at = fromLeft ? yl : yr;
        const towards = (fromLeft ? yr : yl) < at ? -1 : 1;
        const d = fromLeft
          ? `M0 ${at.toFixed(1)} h${STUB} l5 ${5 * towards}`
          : `M${box.width.toFixed(1)} ${at.toFixed(1)} h-${STUB} l-5 ${5 * towards}`;
        paths.push(`<path d="${d}" data-stub="${towards < 0 ? "above" : "below"}" ${attributes}></path>`);
      }
      // Focused connectors last, so they are drawn over the others.
      svg.innerHTML = paths.sort((a, b) => Number(a.includes("data-focused")) - Number(b.includes("data-focused"))).join("");
    };

    let frame = 0;
    let driver: Side | null = lead.current;
    lead.current = null;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (driver) follow(driver);
        driver = null;
        draw();
      });
    };
    const follow = (from: Side) => {
      const to: Side = from === "left" ? "right" : "left";
      points ??= measure();
      const target = paneOf(to);
      const wanted = mapOffset(points, paneOf(from).scrollTop + TOP_MARGIN, from) - TOP_MARGIN;
      const clamped = Math.max(0, Math.min(target.scrollHeight - target.clientHeight, wanted));
      if (Math.abs(target.scrollTop - clamped) < 1) return;
      target.scrollTop = clamped;
      guard.current[to] = target.scrollTop;
    };
    const onScroll = (side: Side) => () => {
      const echo = guard.current[side];
      guard.current[side] = null;
      // The script moved this pane (the other pane's follower, or a jump): it leads nothing.
      if (echo === null || Math.abs(paneOf(side).scrollTop - echo) >= 1.5) driver = side;
      schedule();
    };
    const listeners = (["left", "right"] as const).map((side) => {
      const listener = onScroll(side);
      paneOf(side).addEventListener("scroll", listener, { passive: true });
      return () => paneOf(side).removeEventListener("scroll", listener);
    });
    // Reflow (fonts, a new set of marks and chips, a resized window) moves every block: measure again.
    const resized = new ResizeObserver(() => {
      points = null;
      schedule();
    });
    for (const side of ["left", "right"] as const) {
      const content = paneOf(side).firstElementChild;
      if (content) resized.observe(content);
      resized.observe(paneOf(side));
    }
    schedule();
    return () => {
      cancelAnimationFrame(frame);
      resized.disconnect();
      listeners.forEach((remove) => remove());
    };
  }, [pairs, bodyPairs, leftRef, rightRef, guard, focus]);

  return (
    <div ref={gutterRef} className="compare-gutter" aria-hidden="true" data-connectors="">
      <svg ref={svgRef} />
    </div>
  );
}
