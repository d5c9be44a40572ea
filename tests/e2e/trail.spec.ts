import { expect, test } from "@playwright/test";
import { ReaderPage } from "./pages/reader-page";
import { SourcePage } from "./pages/source-page";

const GLOBAL = /全球网络空间治理/;
const COMMUNITY = /网络空间命运共同体/;

test.describe("footnote trails", () => {
  let global: string;
  let community: string;
  test.beforeAll(async ({ browser }) => {
    const page = await browser.newPage();
    global = await ReaderPage.slugOf(page, GLOBAL);
    community = await ReaderPage.slugOf(page, COMMUNITY);
    await page.close();
  });

  test("from a note to its source, to a citing note in the other essay, and Back to the first marker", async ({ page, request }) => {
    // The white paper both essays cite.
    const source = await SourcePage.sharedSource(request, "携手构建网络空间命运共同体");
    const start = source.citations.find((c) => c.documentSlug === global && c.block !== null)!;
    const other = source.citations.find((c) => c.documentSlug === community && c.block !== null)!;
    expect(start && other).toBeTruthy();

    // Step 1: the reader at the marker of a note citing the work.
    const reader = new ReaderPage(page);
    const startUrl = `/read/${global}#ref-${start.noteAnchor}`;
    await reader.goto(startUrl);
    const marker = page.locator(`[id="ref-${start.noteAnchor}"]`);
    await expect(marker).toBeVisible();

    // Step 2: open the note from its marker, and follow the citation to the work it cites.
    await marker.click();
    const popover = page.locator(".note-popover:popover-open");
    await expect(popover).toBeVisible();
    await popover.locator(`a[data-source-link][href^="/sources/${source.key}?"]`).first().click();
    await expect(page).toHaveURL(`/sources/${source.key}?trail=m.${global}.${start.noteAnchor}~s.${source.key}`);
    const sourcePage = new SourcePage(page);
    await expect(sourcePage.root).toBeVisible();
    await expect(sourcePage.trailSteps).toHaveCount(2);
    await expect(sourcePage.trailSteps.first()).toContainText("全球网络空间治理");
    await expect(sourcePage.trailSteps.last().locator("[aria-current=page]")).toContainText("携手构建网络空间命运共同体");
    // Every citing note shows exactly how it cites the work.
    await expect(sourcePage.citingNotes).toHaveCount(source.citations.length);
    await expect(sourcePage.citingNote(other.noteAnchor).getByTestId("citation-raw")).toContainText(other.raw.slice(0, 10));

    // Step 3: a citing passage in the other essay.
    await sourcePage.citingNote(other.noteAnchor).getByTestId("open-citing-passage").click();
    await expect(page).toHaveURL(
      `/read/${community}?trail=m.${global}.${start.noteAnchor}~s.${source.key}~n.${community}.${other.noteAnchor}#${other.block!.anchor}`,
    );
    await expect(reader.title).toContainText("网络空间命运共同体");
    await expect.poll(() => reader.inViewport(page.locator(`[id="${other.block!.anchor}"]`))).toBe(true);

    // Back: the source page with its trail, then the exact marker the trail started from.
    await page.goBack();
    await expect(sourcePage.root).toBeVisible();
    await expect(sourcePage.trailSteps).toHaveCount(2);
    await page.goBack();
    await expect(page).toHaveURL(startUrl);
    await expect(reader.title).toContainText("全球网络空间治理");
    await expect.poll(() => reader.inViewport(marker)).toBe(true);
  });

  test("a shared trail link restores the breadcrumb and the step's page; a broken one is ignored gently", async ({ page, request }) => {
    const speech = await SourcePage.sharedSource(request, "第二届世界互联网大会开幕式");
    const paper = await SourcePage.sharedSource(request, "携手构建网络空间命运共同体");
    const a = paper.citations.find((c) => c.documentSlug === global)!;
    const b = paper.citations.find((c) => c.documentSlug === community)!;
    const trail = `m.${global}.${a.noteAnchor}~s.${paper.key}~n.${community}.${b.noteAnchor}~s.${speech.key}`;

    const sourcePage = new SourcePage(page);
    await sourcePage.goto(`/sources/${speech.key}?trail=${trail}`);
    await expect(sourcePage.title).toContainText("第二届世界互联网大会开幕式");
    await expect(sourcePage.trailSteps).toHaveCount(4);
    await expect(sourcePage.trailSteps.nth(0).getByRole("link")).toHaveAttribute("href", `/read/${global}?trail=m.${global}.${a.noteAnchor}#ref-${a.noteAnchor}`);
    await expect(sourcePage.trailSteps.nth(1).getByRole("link")).toHaveAttribute("href", `/sources/${paper.key}?trail=m.${global}.${a.noteAnchor}~s.${paper.key}`);
    await expect(sourcePage.trailSteps.nth(3)).toHaveAttribute("data-step-kind", "source");

    // Walking the breadcrumb back a step opens that step's page with the trail as it stood there.
    await sourcePage.trailSteps.nth(1).getByRole("link").click();
    await expect(sourcePage.title).toContainText("携手构建网络空间命运共同体");
    await expect(sourcePage.trailSteps).toHaveCount(2);

    const response = await page.goto(`/sources/${speech.key}?trail=m.${global}~s.<x>`);
    expect(response!.status()).toBe(200);
    await expect(sourcePage.trailNotice).toBeVisible();
    // The page stands on its own source only.
    await expect(sourcePage.trailSteps).toHaveCount(1);
  });

  test("a source's export downloads with its file name and content type", async ({ page, request }) => {
    const paper = await SourcePage.sharedSource(request, "携手构建网络空间命运共同体");
    const sourcePage = new SourcePage(page);
    await sourcePage.goto(`/sources/${paper.key}`);
    const [download] = await Promise.all([page.waitForEvent("download"), sourcePage.exportLink("bibtex").click()]);
    expect(download.suggestedFilename()).toBe("携手构建网络空间命运共同体.bib");

    const response = await request.get(`/api/export/sources/${paper.key}?format=bibtex`);
    expect(response.headers()["content-type"]).toBe("application/x-bibtex; charset=utf-8");
    expect(response.headers()["content-disposition"]).toContain(`filename="duizhao-${paper.key}.bib"`);
    expect(await response.text()).toContain("携手构建网络空间命运共同体");
  });
});
