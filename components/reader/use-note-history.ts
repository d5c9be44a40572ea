"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { leavesPage, openNoteOf, withOpenNote, withoutOpenNote } from "./note-history";

const historyState = () => window.history.state as Record<string, unknown> | null;

/**
 * An open note is a step in the history: Back closes it, as on a phone one expects of a sheet. Leaving the
 * page from a note (to the work it cites) takes that step back first, so the history holds one entry per
 * place the reader went and Back from the next page is never spent on a note no longer open; the entry
 * left behind names the marker (`#ref-…`), so Back lands on it and focuses it (useArrival).
 */
export function useNoteHistory(): void {
  const router = useRouter();
  useEffect(() => {
    let closingFromHistory = false;
    const opened = (popover: HTMLElement) => {
      const state = historyState();
      if (openNoteOf(state) !== popover.id) window.history.pushState(withOpenNote(state, popover.id), "");
    };
    const onToggle = (event: Event) => {
      const popover = event.target as HTMLElement;
      if (!popover.classList?.contains("note-popover")) return;
      const state = historyState();
      if ((event as ToggleEvent).newState === "open") {
        opened(popover);
      } else if (!closingFromHistory && openNoteOf(state) === popover.id) {
        window.history.back();
      }
      closingFromHistory = false;
    };
    const onPopState = () => {
      const open = document.querySelector<HTMLElement>(".note-popover:popover-open");
      if (open && openNoteOf(historyState()) !== open.id) {
        closingFromHistory = true;
        open.hidePopover();
      }
    };
    const leaveFromNote = (popover: HTMLElement, href: string) => {
      const markerHash = popover.dataset.marker ? `#${encodeURIComponent(popover.dataset.marker)}` : window.location.hash;
      const go = () => {
        const state = historyState();
        window.history.replaceState(state && openNoteOf(state) ? withoutOpenNote(state) : state, "", markerHash);
        router.push(href);
      };
      if (openNoteOf(historyState()) !== popover.id) return go();
      window.addEventListener("popstate", go, { once: true });
      window.history.back();
    };
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest<HTMLAnchorElement>("a[href]");
      const popover = link?.closest<HTMLElement>(".note-popover");
      if (!link || !popover) return;
      if (link.matches("[data-note-link]")) {
        // Following a note to the notes list leaves the note: the list entry replaces it in the history.
        const state = historyState();
        if (state && openNoteOf(state)) window.history.replaceState(withoutOpenNote(state), "");
        popover.hidePopover();
        return;
      }
      if (!leavesPage(link, event, window.location)) return;
      event.preventDefault();
      leaveFromNote(popover, link.pathname + link.search + link.hash);
    };
    document.addEventListener("toggle", onToggle, true);
    window.addEventListener("popstate", onPopState);
    document.addEventListener("click", onClick);
    // A note opened before this script ran gets its history step now, so Back closes it like any other.
    const openedEarly = document.querySelector<HTMLElement>(".note-popover:popover-open");
    if (openedEarly) opened(openedEarly);
    return () => {
      document.removeEventListener("toggle", onToggle, true);
      window.removeEventListener("popstate", onPopState);
      document.removeEventListener("click", onClick);
    };
  }, [router]);
}
