import fs from "node:fs";
import { scanWithAxe } from "./axe-scan";
import { type APIRequestContext, expect, test, type Page } from "@playwright/test";
import { ConceptPage } from "./pages/concept-page";
import { HomePage } from "./pages/home-page";
import { boxOf, sidewaysOverflow } from "./pages/page-width";
import { ReaderPage } from "./pages/reader-page";
import { SearchPage } from "./pages/search-page";
import { type ApiSource, SourcePage } from "./pages/source-page";

/**
 * The reading journeys as a student, an instructor and a researcher walk them, at desktop and phone width:
 * every arrival visibly marked at a comfortable reading position, Back stepping back one place at a time,
 * and the concept index and search read on a phone without the page scrolling sideways. Axe on each page.
 * DUIZHAO_SCREENSHOTS=1 writes each step to docs/screenshots/journey-*.
 */

const GLOBAL = /全球网络空间治理/;
const COMMUNITY = /网络空间命运共同体/;
const sizes = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;
/** An arrival lands a third of the way down (READING_POSITION); a plain fragment would leave it at the top edge. */
const READING_BAND = { from: 0.2, to: 0.55 } as const;

async function noAxeViolations(page: Page) {
  const results = await scanWithAxe(page);
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
}

for (const [device, viewport] of Object.entries(sizes)) {
  test.describe(`reading journeys at ${device} width`, () => {
    test.use({ viewport });
    let global: string;
    let community: string;
    let paper: ApiSource;
    test.beforeAll(async ({ browser, playwright }) => {
      const page = await browser.newPage();
      global = await ReaderPage.slugOf(page, GLOBAL);
      community = await ReaderPage.slugOf(page, COMMUNITY);
      await page.close();
      const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
      paper = await SourcePage.sharedSource(request, "携手构建网络空间命运共同体");
      await request.dispose();
    });

    const shot = async (page: Page, name: string) => {
      if (!process.env.DUIZHAO_SCREENSHOTS) return;
      fs.mkdirSync("docs/screenshots", { recursive: true });
      await page.screenshot({ path: `docs/screenshots/journey-${name}-${device}.png` });
    };

    test("the student's footnote trail: out to the other essay and all the way back, every landing marked, no dead Back", async ({ page }) => {
      test.setTimeout(90_000);
      const start = paper.citations.find((c) => c.documentSlug === global && c.block !== null)!;
      const other = paper.citations.find((c) => c.documentSlug === community && c.block !== null)!;
      const reader = new ReaderPage(page);
      const sourcePage = new SourcePage(page);

      // Home → the essay → the marker of a note citing the white paper → the note.
      const home = new HomePage(page);
      await home.goto();
      await home.open(GLOBAL);
      await expect(reader.title).toContainText("全球网络空间治理");
      const readerUrl = page.url();
      const marker = reader.markerOf(start.noteAnchor);
      await marker.scrollIntoViewIfNeeded();
      await marker.click();
      await expect(reader.popover).toBeVisible();
      await shot(page, "1-note");

      // The note → the work it cites.
      await reader.popover.locator(`a[data-source-link][href^="/sources/${paper.key}?"]`).first().click();
      await expect(sourcePage.root).toBeVisible();
      await expect(sourcePage.trailSteps).toHaveCount(2);
      await shot(page, "2-source");
      await noAxeViolations(page);

      // The work → the passage citing it in the other essay: the passage marked, and the very marker of the note singled out.
      await sourcePage.citingNote(other.noteAnchor).getByTestId("open-citing-passage").click();
      await expect(reader.title).toContainText("网络空间命运共同体");
      const passage = page.locator(`[id="${other.block!.anchor}"]`);
      const citingMarker = passage.locator(`button.note-marker[data-note="${other.noteAnchor}"]`).first();
      await expect(passage).toHaveAttribute("data-landed", "");
      await expect(citingMarker).toHaveAttribute("data-landed", "");
      await expect(citingMarker).toBeFocused();
      await expect.poll(() => reader.screenPosition(citingMarker)).toBeGreaterThan(READING_BAND.from);
      expect(await reader.screenPosition(citingMarker)).toBeLessThan(READING_BAND.to);
      await shot(page, "3-citing-passage");
      await noAxeViolations(page);

      // The trail's start link → the marker the trail started from, singled out at the reading position.
      await reader.trailStart.click();
      await expect(reader.title).toContainText("全球网络空间治理");
      await expect(marker).toHaveAttribute("data-landed", "");
      await expect(marker).toBeFocused();
      await expect.poll(() => reader.screenPosition(marker)).toBeGreaterThan(READING_BAND.from);
      expect(await reader.screenPosition(marker)).toBeLessThan(READING_BAND.to);
      await shot(page, "4-trail-start");

      // All the way back, one place per press, each visibly somewhere else.
      await page.goBack();
      await expect(reader.title).toContainText("网络空间命运共同体");
      await expect(citingMarker).toHaveAttribute("data-landed", "");
      await page.goBack();
      await expect(sourcePage.root).toBeVisible();
      await expect(sourcePage.trailSteps).toHaveCount(2);
      await page.goBack();
      // The essay again, at the marker they started from: focused, marked, the note closed.
      await expect(reader.title).toContainText("全球网络空间治理");
      expect(page.url()).toBe(`${readerUrl}#ref-${start.noteAnchor}`);
      await expect(reader.popover).toHaveCount(0);
      await expect(marker).toBeFocused();
      await expect(marker).toHaveAttribute("data-landed", "");
      await expect.poll(() => reader.screenPosition(marker)).toBeGreaterThan(READING_BAND.from);
      await shot(page, "5-back-at-marker");
      // No Back is spent on the note no longer open: the next one leaves the essay.
      await page.goBack();
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByTestId("document-card").first()).toBeVisible();
    });

    test("from a source page to a note, and ↩ 返回正文 to its marker: each landing marked at the reading position", async ({ page }) => {
      const note = paper.citations.find((c) => c.documentSlug === community && c.block !== null)!;
      const reader = new ReaderPage(page);
      const sourcePage = new SourcePage(page);
      await sourcePage.goto(`/sources/${paper.key}`);
      await sourcePage.goToNote(note.noteAnchor).click();
      const item = reader.noteItem(note.noteAnchor);
      await expect(item).toHaveAttribute("data-landed", "");
      await expect(item).toBeFocused();
      await expect.poll(() => reader.screenPosition(item)).toBeGreaterThan(READING_BAND.from);
      await shot(page, "6-go-to-note");

      await reader.backLink(note.noteAnchor).click();
      const marker = reader.markerOf(note.noteAnchor);
      await expect(marker).toHaveAttribute("data-landed", "");
      await expect(marker).toBeFocused();
      await expect.poll(() => reader.screenPosition(marker)).toBeGreaterThan(READING_BAND.from);
      expect(await reader.screenPosition(marker)).toBeLessThan(READING_BAND.to);
      await shot(page, "7-back-to-text");
      // Back: the note in its list again.
      await page.goBack();
      await expect(item).toHaveAttribute("data-landed", "");
    });

    test("the reader's first stops for the keyboard: a skip link to the text, then the first note marker", async ({ page }) => {
      const reader = new ReaderPage(page);
      await reader.goto(`/read/${global}`);
      // The site's "Skip to content", then the reader's own.
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      await page.keyboard.press("Tab");
      const skip = page.locator("[data-skip-to-text]");
      await expect(skip).toBeFocused();
      await expect(skip).toBeVisible();
      await page.keyboard.press("Enter");
      // From the text, the first note marker is within a few presses (the title's heading link, a paragraph's links).
      let reached = false;
      for (let press = 0; press < 6 && !reached; press++) {
        await page.keyboard.press("Tab");
        reached = await page.evaluate(() => document.activeElement?.matches("button.note-marker") ?? false);
      }
      expect(reached).toBe(true);
    });

    test("the concept index reads on a phone: the numbers beside the concept names, the whole explanation, no sideways page", async ({ page }) => {
      const concepts = new ConceptPage(page);
      await concepts.gotoIndex();
      expect(await sidewaysOverflow(page)).toBe(0);
      const row = concepts.row("cyber-sovereignty");
      // The sticky column of names leaves room for numbers on screen.
      const name = await boxOf(row.locator("th"));
      expect(name.right).toBeLessThan(viewport.width * 0.5);
      const firstCount = await boxOf(row.locator("td").first());
      expect(firstCount.right).toBeLessThanOrEqual(viewport.width);
      // The explanation of the map wraps inside the window rather than running off it.
      const about = await boxOf(page.locator("#heatmap-about"));
      expect(about.right).toBeLessThanOrEqual(viewport.width);
      await noAxeViolations(page);
      await shot(page, "8-concepts");
    });

    test("search reads at this width: titles beside their counts, results beside the list, no sideways page", async ({ page }) => {
      const search = new SearchPage(page);
      await search.goto();
      await search.search("网络主权");
      await expect(search.hits.first()).toBeVisible();
      expect(await sidewaysOverflow(page)).toBe(0);
      const list = page.getByTestId("search-counts");
      const listBox = await boxOf(list);
      for (const item of await search.counts.all()) {
        // The count stays inside its column, whole, beside (not under) a title that may wrap.
        const count = await boxOf(item.locator("span").last());
        const title = await boxOf(item.getByRole("link"));
        expect(count.right).toBeLessThanOrEqual(listBox.right + 0.5);
        expect(title.right).toBeLessThanOrEqual(count.left);
      }
      const results = await boxOf(page.locator("section[aria-labelledby=search-summary]"));
      // Side by side at desktop (the list never runs into the results), one under the other on a phone.
      if (viewport.width >= 768) expect(listBox.right).toBeLessThanOrEqual(results.left);
      else expect(listBox.bottom).toBeLessThanOrEqual(results.top);
      await noAxeViolations(page);
      await shot(page, "9-search");
    });
  });
}

