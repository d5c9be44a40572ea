import { readingScrollTop } from "./arrival";

/** Clears the previous landing's marks and sets `data-landed` anew, so the highlight plays again. */
function markLanded(elements: readonly HTMLElement[]): void {
  for (const earlier of document.querySelectorAll<HTMLElement>("[data-landed]")) delete earlier.dataset.landed;
  for (const element of elements) {
    // Reading a layout property between removal and re-adding restarts the CSS animation.
    void element.offsetWidth;
    element.dataset.landed = "";
  }
}

/**
 * An arrival at `block`: scrolled to the reading position (the `focusOn` element's line, or `rect` when
 * given: where a moved passage now begins), marked for a moment, and with keyboard focus on `focusOn`
 * (the marker the arrival names), so Tab goes on from there. A block without a marker gets focus itself
 * (`tabindex=-1`: reachable by script only), so a screen reader starts reading where the page landed.
 */
export function landAt(block: HTMLElement, options: { marker?: HTMLElement | null; rect?: DOMRect | null } = {}): void {
  const { marker = null } = options;
  const rect = options.rect && options.rect.height > 0 ? options.rect : (marker ?? block).getBoundingClientRect();
  window.scrollTo({ top: readingScrollTop(rect.top, window.scrollY, window.innerHeight) });
  markLanded(marker && marker !== block ? [block, marker] : [block]);
  const focusOn = marker ?? block;
  if (!focusOn.matches("button, a[href]") && !focusOn.hasAttribute("tabindex")) focusOn.tabIndex = -1;
  focusOn.focus({ preventScroll: true });
}
