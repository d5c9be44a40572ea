import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { scanWithAxe } from "./axe-scan";
import { expect, test, type Page } from "@playwright/test";
import { PROVENANCE_SLUG } from "../fixtures/reader/provenance-draft";
import { ReaderPage } from "./pages/reader-page";
import { SourcePage } from "./pages/source-page";
import { CHANGES_THE_SUITE_CORPUS } from "./test-essays";

test.describe.configure({ lock: CHANGES_THE_SUITE_CORPUS });

/**
 * How a note came to stand where it does, said in words wherever a note is shown: an uncertain attachment
 * with its evidence, a note that could not be located (pointing to the page's unattached note texts, listed
 * with the markers they could belong to and why), editorial corrections. Driven by a hand-made essay loaded
 * through the loader (tests/fixtures/reader/provenance-draft.ts), so that it does not depend on what the
 * parser currently makes of the corpus.
 */
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? `postgresql://duizhao:duizhao-local@127.0.0.1:${process.env.E2E_DB_PORT ?? "54331"}/duizhao`;
const LOADER = "tests/fixtures/reader/load-provenance-draft.ts";
const SHOTS = "test-results/note-provenance";

function ingest(file: string): string {
  return execFileSync("npm", ["run", "-s", "ingest", "--", file], { env: { ...process.env, DATABASE_URL }, stdio: "pipe", encoding: "utf8" });
}

function runLoader(...args: string[]) {
  execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", LOADER, ...args], {
    env: { ...process.env, DATABASE_URL },
    stdio: "pipe",
  });
}

const uncertain = "n-0e2e0001";
const unlocated = "n-0e2e0002";
const missing = "n-0e2e0003";
const corrected = "n-0e2e0004";

test.describe.configure({ mode: "serial" });

