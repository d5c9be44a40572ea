"use client";

import { useEffect, useRef } from "react";
import type { CompareState } from "@/lib/compare/compare-state";
import { urlCorrections } from "./url-corrections";
import type { SetCompareQuery } from "./use-compare-query";

/** Once, on mount: the URL says what the server showed; the values it dropped go (see urlCorrections). */
export function useServerStateInUrl(shown: CompareState, setQuery: SetCompareQuery): void {
  const start = useRef(shown);
  useEffect(() => {
    const next = urlCorrections(new URLSearchParams(window.location.search), start.current);
    if (Object.keys(next).length > 0) void setQuery(next, { shallow: true });
  }, [setQuery]);
}
