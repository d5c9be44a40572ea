import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { scanWithAxe } from "./axe-scan";

/**
 * The browser tests' axe pass (axe-scan.ts) finds what the default `AxeBuilder` finds: a page made to break
 * rules of several kinds (contrast, names, structure), scanned both ways, gives the same violations and nodes.
 */
const BROKEN_PAGE = `<!doctype html><html><head><title>broken</title></head><body>
  <main>
    <p style="color:#bbb;background:#fff">grey on white, too faint to read</p>
    <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
    <button></button>
    <a href="#x"></a>
    <input type="text">
    <h1></h1>
  </main>
</body></html>`;

const violationsOf = (results: Awaited<ReturnType<typeof scanWithAxe>>) =>
  results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`).sort();

test("the suite's axe pass reports the violations the default pass does", async ({ page }) => {
  await page.setContent(BROKEN_PAGE);
  const fast = violationsOf(await scanWithAxe(page));
  const usual = violationsOf(await new AxeBuilder({ page }).analyze());
  expect(fast).toEqual(usual);
  for (const rule of ["color-contrast", "image-alt", "button-name", "link-name", "label", "empty-heading"]) {
    expect(fast.some((line) => line.startsWith(`${rule}:`)), rule).toBe(true);
  }
});

test("a page with a frame is refused rather than scanned without it", async ({ page }) => {
  await page.setContent(`<!doctype html><title>framed</title><iframe title="inner" srcdoc="<p>inside</p>"></iframe>`);
  await expect(scanWithAxe(page)).rejects.toThrow(/has frames/);
});