test.describe("note provenance in the reader", () => {
  test.beforeAll(() => {
    runLoader();
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  test.afterAll(() => runLoader("--remove"));

  test("an uncertain attachment says so in words, with its evidence, in the notes list and in the popover", async ({ page }) => {
    const reader = new ReaderPage(page);
    await reader.goto(`/read/${PROVENANCE_SLUG}`);
    const listed = reader.noteItem(uncertain).locator("[data-attachment='uncertain']");
    await expect(listed).toContainText("归属存疑 · attachment uncertain");
    await expect(listed).toContainText("Placed under this marker by wording it shares with the sentence before the marker (confidence 55%)");
    // The evidence is text: markup in it is shown, never run.
    await expect(listed).toContainText("<script>alert(1)</script>");

    const marker = reader.markerOf(uncertain);
    await expect(marker).toHaveAttribute("aria-label", "注释 ①（归属存疑）");
    await marker.click();
    await expect(reader.popover.locator("[data-attachment='uncertain']")).toHaveText(await listed.innerText());
    // A note placed with certainty has no such badge.
    await page.keyboard.press("Escape");
    await expect(reader.noteItem(corrected).locator("[data-attachment]")).toHaveCount(0);
  });

  test("an unlocated note reads 'note not located', unlike a lost one, and leads to its page's unattached texts", async ({ page }) => {
    const reader = new ReaderPage(page);
    await reader.goto(`/read/${PROVENANCE_SLUG}`);
    const item = reader.noteItem(unlocated);
    await expect(item.locator("[data-note-status='unlocated']")).toContainText("未能定位 · Note not located: printed page 1 has note texts that could not be placed");
    await expect(item).not.toContainText("missing from the source");
    await expect(reader.noteItem(missing).locator("[data-note-status='missing']")).toContainText("missing from the source (lost in extraction)");
    await expect(reader.markerOf(unlocated)).toHaveAttribute("aria-label", "注释 ②（未能定位）");

    // From the popover, to the unattached texts of page 1: each with the markers it could belong to and why.
    await reader.markerOf(unlocated).click();
    await reader.popover.getByRole("link", { name: "The unattached note texts of page 1 ↓" }).click();
    await expect(page).toHaveURL(/#unattached-page-1$/);
    const fragments = reader.unattachedFragments;
    await expect(fragments.getByRole("heading", { name: "未归属的注文 · Unattached note texts" })).toBeVisible();
    const fragment = page.locator("#unattached-page-1 [data-fragment]");
    await expect(fragment).toHaveCount(1);
    await expect(fragment).toContainText("关于数据主权的争论，见前引文献。<i>not italic</i>");
    await expect(fragment).toContainText("Could belong to ②");
    await expect(fragment).toContainText("its wording shares nothing with ②'s sentence");
    await expect(fragment).toContainText("source lines 21–22");
    expect(await reader.inViewport(page.locator("#unattached-page-1"))).toBe(true);
  });

  test("editorial corrections of a heading, a paragraph and a note are marked with what the editor did", async ({ page }) => {
    const reader = new ReaderPage(page);
    await reader.goto(`/read/${PROVENANCE_SLUG}`);
    await expect(reader.blockCorrection("h-0e2e0002")).toHaveText("[编者订正 · editorial correction: Heading level set to 1 (the extraction had run it into the paragraph before it).]");
    const paragraphMark = reader.blockCorrection("p-0e2e0002");
    await expect(paragraphMark).toContainText("编者订正 · editorial correction: Joined with the paragraph before line 13");
    await expect(paragraphMark).toContainText("<b>not bold</b>");
    await expect(page.locator("b", { hasText: "not bold" })).toHaveCount(0);
    // The paragraph's own text is untouched: the mark stands outside it.
    await expect(reader.paragraph("p-0e2e0002")).not.toContainText("编者订正");
    await expect(reader.blockCorrection("p-0e2e0001")).toHaveCount(0);

    const noteMark = reader.noteItem(corrected).locator("[data-correction]");
    await expect(noteMark).toContainText("editorial correction: Attached to ① on line 33 by the corrections file");
    await reader.markerOf(corrected).click();
    await expect(reader.popover.locator("[data-correction]")).toHaveText(await noteMark.innerText());
  });

  test("the marks are accessible (axe), light and dark, with a note open too", async ({ page }) => {
    const reader = new ReaderPage(page);
    await reader.goto(`/read/${PROVENANCE_SLUG}`);
    const axe = async () => {
      const results = await scanWithAxe(page);
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
    };
    await axe();
    await reader.markerOf(uncertain).click();
    await expect(reader.popover).toBeVisible();
    await axe();
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Dark theme" }).click();
    await axe();
    await reader.markerOf(unlocated).click();
    await expect(reader.popover).toBeVisible();
    await axe();
    await page.screenshot({ path: `${SHOTS}/unlocated-popover-dark.png` });
  });

  test("side by side shows the same marks in its pane, and the source page says the citing note's attachment is uncertain", async ({ page }) => {
    const reader = new ReaderPage(page);
    const other = await ReaderPage.slugOf(page, /全球网络空间治理/);
    await page.goto(`/compare?left=${encodeURIComponent(other)}&right=${PROVENANCE_SLUG}`);
    await expect(reader.noteItem(uncertain, "right-").locator("[data-attachment='uncertain']")).toContainText("attachment uncertain");
    await expect(reader.noteItem(unlocated, "right-")).toContainText("Note not located");
    await expect(page.locator("#right-unattached-page-1 [data-fragment]")).toContainText("Could belong to ②");
    await expect(reader.noteItem(unlocated, "right-").getByRole("link", { name: /unattached note texts of page 1/ })).toHaveAttribute("href", "#right-unattached-page-1");
    await expect(page.locator("[data-correction]").filter({ hasText: "Heading level set to 1" })).toHaveCount(1);

    await reader.goto(`/read/${PROVENANCE_SLUG}`);
    await reader.noteItem(uncertain).locator("[data-source-link]").click();
    const source = new SourcePage(page);
    await expect(source.root).toBeVisible();
    await expect(source.citingNote(uncertain).locator("[data-attachment='uncertain']")).toContainText("归属存疑 · attachment uncertain");
  });

  for (const [device, viewport] of Object.entries({ desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } })) {
    test(`screenshots of the marks at ${device} width`, async ({ page }) => {
      await page.setViewportSize(viewport);
      const reader = new ReaderPage(page);
      await reader.goto(`/read/${PROVENANCE_SLUG}`);
      const shot = async (name: string) => {
        // Let a scroll finish painting: a shot taken mid-scroll can show unpainted tiles.
        await page.waitForTimeout(300);
        await page.screenshot({ path: `${SHOTS}/${name}-${device}.png` });
      };

      await openNote(page, reader, uncertain);
      await shot("uncertain-popover");
      await page.keyboard.press("Escape");
      await openNote(page, reader, unlocated);
      await shot("unlocated-popover");
      await page.keyboard.press("Escape");
      await reader.paragraph("p-0e2e0002").scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, -120));
      await shot("paragraph-correction");
      await reader.noteItem(uncertain).scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, -60));
      await shot("notes-list");
      await reader.unattachedFragments.scrollIntoViewIfNeeded();
      await shot("unattached-fragments");

      if (device === "desktop") {
        // (On phones side by side shows one pane at a time, as tabs.)
        const other = await ReaderPage.slugOf(page, /全球网络空间治理/);
        await page.goto(`/compare?left=${encodeURIComponent(other)}&right=${PROVENANCE_SLUG}`);
        await reader.noteItem(uncertain, "right-").scrollIntoViewIfNeeded();
        await shot("compare-notes");
      }
    });
  }
});

