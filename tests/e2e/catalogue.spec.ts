import fs from "node:fs";
import { scanWithAxe } from "./axe-scan";
import { expect, test, type Page } from "@playwright/test";
import { ConceptPage } from "./pages/concept-page";
import { HomePage } from "./pages/home-page";
import { sidewaysOverflow } from "./pages/page-width";
import { ReaderPage } from "./pages/reader-page";
import { TitleTypeAheadField } from "./pages/title-type-ahead";

/**
 * The catalogue (issue 15): an essay found by a facet and by title type-ahead, the catalogue and a
 * concordance paged, side by side opened through the type-ahead (and without a script) — at desktop and
 * phone widths, accessible, and never wider than a phone's window. With DUIZHAO_SCREENSHOTS=1, screenshots
 * of each step go to docs/screenshots/catalogue-*.png.
 */

const GLOBAL = /全球网络空间治理/;
const COMMUNITY = /网络空间命运共同体/;
const sizes = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;
const out = "docs/screenshots";

async function noAxeViolations(page: Page) {
  const results = await scanWithAxe(page);
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
}

/** No sideways scroll; when there is, the message names the innermost elements reaching past the window. */
async function fitsTheWindow(page: Page) {
  const overflow = await sidewaysOverflow(page);
  const culprits =
    overflow === 0
      ? []
      : await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          // Inside a box that scrolls sideways on its own, reaching past the window is that box's business.
          const scrolls = (element: Element) => ["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(element).overflowX);
          // An absolutely placed element is clipped only by the boxes from its containing block (offsetParent) up.
          const contained = (element: Element) => {
            const absolute = getComputedStyle(element).position === "absolute";
            const start = absolute && element instanceof HTMLElement ? element.offsetParent : element.parentElement;
            for (let up = start; up; up = up.parentElement) if (scrolls(up)) return true;
            return false;
          };
          const past = [...document.querySelectorAll("body *")].filter((element) => element.getBoundingClientRect().right > width + 1 && !contained(element));
          return past
            .filter((element) => !past.some((other) => other !== element && element.contains(other)))
            .slice(0, 5)
            .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].slice(0, 4).join(".")} (${Math.round(element.getBoundingClientRect().right)}px)`);
        });
  expect(overflow, `reaching past the window: ${culprits.join(", ")}`).toBe(0);
}

for (const [device, viewport] of Object.entries(sizes)) {
  test.describe(`the catalogue at ${device} width`, () => {
    test.use({ viewport });
    let global: string;
    let community: string;
    // Refreshed only when asked (DUIZHAO_SCREENSHOTS=1), as the other specs' screenshots are.
    const shot = async (page: Page, name: string) => {
      if (!process.env.DUIZHAO_SCREENSHOTS) return;
      fs.mkdirSync(out, { recursive: true });
      await page.screenshot({ path: `${out}/catalogue-${name}-${device}.png` });
    };

    test.beforeAll(async ({ browser }) => {
      const page = await browser.newPage();
      global = await ReaderPage.slugOf(page, GLOBAL);
      community = await ReaderPage.slugOf(page, COMMUNITY);
      await page.close();
    });

    test("finds an essay by a facet, with its counts, and takes the facet away again", async ({ page }) => {
      test.setTimeout(60_000);
      const home = new HomePage(page);
      await home.goto();
      await expect(home.documents).toHaveCount(2);
      await expect(home.count).toHaveText("2 documents");
      // On a phone the facets start folded, above the list; beside it on a desktop, unfolded.
      if (device === "phone") {
        await expect(home.facet("journal")).toBeHidden();
        await home.facets.locator("summary").click();
      }
      await expect(home.facet("journal")).toBeVisible();
      const journal = home.facet("journal").getByTestId("facet-value").filter({ hasText: "欧洲研究" });
      // Only one of the two essays names its journal: the count says so.
      await expect(journal.locator("xpath=..")).toContainText("1");
      await fitsTheWindow(page);
      await noAxeViolations(page);
      await shot(page, "home");

      await journal.click();
      await expect(page).toHaveURL(/\?journal=%E6%AC%A7%E6%B4%B2%E7%A0%94%E7%A9%B6$/);
      await expect(home.documents).toHaveCount(1);
      await expect(home.document(GLOBAL)).toBeVisible();
      await expect(home.count).toContainText("1 of 2 documents");
      // With a facet chosen, the facets show unfolded at any width, the chosen value marked.
      await expect(home.facet("journal")).toBeVisible();
      await expect(home.facet("journal").locator('[aria-current="true"]')).toHaveText("欧洲研究");
      // The other facets count within what is left: one essay, of 2023.
      await expect(home.facet("year").getByTestId("facet-value")).toHaveText(["2023"]);
      await fitsTheWindow(page);
      await noAxeViolations(page);
      await shot(page, "facet");

      // Narrowed further by a year, then each taken away: the URL holds it all.
      await home.facet("year").getByTestId("facet-value").click();
      await expect(page).toHaveURL(/journal=.+&year=2023$/);
      await expect(home.documents).toHaveCount(1);
      await home.facet("journal").getByTestId("facet-remove").click();
      await expect(page).toHaveURL(/\/\?year=2023$/);
      await home.facet("year").getByTestId("facet-remove").click();
      await expect(home.documents).toHaveCount(2);
    });

    test("finds an essay by title type-ahead, by the keyboard, and by the plain form", async ({ page }) => {
      const home = new HomePage(page);
      await home.goto();
      await home.search.type("命运共同体");
      await expect(home.search.options).toHaveCount(1);
      await expect(home.search.options.first()).toContainText("网络空间命运共同体");
      await fitsTheWindow(page);
      await noAxeViolations(page);
      await shot(page, "type-ahead");
      await home.search.field.press("ArrowDown");
      await expect(home.search.options.first()).toHaveAttribute("aria-selected", "true");
      await home.search.field.press("Enter");
      await expect(page).toHaveURL(new RegExp(`/read/${community}$`));
      await expect(new ReaderPage(page).title).toContainText("网络空间命运共同体");

      // Enter on the words themselves lists every title they match (what the form does without a script).
      await home.goto();
      await home.search.field.fill("全球网络空间治理");
      await home.search.field.press("Enter");
      await expect(page).toHaveURL(/\/\?q=%E5%85%A8%E7%90%83/);
      await expect(home.documents).toHaveCount(1);
      await expect(home.document(GLOBAL)).toBeVisible();
      await expect(home.search.field).toHaveValue("全球网络空间治理");

      const api = await page.request.get(`/api/documents?q=${encodeURIComponent("命运共同体")}&pageSize=5`);
      expect(await api.json()).toMatchObject({ total: 1, page: 1, pageSize: 5, documents: [{ slug: community }] });
    });

    test("pages through the catalogue and through a concordance, the current page marked", async ({ page }) => {
      test.setTimeout(60_000);
      const home = new HomePage(page);
      await home.goto("?pageSize=1");
      await expect(home.documents).toHaveCount(1);
      await expect(home.pagination.locator('[aria-current="page"]')).toHaveText(/^\s*(Page )?1\s*$/);
      const first = await home.documents.getByRole("heading").innerText();
      await home.pagination.getByRole("link", { name: /Next/ }).click();
      await expect(page).toHaveURL(/\?page=2&pageSize=1$/);
      await expect(home.pagination.locator('[aria-current="page"]')).toHaveText(/2/);
      await expect(home.documents).toHaveCount(1);
      expect(await home.documents.getByRole("heading").innerText()).not.toBe(first);
      await expect(home.pagination.getByRole("link", { name: /Next/ })).toHaveCount(0);

      // The concept the corpus mentions most: more than two pages of 50 lines.
      const concept = new ConceptPage(page);
      await concept.goto("global-cyberspace-governance");
      const total = Number(/\((\d+)\)/.exec(await page.locator("#concordance-heading").innerText())![1]);
      expect(total).toBeGreaterThan(100);
      const pages = page.getByRole("navigation", { name: "Pages of the concordance" });
      await expect(concept.concordanceLines).toHaveCount(50);
      await expect(pages.locator('[aria-current="page"]')).toHaveText(/1/);
      const last = Math.ceil(total / 50);
      await pages.getByRole("link", { name: new RegExp(`^Page ${last}$`) }).click();
      await expect(page).toHaveURL(new RegExp(`sort=document&order=asc&page=${last}#concordance$`));
      await expect(concept.concordanceLines).toHaveCount(total - (last - 1) * 50);
      await expect(pages.locator('[aria-current="page"]')).toHaveText(new RegExp(String(last)));
      await expect(pages).toContainText(`${(last - 1) * 50 + 1}–${total} of ${total}`);
      await fitsTheWindow(page);
      await noAxeViolations(page);
      await shot(page, "concordance");
      // Sorting starts again at the first page, and the API pages the same lines with the total.
      await concept.sortBy("left").click();
      await expect(page).toHaveURL(/sort=left&order=asc#concordance$/);
      await expect(concept.concordanceLines).toHaveCount(50);
      const api = (await (await page.request.get(`/api/concepts/global-cyberspace-governance?page=${last}`)).json()) as { mentionsTotal: number; mentions: unknown[] };
      expect(api.mentionsTotal).toBe(total);
      expect(api.mentions).toHaveLength(total - (last - 1) * 50);
      expect((await page.request.get("/api/concepts/global-cyberspace-governance?pageSize=500")).status()).toBe(400);
    });

    test("opens side by side through the type-ahead, or the suggestions, and without a script", async ({ page, browser }) => {
      // Two browser contexts, two side-by-side renders and two accessibility scans, on a shared 2-core machine.
      test.setTimeout(90_000);
      const reader = new ReaderPage(page);
      await reader.goto(`/read/${global}`);
      // The text sharing most with this one is offered at once, with what they share.
      const suggestions = page.getByTestId("compare-suggestions");
      await expect(suggestions.getByRole("link", { name: COMMUNITY })).toHaveAttribute("href", `/compare?left=${global}&right=${community}`);
      await expect(suggestions).toContainText(/\d+ works? cited, \d+ concepts? in common/);
      const compareWith = new TitleTypeAheadField(page, "Compare with…");
      await compareWith.type("网络空间");
      // The text itself is not offered.
      await expect(compareWith.options.and(page.locator(`[data-slug="${global}"]`))).toHaveCount(0);
      await fitsTheWindow(page);
      await shot(page, "compare-with");
      await compareWith.choose("网络空间", community);
      await expect(compareWith.field).toHaveValue(COMMUNITY);
      await page.getByTestId("compare-with-form").getByRole("button", { name: /Side by side/ }).click();
      await expect(page).toHaveURL(new RegExp(`/compare\\?left=${global}&right=${community}$`));
      // The left pane is the one a phone shows first.
      await expect(page.getByRole("heading", { level: 1, name: GLOBAL }).first()).toBeVisible();

      // Without a script: the words typed go to /compare, which lists the titles they match to pick from.
      const context = await browser.newContext({ javaScriptEnabled: false, viewport });
      const plain = await context.newPage();
      await plain.goto(`/read/${global}`);
      await plain.getByRole("combobox", { name: "Compare with…" }).fill("命运共同体");
      await plain.getByTestId("compare-with-form").getByRole("button", { name: /Side by side/ }).click();
      await expect(plain).toHaveURL(new RegExp(`/compare\\?left=${global}&rq=`));
      const choice = plain.getByTestId("choose-right");
      await expect(choice.getByRole("radio", { name: COMMUNITY })).toBeChecked();
      await fitsTheWindow(plain);
      await shot(plain, "choose");
      // Scanned in the scripted page (axe runs as a script).
      await page.goto(plain.url());
      await noAxeViolations(page);
      await plain.getByTestId("choose-side-by-side").getByRole("button", { name: /Open side by side/ }).click();
      await expect(plain).toHaveURL(new RegExp(`/compare\\?left=${global}&right=${community}$`));
      await context.close();
    });
  });
}

test("list APIs page with a total, and refuse malformed paging with a reason", async ({ request }) => {
  const documents = (await (await request.get("/api/documents?pageSize=1&page=2")).json()) as { total: number; page: number; documents: unknown[] };
  expect(documents).toMatchObject({ total: 2, page: 2 });
  expect(documents.documents).toHaveLength(1);
  const sources = (await (await request.get("/api/sources?pageSize=10&page=2")).json()) as { total: number; pageSize: number; sources: unknown[] };
  expect(sources.total).toBeGreaterThan(20);
  expect(sources.sources).toHaveLength(10);
  for (const [path, reason] of [
    ["/api/documents?page=0", /^page:/],
    ["/api/documents?pageSize=101", /^pageSize:/],
    ["/api/documents?journal=a&journal=b", /more than once/],
    ["/api/documents?year=soon", /^year:/],
    ["/api/sources?pageSize=x", /^pageSize:/],
    ["/api/search?q=%E4%B8%BB%E6%9D%83&page=-1", /^page:/],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect(((await response.json()) as { error: string }).error, path).toMatch(reason);
  }
});
