import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { scanWithAxe } from "./axe-scan";
import { expect, test, type Page } from "@playwright/test";
import { ComparePage } from "./pages/compare-page";
import { PrintedPageView } from "./pages/printed-page-view";
import { CHANGES_THE_SUITE_CORPUS, ingestTestEssay, removeTestEssay } from "./test-essays";

test.describe.configure({ lock: CHANGES_THE_SUITE_CORPUS });

/**
 * The printed page beside the text: an essay ingested from a PDF (a typeset fixture whose pages print folios 27
 * to 30) opens a paragraph and a note on their page, drawn by pdf.js with the block outlined, in the reader and
 * in either pane of side by side, at desktop and phone width; keyboard only, axe clean, no CSP violation, and
 * no pdf.js before a page is asked for.
 */
const SLUG = "e2e-printed-page";
const FIXTURE = path.resolve("tests/fixtures/pdf/circled-16k.pdf");
const dir = path.resolve("test-results", "printed-page-corpus");
/** With DUIZHAO_SCREENSHOTS=1 the screenshots refresh docs/screenshots, as the reader's do. */
const SHOTS = process.env.DUIZHAO_SCREENSHOTS ? path.resolve("docs", "screenshots") : path.resolve("test-results", "printed-page");

function ingestEssay() {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "essay.pdf");
  fs.copyFileSync(FIXTURE, file);
  fs.writeFileSync(path.join(dir, "essay.manifest.json"), JSON.stringify({ slug: SLUG }));
  ingestTestEssay(file);
}

/** Through lib/db/remove-document.ts: the essay, what derives from it, and its kept PDF. */
function removeEssay() {
  removeTestEssay(SLUG);
}

/** CSP violations, as console messages and as `securitypolicyviolation` events (the page's and its worker's). */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|run|create|compile)/i.test(message.text())) seen.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => seen.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    const store: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = store;
    document.addEventListener("securitypolicyviolation", (event) => store.push(`${event.violatedDirective}: ${event.blockedURI}`));
  });
  return async () => [...seen, ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []))];
}

async function expectAxeClean(page: Page, what: string) {
  const results = await scanWithAxe(page);
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`), what).toEqual([]);
}

/** Opens a block's page with the keyboard, checks it is drawn with the block outlined on its lines, closes with Escape. */
async function openAndClose(page: Page, view: PrintedPageView, control: ReturnType<PrintedPageView["control"]>, blockName: string, shot: string | null) {
  await control.focus();
  await page.keyboard.press("Enter");
  await view.expectOutlined(blockName);
  await expect(view.dialog.getByRole("button", { name: "Close" })).toBeFocused();
  await expect(view.position).toContainText("p. 27 · PDF page 1 of 4");
  const ink = await view.inkUnderOutlines();
  // Glyphs fill a good share of a line's box; the page as a whole is mostly white paper (margins, gaps between
  // lines): outlines on their lines hold clearly more ink than the page does on average, outlines beside them less.
  expect(ink.page, "the page is drawn").toBeGreaterThan(0.01);
  expect(ink.underOutlines, `outlines stand on printed lines (page ink ${ink.page.toFixed(3)})`).toBeGreaterThan(ink.page * 1.5);
  const outline = await view.outlines.first().boundingBox();
  const sheet = await view.canvas.boundingBox();
  expect(outline && sheet && outline.x >= sheet.x - 1 && outline.x + outline.width <= sheet.x + sheet.width + 1).toBe(true);
  if (shot) {
    await expectAxeClean(page, `${shot}: the view open`);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${shot}.png`) });
  }
  await page.keyboard.press("Escape");
  await expect(view.dialog).toBeHidden();
  await expect(control, "focus goes back to the control").toBeFocused();
}

test.describe.configure({ mode: "serial" });

