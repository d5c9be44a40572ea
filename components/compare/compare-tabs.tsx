"use client";

import type { Side } from "@/lib/compare/compare-state";
import { otherSide, SIDES } from "./sides";

/** On a phone the two panes are two tabs (on a wide screen the tabs are hidden and both panes shown). */
export function CompareTabs({ titles, shown, onShow }: { titles: Record<Side, string>; shown: Side; onShow: (side: Side) => void }) {
  return (
    <div role="tablist" aria-label="Documents" className="compare-tabs">
      {SIDES.map((side) => (
        <button
          key={side}
          type="button"
          role="tab"
          id={`tab-${side}`}
          aria-selected={shown === side}
          aria-controls={`pane-${side}`}
          tabIndex={shown === side ? 0 : -1}
          onClick={() => onShow(side)}
          onKeyDown={(event) => {
            if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
              onShow(otherSide(side));
              document.getElementById(`tab-${otherSide(side)}`)?.focus();
            }
          }}
          className="compare-tab"
        >
          <span className="line-clamp-2">{titles[side]}</span>
        </button>
      ))}
    </div>
  );
}

/** One pane: scrolls on its own; the tab panel of its tab. */
export function ComparePane({ side, ref, children }: { side: Side; ref: React.Ref<HTMLDivElement>; children: React.ReactNode }) {
  return (
    <div id={`pane-${side}`} ref={ref} className="compare-pane" data-pane={side} role="tabpanel" aria-labelledby={`tab-${side}`} tabIndex={0}>
      {children}
    </div>
  );
}
