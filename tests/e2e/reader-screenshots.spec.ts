import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { ReaderPage } from "./pages/reader-page";

/**
 * Screenshots of each view at desktop and phone widths, for looking at (docs/screenshots/). Run with
 * DUIZHAO_SCREENSHOTS=1; the rest of the suite checks behaviour, these are for eyes.
 */
test.skip(!process.env.DUIZHAO_SCREENSHOTS, "set DUIZHAO_SCREENSHOTS=1 to refresh docs/screenshots");

const out = "docs/screenshots";
const sizes = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

for (const [device, viewport] of Object.entries(sizes)) {
  test(`screenshots at ${device} width`, async ({ page }) => {
    test.setTimeout(90_000);
    fs.mkdirSync(out, { recursive: true });
    const shot = (name: string) => page.screenshot({ path: `${out}/${name}-${device}.png` });
    const left = await ReaderPage.slugOf(page, /全球网络空间治理/);
    const right = await ReaderPage.slugOf(page, /网络空间命运共同体/);
    await page.setViewportSize(viewport);

    await page.goto("/");
    await shot("home");

    const reader = new ReaderPage(page);
    await reader.goto(`/read/${left}`);
    await shot("reader");

    const marker = reader.marker("present").nth(2);
    await marker.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -200));
    await marker.click();
    await expect(page.locator(".note-popover:popover-open")).toBeVisible();
    await shot("reader-note");
    await page.keyboard.press("Escape");

    const missing = reader.marker("missing").first();
    await missing.scrollIntoViewIfNeeded();
    await missing.click();
    await shot("reader-note-missing");
    await page.keyboard.press("Escape");

    await page.locator(`[id="${await marker.getAttribute("data-note")}"]`).scrollIntoViewIfNeeded();
    await shot("reader-notes-list");

    const paragraph = reader.paragraphs.nth(8);
    const anchor = (await paragraph.getAttribute("data-block"))!;
    const words = (await paragraph.locator("[data-o]").first().innerText()).slice(10, 30);
    await paragraph.scrollIntoViewIfNeeded();
    await select(page, anchor, words);
    await shot("reader-selection");
    const link = await reader.copySelectionLink(anchor, words);
    await page.goto(link);
    await expect(page.locator("mark[data-quote]")).toBeVisible();
    await shot("reader-passage-link");

    await page.goto(`/read/${left}#p-00000000`);
    await expect(reader.notice).toBeVisible();
    await shot("reader-unknown-anchor");

    await page.goto(`/read/${right}`);
    await page.getByRole("button", { name: "Dark theme" }).click();
    await shot("reader-dark");
    await page.getByRole("button", { name: "Dark theme" }).click();

    await page.goto(`/compare?left=${left}&right=${right}`);
    await shot("compare");
    await page.emulateMedia({ media: "print" });
    await page.goto(`/read/${right}`);
    await shot("reader-print");
    await page.emulateMedia({ media: "screen" });
  });
}

async function select(page: Page, anchor: string, words: string) {
  await page.locator(`p[data-block="${anchor}"]`).evaluate((block, wanted) => {
    const node = [...block.querySelectorAll("[data-o]")].map((run) => run.firstChild).find((n): n is Text => n instanceof Text && n.data.includes(wanted))!;
    const range = document.createRange();
    range.setStart(node, node.data.indexOf(wanted));
    range.setEnd(node, node.data.indexOf(wanted) + wanted.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  }, words);
  await page.waitForTimeout(200);
}
