"use client";

import { useCallback, useRef } from "react";
import type { Side } from "@/lib/compare/compare-state";
import type { PaneOf } from "./pane-dom";

/** The two panes' elements: refs to attach, and `paneOf` to reach either by side. */
export function usePaneRefs(): { leftRef: React.RefObject<HTMLDivElement | null>; rightRef: React.RefObject<HTMLDivElement | null>; paneOf: PaneOf } {
  const leftRef = useRef<HTMLDivElement>(null);
  const rightRef = useRef<HTMLDivElement>(null);
  const paneOf = useCallback((side: Side) => (side === "left" ? leftRef : rightRef).current, []);
  return { leftRef, rightRef, paneOf };
}
