import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/**
 * One axe pass over the page as it is now: every rule, every element, the same violations as
 * `new AxeBuilder({ page }).analyze()`, in about half the time (28 s against 12-15 s for the concept index on a
 * host at load 13; axe passes were a fifth of the browser tests' time).
 *
 * - Legacy mode runs `axe.run` in the page itself. The default runs it per frame and then opens a second, blank
 *   page to merge the frames' results, after copying them there as JSON (5 MB for the concept index). What the
 *   legacy mode leaves out is cross-origin frames, and the app has no frame: a page that gains one fails here
 *   rather than going unscanned.
 * - `resultTypes: ["violations"]` keeps every node of a violation and only one example node of what passed, was
 *   incomplete or did not apply, which these tests never read.
 *
 * `setLegacyMode` is deprecated for @axe-core/playwright 5; an upgrade that drops it fails to compile here.
 */
export async function scanWithAxe(page: Page) {
  const framesElsewhere = page
    .frames()
    .filter((frame) => frame !== page.mainFrame())
    .map((frame) => frame.url());
  if (framesElsewhere.length > 0) {
    throw new Error(`scanWithAxe: the page has frames (${framesElsewhere.join(", ")}); scan them with the default AxeBuilder mode`);
  }
  return new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ["violations"] }).analyze();
}
