import fs from "node:fs";
import { scanWithAxe } from "./axe-scan";
import { expect, test } from "@playwright/test";
import { sidewaysOverflow } from "./pages/page-width";
import { ParallelsPage } from "./pages/parallels-page";
import { ReaderPage } from "./pages/reader-page";

/**
 * A paragraph's parallels (issue 15): the reader says how many places elsewhere share words with a paragraph;
 * the parallels view lists them, grouped by the work both cite when known, each a deep link that opens the
 * other essay with the shared words highlighted, and a link that opens the two side by side at the passage.
 */
const GLOBAL = /全球网络空间治理/;
const COMMUNITY = /网络空间命运共同体/;
const sizes = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

for (const [device, viewport] of Object.entries(sizes)) {
  test.describe(`parallels at ${device} width`, () => {
    test.use({ viewport });

    test("from a paragraph to the places sharing its words, to the other essay at those words, and side by side", async ({ page }) => {
      const community = await ReaderPage.slugOf(page, COMMUNITY);
      const global = await ReaderPage.slugOf(page, GLOBAL);
      const reader = new ReaderPage(page);
      await reader.goto(`/read/${global}`);
      const link = page.locator("a[data-parallels]").first();
      await expect(link).toContainText(/∥ \d+ places? in 1 other essay share words with this paragraph/);
      const anchor = (await link.getAttribute("data-parallels"))!;
      const count = Number(/∥ (\d+)/.exec((await link.textContent())!)![1]);
      await link.click();

      const view = page.getByTestId("parallels");
      await expect(view).toBeVisible();
      const places = view.getByTestId("parallel-place");
      await expect(places).toHaveCount(count);
      await expect(page.getByTestId("parallels-summary")).toContainText(`${count} place`);
      // Two essays: nothing they share is a stock phrase (that takes five essays at least), so all are listed.
      expect(await new ParallelsPage(page).counts()).toEqual({ parallels: count, stockOnly: 0 });
      await expect(page.getByTestId("stock-phrases")).toHaveCount(0);
      // The paragraph asked about, with the shared words marked in it.
      await expect(view.locator("blockquote mark").first()).toBeVisible();
      for (const place of await places.all()) await expect(place).toHaveAttribute("data-slug", community);
      expect((await scanWithAxe(page)).violations.map((v) => v.id)).toEqual([]);
      if (device === "phone") expect(await sidewaysOverflow(page)).toBe(0);
      if (process.env.DUIZHAO_SCREENSHOTS) {
        fs.mkdirSync("docs/screenshots", { recursive: true });
        await page.screenshot({ path: `docs/screenshots/parallels-${device}.png` });
      }

      // The other essay at the shared words: the block marked, the words highlighted.
      const first = places.first();
      const otherAnchor = (await first.getAttribute("data-anchor"))!;
      const quoted = (await first.locator("q").first().textContent())!;
      await first.getByRole("link", { name: COMMUNITY }).click();
      await expect(reader.title).toContainText("网络空间命运共同体");
      const hit = page.locator(`[data-block="${otherAnchor}"] mark`).first();
      await expect(hit).toBeVisible();
      expect(quoted).toContain((await hit.textContent())!.slice(0, 4));

      // Back to the parallels, and the two side by side at the passage (paragraphs only).
      await page.goBack();
      await expect(view).toBeVisible();
      const sideBySide = first.getByRole("link", { name: "Read the two side by side at this passage" });
      if ((await sideBySide.count()) > 0) {
        await sideBySide.click();
        await expect(page).toHaveURL(/\/compare\?/);
        const view = new URL(page.url()).searchParams;
        expect([view.get("left"), view.get("right"), view.get("f"), view.get("rp")]).toEqual([global, community, `left:${anchor}`, otherAnchor]);
        await expect(page.locator(`[data-slug="${global}"] [id$="${anchor}"]`).first()).toBeVisible();
      }
    });
  });
}

for (const [device, viewport] of Object.entries(sizes)) {
  test(`pages the places at ${device} width: n–m of N, each page in the address, every place once`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const global = await ReaderPage.slugOf(page, GLOBAL);
    await new ReaderPage(page).goto(`/read/${global}`);
    // The paragraph with most places.
    const links = await new ParallelsPage(page).readerLinks().all();
    const facts = await Promise.all(links.map((link) => ParallelsPage.linkFacts(link)));
    const { anchor, places: count } = facts.reduce((x, y) => (y.places > x.places ? y : x));
    expect(count, "a paragraph with places enough for three pages of one").toBeGreaterThanOrEqual(3);
    await page.goto(`/read/${global}/parallels/${anchor}?pageSize=1`);
    const parallels = new ParallelsPage(page);
    await expect(parallels.pager.getByTestId("parallels-pagination-range")).toHaveText(`1–1 of ${count} places`);
    await expect(parallels.summary).toContainText(`${count} place`);
    const seen: string[] = [];
    for (let number = 1; number <= count; number++) {
      await expect(parallels.pager.locator('[aria-current="page"]')).toHaveText(`Page ${number}`);
      await expect(parallels.places).toHaveCount(1);
      seen.push(...(await parallels.pageFacts()).map((place) => `${place.slug}#${place.anchor}`));
      if (number === 1) {
        expect((await scanWithAxe(page)).violations.map((v) => v.id)).toEqual([]);
        if (device === "phone") expect(await sidewaysOverflow(page)).toBe(0);
        if (process.env.DUIZHAO_SCREENSHOTS) await page.screenshot({ path: `docs/screenshots/parallels-pages-${device}.png`, fullPage: true });
      }
      if (number < count) {
        await parallels.pager.locator('a[rel="next"]').click();
        await expect.poll(() => new URL(page.url()).searchParams.get("page")).toBe(String(number + 1));
      }
    }
    expect(new Set(seen).size).toBe(count);
  });
}

test("a malformed page of parallels is a 404 page, not an error", async ({ page }) => {
  const global = await ReaderPage.slugOf(page, GLOBAL);
  await new ReaderPage(page).goto(`/read/${global}`);
  const anchor = (await page.locator("a[data-parallels]").first().getAttribute("data-parallels"))!;
  for (const query of ["page=0", "page=abc", "page=1.5", "pageSize=101", "show=all", "show="]) {
    const response = await page.goto(`/read/${global}/parallels/${anchor}?${query}`);
    expect(response!.status(), query).toBe(404);
  }
});

test("an unknown block's parallels are a 404 page, not an error", async ({ page }) => {
  const global = await ReaderPage.slugOf(page, GLOBAL);
  const response = await page.goto(`/read/${global}/parallels/p-00000000`);
  expect(response!.status()).toBe(404);
});
