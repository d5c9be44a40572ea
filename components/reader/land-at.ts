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
  holdInPlaceWhileLaidOut(block);
  markLanded(marker && marker !== block ? [block, marker] : [block]);
  const focusOn = marker ?? block;
  if (!focusOn.matches("button, a[href]") && !focusOn.hasAttribute("tabindex")) focusOn.tabIndex = -1;
  focusOn.focus({ preventScroll: true });
}

/** Frames after a scroll in which the sections that came into view are laid out (the second pass catches a section laid out by the first). */
const LAYOUT_SETTLING_FRAMES = 2;

/**
 * Keeps `element` where a scroll just put it on screen while the sections it brought into view are laid out:
 * the text's sections are laid out only near the screen (document-body.css), and one above the element
 * turning out taller or shorter than its estimate would move it. The browser's scroll anchoring corrects
 * most of that, not all (it anchors to a section not yet laid out as a whole); whatever is left, this
 * scrolls back. The element's own move on screen is measured, so a move the anchoring already made good is
 * not made twice.
 */
export function holdInPlaceWhileLaidOut(element: HTMLElement): void {
  const top = element.getBoundingClientRect().top;
  let frames = 0;
  const check = () => {
    const shift = element.getBoundingClientRect().top - top;
    if (Math.abs(shift) >= 1) window.scrollBy({ top: shift, behavior: "instant" });
    if (++frames < LAYOUT_SETTLING_FRAMES) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}
