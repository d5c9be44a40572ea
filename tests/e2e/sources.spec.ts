import { expect, test } from "@playwright/test";
import { BibliographyPage } from "./pages/bibliography-page";
import { ReaderPage } from "./pages/reader-page";

test.describe("bibliography", () => {
  test("lists the corpus's works with where each is cited, filters and sorts without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const bibliography = new BibliographyPage(page);
    await bibliography.goto();
    const all = await bibliography.entries.count();
    expect(all).toBeGreaterThan(40);
    await expect(bibliography.count).toHaveText(`${all} works`);

    await bibliography.filter({ type: "white-paper" });
    await expect(page).toHaveURL(/type=white-paper/);
    await expect(bibliography.entries).toHaveCount(1);
    const paper = bibliography.entries.first();
    await expect(paper).toContainText("携手构建网络空间命运共同体");
    // Cited in both essays, each with its count.
    await expect(paper.getByTestId("cited-in")).toHaveCount(2);

    await bibliography.filter({ type: "", sort: "cited" });
    const counts = await bibliography.timesCited();
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    expect(counts[0]).toBeGreaterThan(1);
    await context.close();
  });

  test("scopes to one document, exports what it shows, and shrugs off bad parameters", async ({ page, request }) => {
    const community = await ReaderPage.slugOf(page, /网络空间命运共同体/);
    const bibliography = new BibliographyPage(page);
    await bibliography.goto(`?doc=${community}`);
    const scoped = await bibliography.entries.count();
    expect(scoped).toBeGreaterThan(10);
    for (const url of await page.locator("[data-testid=bibliography-entry] a[href^='http']").all()) {
      await expect(url).toHaveAttribute("rel", "noopener noreferrer");
    }

    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('a[data-format="ris"]').click()]);
    expect(download.suggestedFilename()).toMatch(/参考文献\.ris$/);
    const ris = await request.get(`/api/export/bibliography?doc=${community}&format=ris`);
    expect(ris.headers()["content-type"]).toBe("application/x-research-info-systems; charset=utf-8");
    expect(ris.headers()["content-disposition"]).toContain(`filename="duizhao-bibliography-${community}.ris"`);
    expect((await ris.text()).match(/^TY {2}- /gmu)).toHaveLength(scoped);

    await bibliography.goto("?year=soon");
    await expect(bibliography.notice).toBeVisible();
    expect((await request.get("/api/sources?year=soon")).status()).toBe(400);
    expect((await request.get("/api/sources/no-such-source")).status()).toBe(404);
  });
});