async function openNote(page: Page, reader: ReaderPage, anchor: string) {
  const marker = reader.markerOf(anchor);
  await marker.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -160));
  await marker.click();
  await expect(reader.popover).toBeVisible();
}

/** A corpus essay with a corrections file beside it, in a folder of its own, under a slug of its own. */
test.describe("a corrections file beside an essay", () => {
  const SLUG = "e2e-corrected";
  const dir = path.resolve("test-results", "corrections-corpus");
  const text = path.join(dir, "essay.txt");
  const corrections = path.join(dir, "essay.corrections.json");
  const write = (entries: object[]) => fs.writeFileSync(corrections, JSON.stringify({ about: "e2e", corrections: entries }));

  test.beforeAll(() => {
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync("corpus/001_dd40619b11185e85.txt", text);
    fs.writeFileSync(path.join(dir, "essay.manifest.json"), JSON.stringify({ slug: SLUG }));
  });
  test.afterAll(() => runLoader("--remove", SLUG));

  test("is applied at ingest and marked in the reader; an entry whose line changed no longer applies; editing the file re-ingests", async ({ page }) => {
    test.setTimeout(120_000);
    // Line 27 of the source is inside a paragraph ("国际社会面前的重要课题。…"); line 35 is the folio "27".
    write([
      { kind: "split-paragraph", line: 27, expect: "国际社会面前", note: "e2e split" },
      { kind: "debris", line: 35, expect: "99" },
    ]);
    const report = ingest(text);
    expect(report).toContain("corrections file: 1 applied, 1 no longer apply");
    expect(report).toMatch(/corrections\[1\] debris: NO LONGER APPLIES: .*line 35/);

    const reader = new ReaderPage(page);
    await reader.goto(`/read/${SLUG}`);
    const split = reader.paragraphs.filter({ hasText: /^国际社会面前的重要课题/ });
    await expect(split).toHaveCount(1);
    const anchor = (await split.getAttribute("data-block"))!;
    await expect(reader.blockCorrection(anchor)).toContainText("编者订正 · editorial correction:");
    await expect(reader.blockCorrection(anchor)).toContainText("e2e split");
    await expect(reader.blockCorrection(anchor)).not.toContainText(/editorial correction:\s*editorial correction/i);

    // The text is unchanged, the corrections file is not: ingested again, and the mark is gone.
    write([]);
    expect(ingest(text)).not.toContain("unchanged");
    await reader.goto(`/read/${SLUG}`);
    await expect(page.locator("[data-correction]")).toHaveCount(0);
    await expect(reader.paragraphs.filter({ hasText: /^国际社会面前的重要课题/ })).toHaveCount(0);
    expect(ingest(text)).toContain("unchanged");
  });
});
