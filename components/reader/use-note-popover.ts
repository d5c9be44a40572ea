"use client";

import { useEffect } from "react";
import { fillNotePopover } from "./fill-note-popover";

/**
 * A document has one note popover: it shows the note of the marker that opened it (copied from the notes
 * list, so each note is sent once) and is anchored to that marker. Another marker clicked while it is open
 * shows that marker's note in place; the same marker closes it.
 */
export function useNotePopover(): void {
  useEffect(() => {
    let shownFor: HTMLElement | null = null;
    let clicked: HTMLElement | null = null;
    const show = (popover: HTMLElement, marker: HTMLElement) => {
      fillNotePopover(popover, marker);
      shownFor?.style.removeProperty("anchor-name");
      marker.style.setProperty("anchor-name", "--note-marker");
      shownFor = marker;
    };
    const onClick = (event: MouseEvent) => {
      const marker = (event.target as Element | null)?.closest<HTMLElement>(".note-marker");
      const popover = marker ? document.getElementById(marker.getAttribute("popovertarget") ?? "") : null;
      if (!marker || !popover) return;
      clicked = marker;
      // Closed: the button opens it (and `beforetoggle` fills it). Open: the button would only toggle it.
      if (!popover.matches(":popover-open")) return;
      event.preventDefault();
      if (marker === shownFor) popover.hidePopover();
      else show(popover, marker);
    };
    const onBeforeToggle = (event: Event) => {
      const popover = event.target as HTMLElement;
      if ((event as ToggleEvent).newState !== "open" || !popover.matches?.("[data-note-popover]")) return;
      const source = (event as ToggleEvent & { source?: Element | null }).source;
      const marker = source instanceof HTMLElement ? source : clicked;
      if (marker) show(popover, marker);
    };
    // Toggle events do not bubble: listen in the capture phase, as for clicks, which come before the toggle.
    document.addEventListener("click", onClick, true);
    document.addEventListener("beforetoggle", onBeforeToggle, true);
    // A marker clicked before this script ran opened the popover natively (popovertarget), unfilled: fill it
    // now with the note of that marker, which the click focused.
    const openedEarly = document.querySelector<HTMLElement>("[data-note-popover]:popover-open");
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>(".note-marker") : null;
    if (openedEarly && focused?.getAttribute("popovertarget") === openedEarly.id) show(openedEarly, focused);
    return () => {
      document.removeEventListener("click", onClick, true);
      document.removeEventListener("beforetoggle", onBeforeToggle, true);
      shownFor?.style.removeProperty("anchor-name");
    };
  }, []);
}
