import { scanWithAxe } from "./axe-scan";
import { expect, test } from "@playwright/test";
import { ConceptPage } from "./pages/concept-page";

const HIT_LINK = /^\/read\/[a-z0-9-]+\?hl=(\d+)-(\d+)#([A-Za-z0-9_-]+)$/;

test.describe("concepts", () => {
  test("the index shows every concept as a heat map over each essay's sections, from the database", async ({ page }) => {
    const concepts = new ConceptPage(page);
    await concepts.gotoIndex();
    const api = (await (await page.request.get("/api/concepts")).json()) as {
      documents: { slug: string }[];
      concepts: { id: string; counts: { mentions: number; memberMentions: number }[] }[];
    };
    expect(api.documents).toHaveLength(2);
    await expect(concepts.heatmap.locator("tbody tr")).toHaveCount(api.concepts.length);

    // Cyber sovereignty is treated in both essays: its per-document totals match the API's counts.
    const row = concepts.row("cyber-sovereignty");
    await expect(row.getByRole("link", { name: "网络主权", exact: true })).toBeVisible();
    const expected = api.concepts.find((c) => c.id === "cyber-sovereignty")!.counts.map((c) => c.mentions + c.memberMentions);
    expect(expected.every((n) => n > 0)).toBe(true);
    const totals = (await row.getByTestId("heatmap-total").allInnerTexts()).map(Number);
    expect(totals).toEqual(expected);
    // Each document's total is the sum of its section cells.
    const cells = (await row.locator("td").allInnerTexts()).map((text) => Number(text.replace(/[·\s]/gu, "")) || 0);
    expect(cells.reduce((sum, n) => sum + n, 0)).toBe(2 * expected.reduce((sum, n) => sum + n, 0));
  });

  test("a heat-map cell opens the reader at the first mention in that section", async ({ page }) => {
    const concepts = new ConceptPage(page);
    await concepts.gotoIndex();
    const cells = concepts.row("community-shared-future-cyberspace").getByTestId("heatmap-cell");
    const hrefs = await cells.evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    expect(hrefs.length).toBeGreaterThan(2);
    for (const href of hrefs) expect(href).toMatch(HIT_LINK);
    // A cell whose first mention is in a paragraph: the reader highlights the words there.
    const inParagraph = hrefs.findIndex((href) => /#p-/.test(href));
    expect(inParagraph).toBeGreaterThanOrEqual(0);
    const [, , , anchor] = HIT_LINK.exec(hrefs[inParagraph]!)!;
    await cells.nth(inParagraph).click();
    await expect(page).toHaveURL(new RegExp(`hl=\\d+-\\d+.*#${anchor}$`));
    const hit = page.locator("mark[data-search-hit]").first();
    await expect(hit).toHaveText(/网络空间(的)?命运共同体|网络空间命运共体同/);
    await expect(page.locator(`[id="${anchor}"]`)).toContainText(await hit.innerText());
  });

  test("a concept page gives the definition, its source, its relations and every mention in context", async ({ page }) => {
    const concepts = new ConceptPage(page);
    await concepts.goto("cyber-sovereignty");
    await expect(concepts.heading).toHaveText("网络主权");
    await expect(concepts.definitionSource.getByRole("link")).toHaveAttribute("href", HIT_LINK);
    await expect(page.getByTestId("relations-narrower").getByRole("link", { name: "网络主权平等" })).toBeVisible();

    const detail = (await (await page.request.get("/api/concepts/cyber-sovereignty")).json()) as { mentions: { keyword: string }[] };
    await expect(concepts.concordanceLines).toHaveCount(detail.mentions.length);
    const keywords = await concepts.keywords.allInnerTexts();
    expect(new Set(keywords)).toEqual(new Set(["网络主权", "网络空间主权"]));
    for (const line of (await concepts.lineTexts()).slice(0, 10)) {
      const [left, , right] = line.split("|");
      expect(left!.length).toBeLessThanOrEqual(25);
      expect(right!.length).toBeLessThanOrEqual(25);
    }
  });

  test("the concordance sorts by left context and back, and a line opens the reader at its mention", async ({ page }) => {
    const concepts = new ConceptPage(page);
    await concepts.goto("cyber-sovereignty");
    const corpusOrder = await concepts.lineTexts();

    await concepts.sortBy("left").click();
    await expect(page).toHaveURL(/sort=left&order=asc/);
    await expect(page.locator('th[aria-sort="ascending"]')).toContainText("左语境");
    const byLeft = await concepts.lineTexts();
    expect([...byLeft].sort()).toEqual([...corpusOrder].sort());
    expect(byLeft).not.toEqual(corpusOrder);

    await concepts.sortBy("left").click();
    await expect(page).toHaveURL(/sort=left&order=desc/);
    await expect(page.locator('th[aria-sort="descending"]')).toContainText("左语境");

    await concepts.goto("cyber-sovereignty");
    const first = concepts.keywords.first();
    const href = (await first.getAttribute("href"))!;
    const [, start, end, anchor] = HIT_LINK.exec(href)!;
    expect(Number(end) - Number(start)).toBe((await first.innerText()).length);
    await first.click();
    await expect(page).toHaveURL(new RegExp(`#${anchor}$`));
    const hit = page.locator(`[id="${anchor}"] mark[data-search-hit], mark[data-search-hit]`).first();
    await expect(hit).toHaveText(/网络(空间)?主权/);
    await expect(hit).toBeInViewport();
  });

  test("a compound concept lists its items with their counts, each with a page of its own", async ({ page }) => {
    const concepts = new ConceptPage(page);
    await concepts.goto("four-principles");
    const item = concepts.counts.locator('tr[data-member="respect-cyber-sovereignty"]');
    await expect(item).toBeVisible();
    await item.getByRole("link", { name: "尊重网络主权" }).click();
    await expect(concepts.heading).toHaveText("尊重网络主权");
    await expect(page.getByTestId("relations-compound").getByRole("link", { name: "四项原则" })).toBeVisible();
    await expect(concepts.keywords.first()).toHaveText("尊重网络主权");
  });

  test("an unknown concept is a 404 page, and the APIs refuse bad input with a reason", async ({ page }) => {
    const response = await page.goto("/concepts/no-such-concept");
    expect(response?.status()).toBe(404);
    expect((await page.request.get("/api/concepts/no-such-concept")).status()).toBe(404);
    const bad = await page.request.get("/api/concepts/NOT_AN_ID");
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/concept id/);
    expect((await page.request.get("/api/links?left=a")).status()).toBe(400);
    expect((await page.request.get("/api/links?left=a&right=b&kind=nonsense")).status()).toBe(400);
    expect((await page.request.get("/api/links?left=nowhere-a&right=nowhere-b")).status()).toBe(404);
  });

  test("links between the two essays read the same both ways round", async ({ page }) => {
    const { documents } = (await (await page.request.get("/api/concepts")).json()) as { documents: { slug: string }[] };
    const [a, b] = documents.map((d) => d.slug);
    type Links = { counts: Record<string, number>; links: { id: string; left: { anchor: string }; right: { anchor: string } }[] };
    const forward = (await (await page.request.get(`/api/links?left=${a}&right=${b}`)).json()) as Links;
    const backward = (await (await page.request.get(`/api/links?left=${b}&right=${a}`)).json()) as Links;
    expect(forward.links.length).toBeGreaterThan(0);
    expect(backward.counts).toEqual(forward.counts);
    const mirrored = new Map(backward.links.map((l) => [l.id, l]));
    for (const link of forward.links) expect(mirrored.get(link.id)?.left.anchor).toBe(link.right.anchor);
    const onlySources = (await (await page.request.get(`/api/links?left=${a}&right=${b}&kind=shared_source`)).json()) as Links;
    expect(onlySources.links.length).toBe(forward.counts.shared_source);
  });

  for (const [name, path] of [
    ["concept index", "/concepts"],
    ["concept page", "/concepts/four-principles"],
  ] as const) {
    for (const theme of ["light", "dark"] as const) {
      test(`${name} (${theme}) has no axe violations`, async ({ page }) => {
        await page.addInitScript((value) => localStorage.setItem("duizhao-theme", value), theme);
        await page.goto(path);
        const results = await scanWithAxe(page);
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
      });
    }
  }
});
