import { NOTE_POPOVER_ID } from "./note-popover";

const element = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, lang?: string): HTMLElementTagNameMap[K] => {
  const created = document.createElement(tag);
  if (className) created.className = className;
  if (lang) created.lang = lang;
  return created;
};

/**
 * Puts the note of `marker` into its document's note popover: a heading (label, printed page, a link to
 * the note in the list) and a copy of the note as the list renders it. Built from DOM nodes and text,
 * never from markup, like everything the corpus says.
 */
export function fillNotePopover(popover: HTMLElement, marker: HTMLElement): void {
  const prefix = popover.id.slice(0, popover.id.length - NOTE_POPOVER_ID.length);
  const anchor = marker.dataset.note ?? "";
  const label = marker.dataset.label ?? marker.textContent ?? "";

  const title = element("span");
  title.append(`注释 ${label}`);
  if (marker.dataset.page) {
    const page = element("span", undefined, "en");
    page.textContent = ` · printed page ${marker.dataset.page}`;
    title.append(page);
  }
  const link = element("a", "underline underline-offset-2");
  link.href = `#${prefix}${anchor}`;
  link.dataset.noteLink = "";
  const linkText = element("span", undefined, "en");
  linkText.textContent = "In the notes list ↓";
  link.append(linkText);
  const head = element("span", "mb-1 flex items-baseline justify-between gap-3 text-xs text-muted dark:text-night-muted");
  head.append(title, link);

  const listed = document.getElementById(prefix + anchor)?.querySelector("[data-note-content]");
  let body: HTMLElement;
  if (listed) {
    body = listed.cloneNode(true) as HTMLElement;
    body.querySelectorAll("[id]").forEach((copy) => copy.removeAttribute("id"));
  } else {
    body = element("span", undefined, "en");
    body.textContent = "This marker's note was not found.";
  }
  popover.setAttribute("aria-label", `注释 ${label}`);
  // Whose note this is: leaving the page from it, the reader's place becomes that marker (useNoteHistory).
  popover.dataset.marker = marker.id;
  popover.replaceChildren(head, body);
}
