"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect } from "react";
import { readFragmentAnchor, withHitBlock } from "@/lib/urls/app-urls";
import { holdInPlaceWhileLaidOut } from "./land-at";

/**
 * Where the page opens: a quoted passage (`mark[data-quote]`) or a search hit first, in the middle of
 * the screen. A search hit's address gets its block in the query too (`hb`), replaced, not pushed: the
 * server renders the hit from it.
 */
export function useOpeningPosition(hasQuote: boolean): void {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  useEffect(() => {
    const quote = document.querySelector<HTMLElement>("mark[data-quote]");
    if (quote) {
      quote.scrollIntoView({ block: "center" });
      holdInPlaceWhileLaidOut(quote);
      return;
    }
    const withBlock = withHitBlock(searchParams, readFragmentAnchor(window.location.hash));
    if (withBlock) {
      router.replace(`${pathname}?${withBlock.toString()}${window.location.hash}`, { scroll: false });
      return;
    }
    const searchHit = document.querySelector<HTMLElement>("mark[data-search-hit]");
    if (searchHit) {
      searchHit.scrollIntoView({ block: "center" });
      holdInPlaceWhileLaidOut(searchHit);
    }
  }, [hasQuote, pathname, router, searchParams]);
}
