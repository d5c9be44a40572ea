"use client";

import { useEffect, useState } from "react";
import { rangeAtOffset } from "@/lib/reader/text-offsets";
import { anchorResolutionHref, isPassageLinkBlock, readFragmentAnchor } from "@/lib/urls/app-urls";
import { type LinkNoticeResolution, noticeOf, resolutionFrom } from "./fragment-resolution";
import { landAt } from "./land-at";

/**
 * The fragment of the address, found again when it names no element (the anchor of an earlier version
 * of the document): the server says where it went, the page lands there, and the notice says what
 * became of it. Again on every change of fragment. Off (`enabled` false) where panes keep their own
 * positions (side by side), or without a document.
 */
export function useFragmentResolution(slug: string | undefined, enabled: boolean): LinkNoticeResolution | null {
  const [notice, setNotice] = useState<LinkNoticeResolution | null>(null);
  useEffect(() => {
    if (!enabled || !slug) return;
    let cancelled = false;
    const resolve = async () => {
      const anchor = readFragmentAnchor(window.location.hash);
      if (!anchor || document.querySelector("mark[data-quote]")) return;
      if (isPassageLinkBlock(new URLSearchParams(window.location.search), anchor)) return;
      // A fragment naming an element is an arrival (useArrival); only one naming none is looked up.
      if (document.getElementById(anchor)) return;
      try {
        const response = await fetch(anchorResolutionHref(slug, anchor), { cache: "no-store" });
        // Not every answer is a resolution (a 404 for a document no longer there is `{ error }`): checked, not cast.
        const resolution = resolutionFrom(await response.json(), anchor);
        if (cancelled) return;
        setNotice(noticeOf(resolution));
        if (resolution.status === "moved") landAtOffset(resolution.targetAnchor, resolution.targetOffset);
      } catch {
        if (!cancelled) setNotice({ status: "unknown", anchor });
      }
    };
    void resolve();
    window.addEventListener("hashchange", resolve);
    return () => {
      cancelled = true;
      window.removeEventListener("hashchange", resolve);
    };
  }, [enabled, slug]);
  return notice;
}

/** Lands where a moved passage now begins: its line at the reading position, its block marked for a moment. */
function landAtOffset(anchor: string, offset: number) {
  const block = document.getElementById(anchor);
  if (block) landAt(block, { rect: rangeAtOffset(block, offset)?.getBoundingClientRect() ?? null });
}
