"use client";

import { useEffect, useRef, type ReactNode } from "react";

/** From this width the facets stand beside the list (Tailwind's `lg`), where they are shown unfolded. */
const SIDE_BY_SIDE_WIDTH = "(min-width: 1024px)";

/**
 * The facets' disclosure. Rendered folded (above the list on a phone, where unfolded they would push the
 * list below the fold) unless a facet is chosen; unfolded by the script on a wide screen, where they stand
 * in a column of their own and unfolding them moves nothing else. Never folded by the script, so nothing
 * the server showed jumps away.
 */
export function FacetDisclosure({ open, children }: { open: boolean; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (ref.current && window.matchMedia(SIDE_BY_SIDE_WIDTH).matches) ref.current.open = true;
  }, []);
  return (
    <details ref={ref} open={open} data-testid="catalogue-facets">
      {children}
    </details>
  );
}
