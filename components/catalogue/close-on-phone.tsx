"use client";

import { useEffect, useRef, type ReactNode } from "react";

/** Below this width the facets stand above the list (not beside it), so they start folded. Tailwind's `lg`. */
const SIDE_BY_SIDE_WIDTH = "(min-width: 1024px)";

/**
 * A disclosure rendered open (so that without a script everything is there) and folded once the script
 * runs on a narrow screen, where it would push the list itself below the fold.
 */
export function CloseOnPhone({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (ref.current && !window.matchMedia(SIDE_BY_SIDE_WIDTH).matches) ref.current.open = false;
  }, []);
  return (
    <details ref={ref} open data-testid="catalogue-facets">
      {children}
    </details>
  );
}
