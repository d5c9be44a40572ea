import os from "node:os";
import path from "node:path";
import { scanWithAxe } from "./axe-scan";
import { expect, test } from "@playwright/test";
import { ConceptPage } from "./pages/concept-page";
import { ConcordancePager } from "./pages/concordance-pager";

/**
 * The concept page builds only the concordance page shown (issue 15): whatever order is asked, the lines on
 * each page are the API's for that page and order, the total is every mention's, and the counts table
 * names the essays that mention the concept with the corpus's total. Screenshots at desktop and phone width.
 */
const CONCEPT = "cyber-sovereignty";
/** Outside test-results, which the next Playwright run empties: the screenshots are there to be looked at. */
const SHOTS = path.join(os.tmpdir(), "duizhao-concept-page-at-scale");

type Answer = { mentionsTotal: number; mentions: { href: string }[]; documents: { slug: string; mentions: number }[]; totals: { mentions: number } };

test("each page of the concordance, in every order, holds the API's lines for that page, and the total is every mention's", async ({ page, request }) => {
  const concept = new ConceptPage(page);
  const pager = new ConcordancePager(page);
  const all = (await (await request.get(`/api/concepts/${CONCEPT}?pageSize=100`)).json()) as Answer;
  expect(all.mentionsTotal).toBeGreaterThan(4);
  for (const [sort, order] of [["document", "asc"], ["right", "desc"], ["left", "asc"], ["position", "desc"]] as const) {
    const api = (await (await request.get(`/api/concepts/${CONCEPT}?sort=${sort}&order=${order}&page=2&pageSize=3`)).json()) as Answer;
    await concept.goto(CONCEPT, `?sort=${sort}&order=${order}&page=2&pageSize=3`);
    await expect(page.locator("#concordance-heading")).toContainText(`(${all.mentionsTotal})`);
    expect(await pager.lineHrefs()).toEqual(api.mentions.map((mention) => mention.href));
    await expect(pager.range).toHaveText(`4–${3 + api.mentions.length} of ${all.mentionsTotal}`);
  }
  // The counts table: a column per essay that mentions it, and the corpus's total.
  await concept.goto(CONCEPT);
  const headers = concept.counts.locator("thead th");
  await expect(headers).toHaveCount(all.documents.length + 2);
  await expect(concept.counts.locator("tbody tr").first().locator("td").last()).toContainText(String(all.totals.mentions));
});

for (const [device, viewport] of [["desktop", { width: 1280, height: 900 }], ["phone", { width: 390, height: 844 }]] as const) {
  test(`the concept page and the bibliography at ${device} width: no sideways scroll, no axe violations`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const concept = new ConceptPage(page);
    await concept.goto(CONCEPT, "?pageSize=3&page=2");
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect((await scanWithAxe(page)).violations).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/concept-page-${device}.png`, fullPage: true });
    await page.goto("/bibliography?pageSize=5&page=2");
    await expect(page.getByTestId("bibliography-page")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/bibliography-${device}.png`, fullPage: true });
  });
}
