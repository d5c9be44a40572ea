import fs from "node:fs";
import { scanWithAxe } from "./axe-scan";
import { expect, test, type Page } from "@playwright/test";
import { sidewaysOverflow } from "./pages/page-width";
import { ReaderPage } from "./pages/reader-page";
import { SearchPage } from "./pages/search-page";
import { TitleTypeAheadField } from "./pages/title-type-ahead";

/**
 * The search page's document filter (issue 15): a title field with type-ahead, not a list of every
 * document, the chosen document kept in the URL (`doc=`); without a script the words typed choose the one
 * title they match, or list the titles they match to pick from. At desktop and phone widths, accessible.
 * With DUIZHAO_SCREENSHOTS=1, screenshots go to docs/screenshots/search-document-*.png.
 */

const GLOBAL = /全球网络空间治理/;
const COMMUNITY = /网络空间命运共同体/;
const LABEL = "Document (words of its title)";
const sizes = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

async function noAxeViolations(page: Page) {
  const results = await scanWithAxe(page);
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
}

for (const [device, viewport] of Object.entries(sizes)) {
  test.describe(`search's document filter at ${device} width`, () => {
    test.use({ viewport });

    test("a document chosen by type-ahead filters the hits, stays in the URL and can be let go", async ({ page }) => {
      const community = await ReaderPage.slugOf(page, COMMUNITY);
      const search = new SearchPage(page);
      await search.goto();
      // No list of every document: no select of documents, no option per title.
      await expect(page.locator(`form[role=search] select[name="doc"]`)).toHaveCount(0);
      await expect(page.locator(`form[role=search] option[value="${community}"]`)).toHaveCount(0);
      const field = new TitleTypeAheadField(page, LABEL);
      if (process.env.DUIZHAO_SCREENSHOTS) {
        await field.type("网络空间");
        await page.screenshot({ path: `docs/screenshots/search-document-type-ahead-${device}.png` });
      }
      await field.choose("命运共同体", community, device === "phone" ? "keyboard" : "mouse");
      await expect(field.field).toHaveValue(COMMUNITY);
      await search.search("主权");
      expect(new URL(page.url()).searchParams.get("doc")).toBe(community);
      expect(new URL(page.url()).searchParams.get("docq")).toBeNull();
      // Hits in that document only (the counts name each document with hits).
      await expect(search.counts).toHaveCount(1);
      await expect(search.counts.first()).toContainText(COMMUNITY);
      const chosen = page.getByTestId("search-document-chosen");
      await expect(chosen).toContainText(COMMUNITY);
      await noAxeViolations(page);
      expect(await sidewaysOverflow(page)).toBe(0);
      if (process.env.DUIZHAO_SCREENSHOTS) {
        fs.mkdirSync("docs/screenshots", { recursive: true });
        await page.screenshot({ path: `docs/screenshots/search-document-${device}.png`, fullPage: true });
      }
      // Searching again keeps the document; "all documents" lets it go.
      await search.search("鸿沟");
      expect(new URL(page.url()).searchParams.get("doc")).toBe(community);
      await chosen.getByRole("link", { name: "all documents" }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get("doc")).toBeNull();
      expect(new URL(page.url()).searchParams.get("q")).toBe("鸿沟");
      await expect(search.counts).toHaveCount(2);
    });
  });
}

test("without a script, words naming one title choose it; words naming several list them to pick from", async ({ browser, page }) => {
  const community = await ReaderPage.slugOf(page, COMMUNITY);
  const global = await ReaderPage.slugOf(page, GLOBAL);
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: sizes.phone });
  const plain = await context.newPage();
  await plain.goto("/search");
  await plain.getByRole("searchbox", { name: /Search the corpus/ }).fill("主权");
  await plain.getByRole("combobox", { name: LABEL }).fill("命运共同体");
  await plain.getByRole("button", { name: "Search" }).click();
  await expect.poll(() => new URL(plain.url()).searchParams.get("doc")).toBe(community);
  expect(new URL(plain.url()).searchParams.get("docq")).toBeNull();
  await expect(new SearchPage(plain).counts).toHaveCount(1);
  await expect(new SearchPage(plain).counts.first()).toContainText(COMMUNITY);
  await expect(plain.getByTestId("search-document-chosen")).toContainText(COMMUNITY);

  await plain.goto("/search?q=%E4%B8%BB%E6%9D%83&docq=%E7%BD%91%E7%BB%9C%E7%A9%BA%E9%97%B4");
  const filter = plain.getByTestId("search-document-filter");
  await expect(filter.getByRole("radio")).toHaveCount(2);
  await expect(filter.getByRole("group")).toContainText("Titles matching “网络空间”");
  expect(await sidewaysOverflow(plain)).toBe(0);
  if (process.env.DUIZHAO_SCREENSHOTS) await plain.screenshot({ path: "docs/screenshots/search-document-choose-phone.png" });
  await filter.getByRole("radio", { name: GLOBAL }).check();
  await plain.getByRole("button", { name: "Search" }).click();
  await expect.poll(() => new URL(plain.url()).searchParams.get("doc")).toBe(global);
  await expect(new SearchPage(plain).counts).toHaveCount(1);
  await expect(new SearchPage(plain).counts.first()).toContainText(GLOBAL);
  // Scanned in a scripted page (axe runs as a script).
  await page.goto("/search?q=%E4%B8%BB%E6%9D%83&docq=%E7%BD%91%E7%BB%9C%E7%A9%BA%E9%97%B4");
  await noAxeViolations(page);

  // Words matching no title say so, and search every document.
  await plain.goto("/search?q=%E4%B8%BB%E6%9D%83&docq=zzzz");
  await expect(plain.getByRole("status").filter({ hasText: "No title matches “zzzz”" })).toBeVisible();
  await expect(new SearchPage(plain).counts).toHaveCount(2);
  await context.close();
});
