"use client";

import { useEffect } from "react";
import { openNoteOf, withOpenNote, withoutOpenNote } from "./note-history";

const historyState = () => window.history.state as Record<string, unknown> | null;

/** An open note is a step in the history: Back closes it, as on a phone one expects of a sheet. */
export function useNoteHistory(): void {
  useEffect(() => {
    let closingFromHistory = false;
    const onToggle = (event: Event) => {
      const popover = event.target as HTMLElement;
      if (!popover.classList?.contains("note-popover")) return;
      const state = historyState();
      if ((event as ToggleEvent).newState === "open") {
        if (openNoteOf(state) !== popover.id) window.history.pushState(withOpenNote(state, popover.id), "");
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
    const onClick = (event: MouseEvent) => {
      // Following a note to the notes list leaves the note: the list entry replaces it in the history.
      const link = (event.target as Element | null)?.closest("[data-note-link]");
      const popover = link?.closest<HTMLElement>(".note-popover");
      if (!popover) return;
      const state = historyState();
      if (state && openNoteOf(state)) window.history.replaceState(withoutOpenNote(state), "");
      popover.hidePopover();
    };
    document.addEventListener("toggle", onToggle, true);
    window.addEventListener("popstate", onPopState);
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("toggle", onToggle, true);
      window.removeEventListener("popstate", onPopState);
      document.removeEventListener("click", onClick);
    };
  }, []);
}