test.describe("the printed page", () => {
  test.beforeAll(() => {
    removeEssay();
    ingestEssay();
  });
  test.afterAll(removeEssay);

  test("the PDF is served as ingested, tagged with its SHA-256; a text essay has none, and says why", async ({ request, browser }) => {
    const bytes = fs.readFileSync(FIXTURE);
    const response = await request.get(`/api/documents/${SLUG}/pdf`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect(response.headers()["cache-control"]).toBe("public, no-cache");
    const tag = `"${createHash("sha256").update(bytes).digest("hex")}"`;
    expect(response.headers()["etag"]).toBe(tag);
    expect(Buffer.from(await response.body()).equals(bytes)).toBe(true);
    expect((await request.get(`/api/documents/${SLUG}/pdf`, { headers: { "If-None-Match": tag } })).status()).toBe(304);

    const { left: textEssay } = await ComparePage.essaySlugs(browser);
    const none = await request.get(`/api/documents/${textEssay}/pdf`);
    expect(none.status()).toBe(404);
    expect(((await none.json()) as { error: string }).error).toMatch(/read from a text .*not a PDF/);
    expect((await request.get("/api/documents/no-such-essay/pdf")).status()).toBe(404);
  });

  for (const device of [
    { name: "desktop", viewport: { width: 1280, height: 900 } },
    { name: "phone", viewport: { width: 390, height: 844 } },
  ]) {
    test(`reader: a paragraph and a note on their printed page (${device.name})`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.setViewportSize(device.viewport);
      const violations = await watchViolations(page);
      const scripts: { url: string; body: Promise<string> }[] = [];
      page.on("response", (response) => {
        if (response.request().resourceType() === "script") scripts.push({ url: response.url(), body: response.text().catch(() => "") });
      });
      await page.goto(`/read/${SLUG}`);
      const view = new PrintedPageView(page);
      const paragraph = view.control(page, /^¶ 1 on the printed page: p\. 27$/);
      await expect(paragraph).toBeVisible();
      await expect(paragraph).toHaveAttribute("href", `/api/documents/${SLUG}/pdf#page=1`);
      await expectAxeClean(page, "the reader with its controls");
      // No pdf.js before a page is asked for: no script of the page carries its version.
      await page.waitForLoadState("networkidle");
      for (const script of scripts) expect(await script.body, script.url).not.toContain("5.6.205");

      await openAndClose(page, view, paragraph, "¶ 1", `printed-page-reader-paragraph-${device.name}`);
      const note = view.control(page, /^note ① on the printed page: p\. 27$/);
      await openAndClose(page, view, note, "note ①", `printed-page-reader-note-${device.name}`);

      // Turning the page: the block is not on the next one, and the journal's page number follows.
      await paragraph.click();
      await view.expectOutlined("¶ 1");
      await view.dialog.getByRole("button", { name: "Next page" }).click();
      await expect(view.position).toContainText("p. 28 · PDF page 2 of 4");
      await expect(view.status).toHaveText("¶ 1 is not on this page.");
      await expect(view.outlines).toHaveCount(0);
      // Zoom draws the page twice the dialog's width, scrollable, the block still outlined on its lines.
      await view.dialog.getByRole("button", { name: "Previous page" }).click();
      await view.expectOutlined("¶ 1");
      const fitted = (await view.canvas.boundingBox())!.width;
      await view.dialog.getByRole("button", { name: "Zoom" }).click();
      await expect(view.dialog.getByRole("button", { name: "Zoom" })).toHaveAttribute("aria-pressed", "true");
      await view.expectOutlined("¶ 1");
      await expect.poll(async () => (await view.canvas.boundingBox())!.width).toBeGreaterThan(fitted * 1.9);
      const ink = await view.inkUnderOutlines();
      expect(ink.underOutlines).toBeGreaterThan(ink.page * 1.5);
      if (device.name === "phone") await page.screenshot({ path: path.join(SHOTS, "printed-page-reader-zoomed-phone.png") });
      await view.dialog.getByRole("button", { name: "Close" }).click();
      await expect(view.dialog).toBeHidden();
      expect(await violations()).toEqual([]);
    });

    test(`side by side: either pane opens its blocks on the printed page (${device.name})`, async ({ page, browser }) => {
      test.setTimeout(90_000);
      await page.setViewportSize(device.viewport);
      const violations = await watchViolations(page);
      const { left: textEssay } = await ComparePage.essaySlugs(browser);
      const compare = new ComparePage(page);
      const view = new PrintedPageView(page);
      for (const side of ["left", "right"] as const) {
        await compare.goto(side === "left" ? { left: SLUG, right: textEssay } : { left: textEssay, right: SLUG });
        if (device.name === "phone") await compare.tab(side).click();
        const pane = compare.pane(side);
        // The text essay's pane has no control: it was not read from a PDF.
        await expect(compare.pane(side === "left" ? "right" : "left").locator("a[data-printed-page]")).toHaveCount(0);
        await openAndClose(page, view, view.control(pane, /^¶ 1 on the printed page: p\. 27$/), "¶ 1", side === "right" ? `printed-page-compare-paragraph-${device.name}` : null);
        await openAndClose(page, view, view.control(pane, /^note ① on the printed page: p\. 27$/), "note ①", side === "right" ? `printed-page-compare-note-${device.name}` : null);
      }
      expect(await violations()).toEqual([]);
    });
  }
});
