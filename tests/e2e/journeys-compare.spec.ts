import fs from "node:fs";
import { scanWithAxe } from "./axe-scan";
import { expect, type Page, test } from "@playwright/test";
import { ComparePage } from "./pages/compare-page";
import { ConceptPage } from "./pages/concept-page";

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
  const results = await scanWithAxe(page);
  return results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

/** Each step's screenshot: into docs/screenshots with DUIZHAO_SCREENSHOTS=1 (as the reader's journeys), else test-results. */
function shot(page: Page, name: string, width: string) {
  const dir = process.env.DUIZHAO_SCREENSHOTS ? "docs/screenshots" : "test-results/journeys-compare";
  fs.mkdirSync(dir, { recursive: true });
  return page.screenshot({ path: `${dir}/compare-${name}-${width}.png` });
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

test.describe("side by side counts as the concept page does (desktop)", () => {
  test("the picker's count of a concept in each essay is the concept page's count for that essay, notes included", async ({ page, browser }) => {
    const { left, right } = await ComparePage.essaySlugs(browser);
    const compare = new ComparePage(page);
    await compare.goto({ left, right });
    const titles = {
      left: (await compare.left.locator("article").getAttribute("aria-label"))!,
      right: (await compare.right.locator("article").getAttribute("aria-label"))!,
    };
    await page.locator("details.concept-picker summary").click();
    const option = page.locator("label.concept-option").filter({ has: page.locator(`input[value="${CONCEPT}"]`) });
    const shown = /^(\d+) · (\d+)$/u.exec((await option.getByTestId("concept-count").textContent())!.trim());
    expect(shown).not.toBeNull();
    const [leftCount, rightCount] = [Number(shown![1]), Number(shown![2])];
    // These essays mention it in notes too (the 29 · 9 against 33 · 10): the picker says how many.
    await expect(option).toContainText(/\d+ · \d+ in notes/);
    // Read aloud with what it counts.
    await expect(option.locator("input")).toHaveAccessibleName(new RegExp(`left essay ${leftCount} mentions?.*right essay ${rightCount} mentions?`));
    await shot(page, "picker-counts", "desktop");
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(option).toBeVisible();
    await shot(page, "picker-counts", "phone");
    expect(await axeViolations(page)).toEqual([]);

    const concept = new ConceptPage(page);
    await concept.goto(CONCEPT);
    // The concept's own row, in the column of each essay (by its title): the number before "n in notes".
    const countFor = (title: string) =>
      concept.counts.evaluate((table, wanted) => {
        const headers = [...table.querySelectorAll("thead th")].map((th) => th.textContent?.trim());
        const cell = table.querySelectorAll("tbody tr")[0]?.querySelectorAll("th, td")[headers.indexOf(wanted)];
        return cell ? Number(cell.firstChild?.textContent) : null;
      }, title);
    expect(await countFor(titles.left)).toBe(leftCount);
    expect(await countFor(titles.right)).toBe(rightCount);
    // The counts in the notes are among them: the rule is the same, not merely the numbers by chance.
    expect(leftCount + rightCount).toBeGreaterThan(0);
    await expect(concept.page.getByTestId("count-rule")).toContainText("headings, paragraphs and notes");
  });
});

test.describe("side by side, aligned (desktop)", () => {
  let left: string;
  let right: string;
  test.beforeAll(async ({ browser }) => {
    ({ left, right } = await ComparePage.essaySlugs(browser));
  });

  /**
   * The paragraph in focus after Align: still the focused one, in view where it was (give or take a line: the
   * narrower pane wraps its text anew), and the one the links panel names, by the number its pane shows.
   */
  async function expectFocusKept(compare: ComparePage, side: "left" | "right", shown: () => Promise<void>) {
    const pane = compare.pane(side);
    const focused = pane.locator("[data-block][data-focused]");
    await expect(focused).toBeVisible();
    await shown();
    await compare.page.waitForTimeout(400);
    const anchor = (await focused.getAttribute("data-block"))!;
    const number = (await pane.locator(`[data-focus-block="${anchor}"]`).locator("xpath=ancestor::*[@role='group'][1]").getAttribute("aria-label"))!.split(":")[0]!;
    const before = (await focused.boundingBox())!.y;
    await expect(compare.focusPanel.locator("#focus-title")).toContainText(`${number} of the ${side} essay`);

    await compare.alignButton.click();
    await expect.poll(() => compare.gutter.locator("path").count()).toBeGreaterThan(0);
    await compare.page.waitForTimeout(600);
    await expect(pane.locator(`[data-block="${anchor}"]`)).toHaveAttribute("data-focused", "");
    const after = (await focused.boundingBox())!.y;
    const seen = `${side} ${number} (${anchor}) at ${before}px before, ${after}px after; top block now ${await compare.topBlock(pane)}`;
    expect(await compare.partlyInView(pane, focused), seen).toBe(true);
    expect(Math.abs(after - before), seen).toBeLessThan(48);
    // The panel still speaks of it, and it is the paragraph in view.
    await expect(compare.focusPanel).toHaveAttribute("data-focus-panel", `${side}:${anchor}`);
    await expect(compare.focusPanel.locator("#focus-title")).toContainText(`${number} of the ${side} essay`);
  }

  /** Opens the links of the `nth` linked paragraph of `side` and shows the `which` link's other end. */
  async function focusAndShow(compare: ComparePage, side: "left" | "right", nth: number, which: "first" | "last") {
    const linksButton = compare.pane(side).locator("[data-focus-block]").nth(nth);
    await linksButton.scrollIntoViewIfNeeded();
    await linksButton.click();
    return async () => {
      const go = compare.focusPanel.locator("[data-go-to]");
      await (which === "first" ? go.first() : go.last()).click();
      await expect(compare.pane(side === "left" ? "right" : "left").locator("[data-flash]").first()).toBeVisible();
    };
  }

  test("turning on Align keeps the paragraph in focus where the reader had it, and the links panel names it", async ({ page }) => {
    const compare = new ComparePage(page);
    await compare.goto({ left, right });
    await expectFocusKept(compare, "left", await focusAndShow(compare, "left", 6, "first"));
    await shot(page, "journey-6-aligned", "desktop");
    expect(await axeViolations(page)).toEqual([]);
  });

  // Each of these carried the left pane off (¶ 3 to the essay's notes, ¶ 12 to its end) before the panes'
  // scroll anchoring was turned off in aligned mode: the other pane's rewrap scrolled it, and it led.
  for (const [side, nth, which] of [
    ["left", 2, "last"],
    ["left", 10, "last"],
    ["left", 16, "first"],
    ["right", 6, "first"],
  ] as const) {
    test(`after showing the ${which} link of the ${side} pane's linked paragraph #${nth}, Align keeps that paragraph in view`, async ({ page }) => {
      const compare = new ComparePage(page);
      await compare.goto({ left, right });
      await expectFocusKept(compare, side, await focusAndShow(compare, side, nth, which));
    });
  }

  test("after a concept's jump and a scroll of the other pane, Align keeps the left pane's top where it was", async ({ page }) => {
    const compare = new ComparePage(page);
    await compare.goto({ left, right, c: CONCEPT });
    const chip = compare.chips(compare.left, CONCEPT).nth(4);
    await chip.scrollIntoViewIfNeeded();
    await chip.click();
    await expect(compare.jumped(compare.right).first()).toBeVisible();
    const box = (await compare.right.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(400);
    const top = await compare.topBlock(compare.left);
    const before = (await compare.left.locator(`[data-block="${top}"]`).boundingBox())!.y;
    await compare.alignButton.click();
    await expect.poll(() => compare.gutter.locator("path").count()).toBeGreaterThan(0);
    await page.waitForTimeout(600);
    const after = (await compare.left.locator(`[data-block="${top}"]`).boundingBox())!.y;
    expect(await compare.topBlock(compare.left), `${top} at ${before}px before, ${after}px after`).toBe(top);
    expect(Math.abs(after - before)).toBeLessThan(48);
  });

  test("a window resized before Align: the paragraph in focus stays in view", async ({ page }) => {
    const compare = new ComparePage(page);
    await compare.goto({ left, right });
    const show = await focusAndShow(compare, "left", 10, "first");
    await expectFocusKept(compare, "left", async () => {
      await show();
      await page.setViewportSize({ width: 1100, height: 850 });
    });
  });
});

test.describe("side by side, an aligned link on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test("opens at the paragraph in focus, which the links panel names", async ({ page, browser }) => {
    const { left, right } = await ComparePage.essaySlugs(browser);
    const compare = new ComparePage(page);
    await compare.goto({ left, right });
    const anchor = (await compare.left.locator("[data-focus-block]").nth(6).getAttribute("data-focus-block"))!;
    await compare.goto({ left, right, lp: anchor, f: `left:${anchor}`, align: "1" });
    const focused = compare.left.locator(`[data-block="${anchor}"]`);
    await expect(focused).toHaveAttribute("data-focused", "");
    await page.waitForTimeout(600);
    expect(await compare.partlyInView(compare.left, focused)).toBe(true);
    await expect(compare.focusPanel).toHaveAttribute("data-focus-panel", `left:${anchor}`);
    // Its pane's own tab, there and back: still there.
    await compare.tab("right").click();
    await compare.tab("left").click();
    await page.waitForTimeout(400);
    expect(await compare.partlyInView(compare.left, focused)).toBe(true);
  });
});
