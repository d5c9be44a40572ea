import { scanWithAxe } from "./axe-scan";
import { expect, test } from "@playwright/test";
import { ReaderPage } from "./pages/reader-page";

const GLOBAL = /全球网络空间治理/;
const COMMUNITY = /网络空间命运共同体/;

test.describe("the reader", () => {
  let slug: string;
  test.beforeAll(async ({ browser }) => {
    const page = await browser.newPage();
    slug = await ReaderPage.slugOf(page, GLOBAL);
    await page.close();
  });

  test("opens a document with its title block, outline and numbered paragraphs", async ({ page }) => {
    const reader = new ReaderPage(page);
    await reader.goto(`/read/${slug}`);
    await expect(reader.title).toContainText("全球网络空间治理");
    await expect(page.locator(".title-block")).toContainText("徐龙第");
    await expect(page.getByRole("navigation", { name: "目录 · Contents" })).toBeVisible();
    const count = await reader.paragraphs.count();
    expect(count).toBeGreaterThan(20);
    // Paragraph DOM ids are their anchors, and the margin numbers run 1..n.
    const first = reader.paragraphs.first();
    expect(await first.getAttribute("id")).toBe(await first.getAttribute("data-block"));
    await expect(page.locator(".paragraph-number").nth(count - 1)).toHaveText(String(count));
  });

  test("the first frame shows the title and the first screen of text together, never the header alone", async ({ page }) => {
    // A frame's callbacks run only once rendering is allowed: the head's rel=expect link holds it until its block is parsed.
    await page.addInitScript(() => {
      requestAnimationFrame(() => {
        const expected = document.querySelector('head link[rel="expect"][blocking="render"]')?.getAttribute("href") ?? null;
        const block = expected ? document.getElementById(expected.slice(1)) : null;
        (window as unknown as { firstFrame: unknown }).firstFrame = { expected, blockParsed: Boolean(block?.closest("#document-text")) };
      });
    });
    const reader = new ReaderPage(page);
    await reader.goto(`/read/${slug}`);
    const firstFrame = await page.waitForFunction(() => (window as unknown as { firstFrame?: unknown }).firstFrame).then((handle) => handle.jsonValue());
    expect(firstFrame).toMatchObject({ expected: expect.stringMatching(/^#/), blockParsed: true });
    // The block ends the first screen: a few blocks in, far from the end of the essay.
    const { expected } = firstFrame as { expected: string };
    const blocks = await page.locator("#document-text [data-block]").evaluateAll((elements) => elements.map((element) => element.id));
    expect(blocks.indexOf(expected.slice(1))).toBeGreaterThan(0);
    expect(blocks.indexOf(expected.slice(1))).toBeLessThan(blocks.length / 4);
  });

  test("a note opens in place, says when its text is missing, and Escape returns to the marker", async ({ page }) => {
    const reader = new ReaderPage(page);
    await reader.goto(`/read/${slug}`);
    const marker = reader.marker("present").first();
    await marker.click();
    const popover = page.locator(".note-popover:popover-open");
    await expect(popover).toBeVisible();
    const noteAnchor = await marker.getAttribute("data-note");
    const listed = await page.locator(`[data-note-item="${noteAnchor}"] [data-note-status]`).first().innerText();
    await expect(popover.locator("[data-note-status]")).toHaveText(listed);
    await page.keyboard.press("Escape");
    await expect(popover).toHaveCount(0);
    await expect(marker).toBeFocused();

    await reader.marker("missing").first().click();
    await expect(page.locator(".note-popover:popover-open")).toContainText("原文缺失");
    await expect(page.locator(".note-popover:popover-open")).toContainText("The note's text is missing from the source");
  });

  test("another marker clicked while a note is open shows its note beside it; the same marker closes it", async ({ page }) => {
    const reader = new ReaderPage(page);
    await reader.goto(`/read/${slug}`);
    const [first, second] = [reader.marker("present").nth(0), reader.marker("present").nth(1)];
    const popover = page.locator(".note-popover:popover-open");
    const listedText = async (marker: typeof first) =>
      page.locator(`[data-note-item="${await marker.getAttribute("data-note")}"] [data-note-status]`).first().innerText();

    await first.click();
    await expect(popover.locator("[data-note-status]")).toHaveText(await listedText(first));
    // As a reader does: scrolled to, then clicked. (A click in the same frame as the scroll would find the
    // marker's section not laid out yet, and Playwright would scroll it to the window's foot instead.)
    await second.scrollIntoViewIfNeeded();
    await second.click();
    await expect(popover).toHaveCount(1);
    await expect(popover.locator("[data-note-status]")).toHaveText(await listedText(second));
    await expect(popover).toContainText(`注释 ${await second.getAttribute("data-label")}`);
    // Anchored to the marker it shows: just below it.
    const [markerBox, popoverBox] = [await second.boundingBox(), await popover.boundingBox()];
    expect(Math.abs(popoverBox!.y - (markerBox!.y + markerBox!.height))).toBeLessThan(24);
    await second.click();
    await expect(popover).toHaveCount(0);
  });

  test("outbound citation links are safe and open elsewhere", async ({ page }) => {
    const reader = new ReaderPage(page);
    await reader.goto(`/read/${slug}`);
    const links = page.locator(".notes-list a[href^='http']");
    expect(await links.count()).toBeGreaterThan(5);
    for (const link of await links.all()) {
      await expect(link).toHaveAttribute("rel", "noopener noreferrer");
      await expect(link).toHaveAttribute("target", "_blank");
    }
    expect(await page.locator("a[href^='javascript:']").count()).toBe(0);
  });

  test("a note leads to the notes list and back, and Back returns to where the reader was", async ({ page }) => {
    const reader = new ReaderPage(page);
    await reader.goto(`/read/${slug}`);
    const marker = reader.marker("present").nth(3);
    const noteAnchor = (await marker.getAttribute("data-note"))!;
    const markerId = (await marker.getAttribute("id"))!;
    await marker.scrollIntoViewIfNeeded();
    await marker.click();
    await page.locator(".note-popover:popover-open [data-note-link]").click();
    await expect(page).toHaveURL(new RegExp(`#${noteAnchor}$`));
    const item = page.locator(`[id="${noteAnchor}"]`);
    expect(await reader.inViewport(item)).toBe(true);
    await expect(page.locator(".note-popover:popover-open")).toHaveCount(0);

    await page.goBack();
    await expect.poll(() => reader.inViewport(marker)).toBe(true);
    await expect(page.locator(".note-popover:popover-open")).toHaveCount(0);

    await page.goForward();
    await expect.poll(() => reader.inViewport(item)).toBe(true);
    await item.locator("[data-back-link]").click();
    await expect(page).toHaveURL(new RegExp(`#${markerId}$`));
    await expect.poll(() => reader.inViewport(marker)).toBe(true);
    await expect(marker).toBeFocused();
  });

  test("Back closes an open note", async ({ page }) => {
    const reader = new ReaderPage(page);
    await reader.goto(`/read/${slug}`);
    await reader.marker("present").first().click();
    await expect(page.locator(".note-popover:popover-open")).toBeVisible();
    await page.goBack();
    await expect(page.locator(".note-popover:popover-open")).toHaveCount(0);
    await expect(reader.title).toBeVisible();
  });

  test("a marker clicked before the page's script has run shows its own note once it runs, and Back closes it", async ({ page }) => {
    // Hold every script (not the stylesheets, which hold rendering) until the click is made: a reader on a
    // slow connection clicks a marker the server drew.
    let release!: () => void;
    const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
    await page.route((url) => url.pathname.startsWith("/_next/static/") && url.pathname.endsWith(".js"), async (route) => {
      await scriptsHeld;
      await route.continue();
    });
    const reader = new ReaderPage(page);
    await page.goto(`/read/${slug}`, { waitUntil: "commit" });
    const marker = reader.marker("present").nth(2);
    await marker.click();
    const popover = page.locator(".note-popover:popover-open");
    await expect(popover).toBeVisible();
    const noteAnchor = await marker.getAttribute("data-note");
    const listed = await page.locator(`[data-note-item="${noteAnchor}"] [data-note-status]`).first().innerText();
    release();
    await expect(popover.locator("[data-note-status]")).toHaveText(listed);
    await expect(popover).toContainText(`注释 ${await marker.getAttribute("data-label")}`);
    await page.goBack();
    await expect(popover).toHaveCount(0);
    await expect(reader.title).toBeVisible();
  });

  test("a paragraph link and a selection link open in a fresh page, scrolled and highlighted", async ({ page, browser }) => {
    const reader = new ReaderPage(page);
    await reader.goto(`/read/${slug}`);
    const target = reader.paragraphs.nth(30);
    const anchor = (await target.getAttribute("data-block"))!;
    const paragraphLink = await reader.copyParagraphLink(anchor);
    expect(paragraphLink).toMatch(new RegExp(`/read/${slug}#${anchor}$`));

    const text = await target.locator("[data-o]").first().innerText();
    const words = text.slice(5, 21);
    const selectionLink = await reader.copySelectionLink(anchor, words);
    expect(new URL(selectionLink).searchParams.get("q")).toBe(words);

    const fresh = await browser.newPage();
    const second = new ReaderPage(fresh);
    await fresh.goto(paragraphLink);
    await expect.poll(() => second.inViewport(second.paragraph(anchor))).toBe(true);

    await fresh.goto(selectionLink);
    const mark = fresh.locator("mark[data-quote]");
    await expect(mark).toHaveText(words);
    await expect.poll(() => second.inViewport(mark)).toBe(true);
    await expect(second.notice).toHaveCount(0);
    await fresh.close();
  });

  test("a search hit link highlights its characters in its block", async ({ page }) => {
    const reader = new ReaderPage(page);
    await reader.goto(`/read/${slug}`);
    const block = reader.paragraphs.nth(12);
    const anchor = (await block.getAttribute("data-block"))!;
    // The stored characters (innerText is empty for a section not laid out yet: the reader lays out only what is near the screen).
    const text = (await block.locator("[data-o]").first().textContent())!;
    await page.goto(`/read/${slug}?hl=2-8#${anchor}`);
    const hit = page.locator(`[data-block="${anchor}"] mark[data-search-hit]`);
    await expect(hit).toHaveText(text.slice(2, 8));
    await expect.poll(() => reader.inViewport(hit)).toBe(true);
  });

  test("keyboard only: reach a marker, open its note, close it with Escape, land back on the marker", async ({ page }) => {
    const reader = new ReaderPage(page);
    await reader.goto(`/read/${slug}`);
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => document.activeElement?.matches("button.note-marker") ?? false);
    }
    expect(reached, "a note marker is reachable with Tab").toBe(true);
    const focusedId = await page.evaluate(() => document.activeElement!.id);
    await page.keyboard.press("Enter");
    await expect(page.locator(".note-popover:popover-open")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.locator(".note-popover:popover-open")).toHaveCount(0);
    expect(await page.evaluate(() => document.activeElement!.id)).toBe(focusedId);
  });

  test("the theme toggle switches to dark and is remembered", async ({ page }) => {
    const reader = new ReaderPage(page);
    await reader.goto(`/read/${slug}`);
    const toggle = page.getByRole("button", { name: "Dark theme" });
    const before = await page.evaluate(() => document.documentElement.dataset.theme);
    await toggle.click();
    const after = await page.evaluate(() => document.documentElement.dataset.theme);
    expect(after).not.toBe(before);
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(after);
    expect(await page.evaluate(() => localStorage.getItem("duizhao-theme"))).toBe(after);
  });

  test("link previews carry the document's title and the quoted passage, with a PNG image", async ({ page, request }) => {
    const reader = new ReaderPage(page);
    await reader.goto(`/read/${slug}?q=${encodeURIComponent("网络空间")}`);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /全球网络空间治理/);
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute("content", "“网络空间”");
    const image = await page.locator('meta[property="og:image"]').getAttribute("content");
    const response = await request.get(image!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
    expect((await response.body()).subarray(1, 4).toString()).toBe("PNG");
  });

  test("phone width: notes open as a bottom sheet", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const reader = new ReaderPage(page);
    await reader.goto(`/read/${slug}`);
    const marker = reader.marker("present").first();
    await marker.scrollIntoViewIfNeeded();
    await marker.click();
    const sheet = page.locator(".note-popover:popover-open");
    await expect(sheet).toBeVisible();
    const box = (await sheet.boundingBox())!;
    expect(Math.round(box.width)).toBe(390);
    expect(Math.round(box.y + box.height)).toBe(844);
    await page.keyboard.press("Escape");
    await expect(marker).toBeFocused();
  });
});

test.describe("accessibility", () => {
  for (const [name, path] of [
    ["home", async () => "/"],
    ["reader", async (page: import("@playwright/test").Page) => `/read/${await ReaderPage.slugOf(page, COMMUNITY)}`],
    [
      "side by side",
      async (page: import("@playwright/test").Page) =>
        `/compare?left=${await ReaderPage.slugOf(page, GLOBAL)}&right=${await ReaderPage.slugOf(page, COMMUNITY)}`,
    ],
  ] as const) {
    for (const theme of ["light", "dark"] as const) {
      test(`${name} (${theme}) has no axe violations`, async ({ page }) => {
        const url = await path(page);
        await page.addInitScript((value) => localStorage.setItem("duizhao-theme", value), theme);
        await page.goto(url);
        const results = await scanWithAxe(page);
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
      });
    }
  }
});
