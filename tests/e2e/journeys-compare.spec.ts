import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { ComparePage } from "./pages/compare-page";

/**
 * The instructor's side-by-side reading (issue 17): a concept picked, a jump to its counterpart and a jump
 * back, each a place Back returns to; a copied link that opens the view as it was, the mention jumped to
 * outlined; aligned mode that keeps the paragraph in focus where it was; a links panel that never covers
 * the passage it just showed. At desktop and phone width, axe clean.
 */
const CONCEPT = "cyber-sovereignty";
const WIDTHS = [
  { name: "desktop", viewport: { width: 1280, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
] as const;

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

function shot(page: Page, name: string, width: string) {
  fs.mkdirSync("docs/screenshots", { recursive: true });
  return page.screenshot({ path: `docs/screenshots/compare-${name}-${width}.png` });
}

for (const { name: width, viewport } of WIDTHS) {
  test.describe(`side by side, the instructor's reading (${width})`, () => {
    test.use({ viewport });
    let left: string;
    let right: string;
    test.beforeAll(async ({ browser }) => {
      ({ left, right } = await ComparePage.essaySlugs(browser));
    });

    test("Back steps back jump by jump, and a copied link restores the view with the mention jumped to", async ({ page, browser }) => {
      test.setTimeout(90_000);
      const compare = new ComparePage(page);
      const phone = width === "phone";
      await page.goto(`/read/${left}`);
      await compare.goto({ left, right });
      await expect(compare.left.locator("[data-block]").first()).toBeVisible();

      // 1. A concept picked: a place of its own.
      await compare.toggleConcept(CONCEPT);
      await expect(compare.marks(compare.left, CONCEPT).first()).toBeAttached();
      await compare.settled();

      // 2. Its third mention's chip: the right pane shows the counterpart, outlined.
      const chip = compare.chips(compare.left, CONCEPT).nth(2);
      await chip.scrollIntoViewIfNeeded();
      await chip.click();
      const firstLanding = compare.jumped(compare.right).first();
      await expect(firstLanding).toBeVisible();
      expect(await compare.inView(compare.right, firstLanding)).toBe(true);
      const firstJump = compare.param("j");
      expect(firstJump).toMatch(/^right:/);
      await compare.settled();
      await shot(page, "journey-1-jump", width);

      // 3. A mark where it landed: the left pane shows its counterpart, outlined; the right's outline goes.
      await firstLanding.click();
      const secondLanding = compare.jumped(compare.left).first();
      await expect(secondLanding).toBeVisible();
      expect(await compare.inView(compare.left, secondLanding)).toBe(true);
      await expect(compare.jumped(compare.right)).toHaveCount(0);
      expect(compare.param("j")).toMatch(/^left:/);
      await compare.settled();
      const leftTop = await compare.topBlock(compare.left);
      const viewLink = page.url();
      await shot(page, "journey-2-jump-back", width);

      // The copied link opens the same view: the concept, the pane and the mention jumped to, outlined and in view.
      const other = await browser.newPage({ viewport });
      const shared = new ComparePage(other);
      await other.goto(viewLink);
      const restored = shared.jumped(shared.left).first();
      await expect(restored).toBeVisible();
      expect(await shared.inView(shared.left, restored)).toBe(true);
      // The same block at the top of the pane (a position is a block: the pixels differ with the text's wrapping).
      await expect.poll(() => shared.topBlock(shared.left)).toBe(leftTop);
      expect(await restored.textContent()).toBe(await secondLanding.textContent());
      await shot(other, "journey-3-shared-link", width);
      await other.close();

      // Back, jump by jump: the first landing outlined and in view again.
      await compare.back();
      await expect.poll(() => compare.param("j")).toBe(firstJump);
      await expect(compare.jumped(compare.left)).toHaveCount(0);
      const again = compare.jumped(compare.right).first();
      await expect(again).toBeVisible();
      await expect.poll(() => compare.inView(compare.right, again)).toBe(true);
      if (phone) await expect(compare.tab("right")).toHaveAttribute("aria-selected", "true");
      await shot(page, "journey-4-back-to-first-jump", width);

      // Back: before the jumps, the concept still highlighted.
      await compare.back();
      await expect.poll(() => compare.param("j")).toBeNull();
      await expect(compare.page.locator("[data-jumped]")).toHaveCount(0);
      expect(compare.param("c")).toBe(CONCEPT);
      if (phone) await expect(compare.tab("left")).toHaveAttribute("aria-selected", "true");

      // Back: the concept dropped, still side by side.
      await compare.back();
      await expect(compare.marks(compare.left, CONCEPT)).toHaveCount(0);
      expect(new URL(page.url()).pathname).toBe("/compare");

      // Back: the reader it was opened from.
      await compare.back();
      await expect(page).toHaveURL(new RegExp(`/read/${left}`));
    });

    test("the links panel never covers the passage it showed, and the view is axe clean", async ({ page }) => {
      const compare = new ComparePage(page);
      await compare.goto({ left, right, c: CONCEPT });
      const linksButton = compare.left.locator("[data-focus-block]").nth(3);
      await linksButton.scrollIntoViewIfNeeded();
      await linksButton.click();
      await expect(compare.focusPanel).toBeVisible();
      await compare.focusPanel.locator("[data-go-to]").first().click();
      const landing = compare.jumped(compare.right).first();
      await expect(landing).toBeVisible();
      // The passage shown starts in view, under nothing of the panel.
      await expect.poll(() => compare.headShown(compare.right, landing, compare.focusPanel)).toBe(true);
      // The paragraph in focus is not covered either (on a phone its pane is not the one shown).
      if (width === "desktop") {
        expect(await compare.overlaps(compare.left.locator("[data-focused]"), compare.focusPanel)).toBe(false);
      }
      await shot(page, "journey-5-links-panel", width);
      expect(await axeViolations(page)).toEqual([]);
    });
  });
}

test.describe("side by side, aligned (desktop)", () => {
  test("turning on Align keeps the paragraph in focus where the reader had it", async ({ page, browser }) => {
    const { left, right } = await ComparePage.essaySlugs(browser);
    const compare = new ComparePage(page);
    await compare.goto({ left, right });
    const linksButton = compare.left.locator("[data-focus-block]").nth(6);
    await linksButton.scrollIntoViewIfNeeded();
    await linksButton.click();
    const focused = compare.left.locator("[data-focused]");
    await expect(focused).toBeVisible();
    // The reader has just been shown a linked paragraph in the right pane.
    await compare.focusPanel.locator("[data-go-to]").first().click();
    await expect(compare.right.locator("[data-flash]").first()).toBeVisible();
    await page.waitForTimeout(400);
    const anchor = await focused.getAttribute("data-block");
    const before = (await focused.boundingBox())!.y;

    await compare.alignButton.click();
    await expect.poll(() => compare.gutter.locator("path").count()).toBeGreaterThan(0);
    await page.waitForTimeout(600);
    await expect(compare.left.locator(`[data-block="${anchor}"]`)).toHaveAttribute("data-focused", "");
    const after = (await focused.boundingBox())!.y;
    const seen = `${anchor} at ${before}px before, ${after}px after; top block now ${await compare.topBlock(compare.left)}`;
    expect(await compare.partlyInView(compare.left, focused), seen).toBe(true);
    // Where it was, give or take a line (the narrower pane wraps its text anew).
    expect(Math.abs(after - before), seen).toBeLessThan(48);
    // The panel still speaks of the same paragraph.
    await expect(compare.focusPanel).toHaveAttribute("data-focus-panel", `left:${anchor}`);
    await shot(page, "journey-6-aligned", "desktop");
    expect(await axeViolations(page)).toEqual([]);
  });
});