interface ListedSource {
  key: string;
  title: string | null;
  urls: string[];
  container: string | null;
}

/** Every source the sources API lists for `query`, page after page, in its order. */
async function allSources(request: APIRequestContext, query: string): Promise<ListedSource[]> {
  const sources: ListedSource[] = [];
  for (let page = 1; ; page++) {
    const body = (await (await request.get(`/api/sources?${query}&page=${page}&pageSize=100`)).json()) as { total: number; sources: ListedSource[] };
    sources.push(...body.sources);
    if (sources.length >= body.total || body.sources.length === 0) return sources;
  }
}

test("a work no note gives a title for is named, cited and exported by the note's words, never its key", async ({ page, request }) => {
  const list = { sources: await allSources(request, "sort=title") };
  const untitled = list.sources.find((source) => source.title === null && source.urls.length === 0 && source.container === null);
  expect(untitled, "the corpus cites a work by a note tail whose title was lost").toBeTruthy();
  const { key } = untitled!;
  const detail = (await (await request.get(`/api/sources/${key}`)).json()) as ApiSource;
  const words = detail.citations[0]!.raw;

  const sourcePage = new SourcePage(page);
  // Arrived at by a trail, as a student would: the breadcrumb names it by the same words and knows it is there.
  await sourcePage.goto(`/sources/${key}?trail=s.${key}`);
  await expect(sourcePage.title).toContainText(words);
  await expect(sourcePage.breadcrumb).toContainText(words.slice(0, 10));
  await expect(page.getByText("(no longer in the corpus)")).toHaveCount(0);
  await expect(page.getByTestId("gbt-reference")).toContainText(words);
  await expect(page.getByTestId("gbt-reference")).not.toContainText(key);

  const bibtex = await (await request.get(`/api/export/sources/${key}?format=bibtex`)).text();
  expect(bibtex).toContain(words);
  expect(bibtex).not.toContain(key.replace(/-/g, ""));
  expect(bibtex).toMatch(/language = \{zh-CN\}/);
  await noAxeViolations(page);

  // The bibliography by title files it after every titled work (its words start with a year: by them it came first).
  for (const dir of ["asc", "desc"]) {
    const byTitle = await allSources(request, `sort=title&dir=${dir}`);
    const firstUntitled = byTitle.findIndex((source) => source.title === null);
    expect(firstUntitled, `by title ${dir}: titled works first`).toBeGreaterThan(0);
    expect(byTitle.slice(firstUntitled).every((source) => source.title === null), `by title ${dir}: no titled work after an untitled one`).toBe(true);
  }
});

test("the home page opens two essays side by side, and the theme toggle keeps its name while pressed", async ({ page }) => {
  const left = await ReaderPage.slugOf(page, COMMUNITY);
  const right = await ReaderPage.slugOf(page, GLOBAL);
  const home = new HomePage(page);
  await home.goto();
  const form = home.sideBySide;
  // Each side chosen by type-ahead over titles (a select of every title does not scale to a corpus).
  await home.chooseSideBySide("Left", "网络空间命运共同体", left);
  await home.chooseSideBySide("Right", "全球网络空间治理", right);
  await form.getByRole("button", { name: /Side by side/ }).click();
  await expect(page).toHaveURL(new RegExp(`/compare(/${left}/${right}|\\?left=${left}&right=${right})`));
  // Both essays open, one in each pane.
  await expect(page.getByRole("heading", { level: 1, name: COMMUNITY }).first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: GLOBAL }).first()).toBeAttached();

  const toggle = page.getByRole("button", { name: "Dark theme" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  // Pressed, and still named for what it turns on: no sun beside "Dark theme".
  await expect(page.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");
  await expect(toggle).not.toContainText("☀");
});
