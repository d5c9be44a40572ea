"use client";

import { useSearchParams } from "next/navigation";
import { useEffect } from "react";
import { readFragmentAnchor } from "@/lib/urls/app-urls";
import { READER_KEYS } from "@/lib/urls/url-grammar";
import { arrivalNoteAnchor } from "./arrival";
import { landAt } from "./land-at";

/** What an arrival lands on: a heading or paragraph, a marker, a note, a citation, a page's unattached texts. */
const ARRIVAL_TARGETS = "[data-block], button.note-marker, [data-note-item], [data-citation], [data-fragments-page]";

/** The marker an arrival at `target` singles out: the target itself, or the named note's marker inside it. */
function markerOf(target: HTMLElement, noteAnchor: string | null): HTMLElement | null {
  if (target.matches("button.note-marker")) return target;
  if (!noteAnchor) return null;
  return target.querySelector<HTMLElement>(`button.note-marker[data-note="${CSS.escape(noteAnchor)}"]`);
}

/**
 * Every arrival at a block named by the fragment (from another page, a trail step, a back-link, Back)
 * lands visibly: the block at the reading position and marked for a moment, and when the arrival names a
 * note (a marker's id, or a trail whose last step is a note of this document) that marker singled out and
 * focused. Passage links and search hits open at their highlight instead (useOpeningPosition); a fragment
 * naming no element is useFragmentResolution's. Again on every change of address.
 */
export function useArrival(slug: string | undefined, enabled: boolean): void {
  const query = useSearchParams().toString();
  useEffect(() => {
    if (!enabled || !slug) return;
    let frame = 0;
    const arrive = () => {
      const search = new URLSearchParams(window.location.search);
      const anchor = readFragmentAnchor(window.location.hash);
      if (!anchor || search.has(READER_KEYS.hit) || document.querySelector("mark[data-quote]")) return;
      const target = document.getElementById(anchor);
      // Only places in the text land (not the skip link's target, the whole text).
      if (!target?.matches(ARRIVAL_TARGETS)) return;
      const marker = markerOf(target, arrivalNoteAnchor(search, slug));
      const block = target === marker ? (target.closest<HTMLElement>("[data-block], [data-note-item]") ?? target) : target;
      // After the router's and the browser's own scroll to the fragment, which would put it at the top edge.
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => (frame = requestAnimationFrame(() => landAt(block, { marker }))));
    };
    arrive();
    window.addEventListener("hashchange", arrive);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("hashchange", arrive);
    };
  }, [enabled, slug, query]);
}
