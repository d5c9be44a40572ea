"use client";

import { debounce, parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { useEffect, useRef } from "react";

const paneParsers = {
  lp: parseAsString,
  rp: parseAsString,
  pane: parseAsStringLiteral(["left", "right"] as const).withDefault("left"),
};

/**
 * Two documents side by side, each pane scrolling on its own and keeping its place in the URL
 * (`lp`, `rp`: the block at the top of the pane), replaced while reading, not pushed, so Back leaves
 * the comparison. On a phone the panes become two tabs (`pane`).
 */
export function ComparePanes({
  leftTitle,
  rightTitle,
  left,
  right,
}: {
  leftTitle: string;
  rightTitle: string;
  left: React.ReactNode;
  right: React.ReactNode;
}) {
  const [state, setState] = useQueryStates(paneParsers, { history: "replace", scroll: false });
  const leftRef = useRef<HTMLDivElement>(null);
  const rightRef = useRef<HTMLDivElement>(null);
  const initial = useRef({ lp: state.lp, rp: state.rp });

  // Open each pane where its URL says.
  useEffect(() => {
    for (const [ref, side, anchor] of [
      [leftRef, "left", initial.current.lp],
      [rightRef, "right", initial.current.rp],
    ] as const) {
      const pane = ref.current;
      const target = anchor ? pane?.querySelector<HTMLElement>(`[id="${side}-${CSS.escape(anchor)}"]`) : null;
      if (pane && target) pane.scrollTop += target.getBoundingClientRect().top - pane.getBoundingClientRect().top - 8;
    }
  }, []);

  useEffect(() => {
    const panes = [
      [leftRef.current, "lp"],
      [rightRef.current, "rp"],
    ] as const;
    const listeners = panes.map(([pane, key]) => {
      const onScroll = () => {
        if (!pane) return;
        const anchor = topBlock(pane);
        void setState({ [key]: anchor }, { limitUrlUpdates: debounce(300) });
      };
      pane?.addEventListener("scroll", onScroll, { passive: true });
      return () => pane?.removeEventListener("scroll", onScroll);
    });
    return () => listeners.forEach((remove) => remove());
  }, [setState]);

  const tab = (side: "left" | "right", title: string) => (
    <button
      type="button"
      role="tab"
      id={`tab-${side}`}
      aria-selected={state.pane === side}
      aria-controls={`pane-${side}`}
      tabIndex={state.pane === side ? 0 : -1}
      onClick={() => void setState({ pane: side })}
      onKeyDown={(event) => {
        if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
          const other = side === "left" ? "right" : "left";
          void setState({ pane: other });
          document.getElementById(`tab-${other}`)?.focus();
        }
      }}
      className="compare-tab"
    >
      <span className="line-clamp-2">{title}</span>
    </button>
  );

  return (
    <div className="compare" data-active-pane={state.pane}>
      <div role="tablist" aria-label="Documents" className="compare-tabs">
        {tab("left", leftTitle)}
        {tab("right", rightTitle)}
      </div>
      <div className="compare-grid">
        <div id="pane-left" ref={leftRef} className="compare-pane" data-pane="left" role="tabpanel" aria-labelledby="tab-left" tabIndex={0}>
          {left}
        </div>
        <div id="pane-right" ref={rightRef} className="compare-pane" data-pane="right" role="tabpanel" aria-labelledby="tab-right" tabIndex={0}>
          {right}
        </div>
      </div>
    </div>
  );
}

/** The block at the top of a pane: the first whose bottom is below the pane's top edge. */
function topBlock(pane: HTMLElement): string | null {
  const top = pane.getBoundingClientRect().top;
  for (const block of pane.querySelectorAll<HTMLElement>("[data-block]")) {
    if (block.getBoundingClientRect().bottom > top + 4) return block.dataset.block ?? null;
  }
  return null;
}
