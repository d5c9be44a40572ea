import { expect, test } from "@playwright/test";
import { ComparePage } from "./pages/compare-page";
import { TitleTypeAheadField } from "./pages/title-type-ahead";

test.describe("side by side", () => {
  let left: string;
  let right: string;
  test.beforeAll(async ({ browser }) => {
    ({ left, right } = await ComparePage.essaySlugs(browser));
  });

  test("is chosen from the reader", async ({ page }) => {
    await page.goto(`/read/${left}`);
    // The other text found by type-ahead over titles, chosen by the keyboard.
    await new TitleTypeAheadField(page, "Compare with…").choose("命运共同体", right, "keyboard");
    await page.getByRole("button", { name: /Side by side/ }).click();
    await expect(page).toHaveURL(new RegExp(`/compare\\?left=${left}&right=${right}`));
    await expect(new ComparePage(page).right.locator("h1")).toContainText("网络空间命运共同体");
  });

  test("a side-by-side link restores both panes, and each pane keeps its place in the URL", async ({ page, browser }) => {
    const compare = new ComparePage(page);
    await compare.goto({ left, right });
    const historyLength = await page.evaluate(() => history.length);
    const leftTarget = (await compare.left.locator("p[data-block]").nth(25).getAttribute("data-block"))!;
    const rightTarget = (await compare.right.locator("p[data-block]").nth(12).getAttribute("data-block"))!;
    await compare.scrollPaneTo(compare.left, leftTarget);
    await expect.poll(() => new URL(page.url()).searchParams.get("lp")).toBe(leftTarget);
    await compare.scrollPaneTo(compare.right, rightTarget);
    await expect.poll(() => new URL(page.url()).searchParams.get("rp")).toBe(rightTarget);
    // Scrolling replaces the URL rather than piling up history entries.
    expect(await page.evaluate(() => history.length)).toBe(historyLength);

    const link = page.url();
    const fresh = await browser.newPage();
    const restored = new ComparePage(fresh);
    await fresh.goto(link);
    await expect.poll(() => restored.topBlock(restored.left)).toBe(leftTarget);
    await expect.poll(() => restored.topBlock(restored.right)).toBe(rightTarget);
    await fresh.close();
  });

  test("each pane lays out only the sections near its view; a link far into both essays opens there and stays", async ({ page, browser }) => {
    const compare = new ComparePage(page);
    await compare.goto({ left, right });
    const farInto = async (pane: typeof compare.left) => {
      const paragraphs = pane.locator("p[data-block]");
      return (await paragraphs.nth(Math.floor((await paragraphs.count()) * 0.8)).getAttribute("data-block"))!;
    };
    const [leftTarget, rightTarget] = [await farInto(compare.left), await farInto(compare.right)];
    // At the top, the text far down is not laid out (content-visibility): the page did not pay for it.
    const laidOut = (pane: typeof compare.left, anchor: string) =>
      pane.locator(`[data-block="${anchor}"]`).evaluate((block) => block.checkVisibility({ contentVisibilityAuto: true }));
    expect(await laidOut(compare.left, leftTarget)).toBe(false);
    expect(await laidOut(compare.right, rightTarget)).toBe(false);

    const fresh = await browser.newPage();
    const restored = new ComparePage(fresh);
    await fresh.goto(`/compare?left=${left}&right=${right}&lp=${leftTarget}&rp=${rightTarget}`);
    await expect.poll(() => restored.topBlock(restored.left)).toBe(leftTarget);
    await expect.poll(() => restored.topBlock(restored.right)).toBe(rightTarget);
    // Held there while the sections around were laid out (their estimated heights gave way to real ones).
    await fresh.waitForTimeout(500);
    expect(await restored.topBlock(restored.left)).toBe(leftTarget);
    expect(await restored.topBlock(restored.right)).toBe(rightTarget);
    expect(await laidOut(restored.left, leftTarget)).toBe(true);
    const firstParagraph = (await restored.left.locator("p[data-block]").first().getAttribute("data-block"))!;
    expect(await laidOut(restored.left, firstParagraph)).toBe(false);
    await fresh.close();
  });

  test("notes open in either pane", async ({ page }) => {
    const compare = new ComparePage(page);
    await compare.goto({ left, right });
    await compare.right.locator("button.note-marker").first().click();
    await expect(page.locator(".note-popover:popover-open")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(compare.right.locator("button.note-marker").first()).toBeFocused();
  });

  test("the concept picker's options hydrate when the picker is about to be used, not with the page", async ({ page }) => {
    const compare = new ComparePage(page);
    await compare.goto({ left, right });
    const picker = page.locator("details.concept-picker");
    // The page has hydrated: the picker's submit button, there for a reader without scripts, is gone.
    await expect(picker.locator("button[type=submit]")).toHaveCount(0);
    const option = picker.locator('input[name="c"]').first();
    const hydrated = () => option.evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactFiber$")));
    expect(await hydrated()).toBe(false);
    await picker.locator("summary").hover();
    await expect.poll(hydrated).toBe(true);
    // Hydrated so, the options work as before: a tick highlights the concept.
    const id = await option.getAttribute("value");
    await compare.toggleConcept(id!);
    await expect(page).toHaveURL(new RegExp(`[?&]c=${id}`));
  });

  test("phone width: the panes become two tabs", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const compare = new ComparePage(page);
    await compare.goto({ left, right });
    await expect(compare.left).toBeVisible();
    await expect(compare.right).toBeHidden();
    await compare.tab("right").click();
    await expect(compare.right).toBeVisible();
    await expect(compare.left).toBeHidden();
    await expect(page).toHaveURL(/pane=right/);
    await compare.tab("right").press("ArrowLeft");
    await expect(compare.left).toBeVisible();
    await expect(compare.tab("left")).toBeFocused();
  });
});
