import { expect, type Locator, type Page } from "@playwright/test";

/** The reader's printed-page view (components/reader/printed-page-dialog.tsx) and the controls that open it. */
export class PrintedPageView {
  readonly dialog: Locator;
  readonly canvas: Locator;
  readonly outlines: Locator;
  readonly status: Locator;
  readonly position: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole("dialog", { name: /on the printed page/ });
    this.canvas = this.dialog.locator("canvas");
    this.outlines = this.dialog.locator("[data-page-box]");
    this.status = this.dialog.getByRole("status");
    this.position = this.dialog.locator("[data-page-position]");
  }

  /** A block's control, by its accessible name ("¶ 1 on the printed page: p. 27", "note ① on the printed page: p. 27"). */
  control(scope: Locator | Page, name: RegExp): Locator {
    return scope.getByRole("link", { name }).first();
  }

  /** Waits until the page is drawn with the block outlined. */
  async expectOutlined(blockName: string) {
    await expect(this.dialog).toBeVisible();
    await expect(this.status).toHaveText(`${blockName} is outlined.`, { timeout: 20_000 });
    await expect(this.outlines.first()).toBeVisible();
  }

  /**
   * How much of what lies under the outlines is ink (dark pixels of the drawn page), and how much of the page is:
   * an outline on its line covers glyphs, one drawn beside the text covers white.
   */
  async inkUnderOutlines(): Promise<{ underOutlines: number; page: number }> {
    return this.dialog.evaluate((dialog) => {
      const canvas = dialog.querySelector("canvas")!;
      const context = canvas.getContext("2d")!;
      const frame = canvas.getBoundingClientRect();
      const inkShare = (x: number, y: number, width: number, height: number) => {
        const left = Math.max(0, Math.floor(x));
        const top = Math.max(0, Math.floor(y));
        const w = Math.max(1, Math.min(canvas.width - left, Math.ceil(width)));
        const h = Math.max(1, Math.min(canvas.height - top, Math.ceil(height)));
        const data = context.getImageData(left, top, w, h).data;
        let dark = 0;
        for (let k = 0; k < data.length; k += 4) if (data[k]! + data[k + 1]! + data[k + 2]! < 384 && data[k + 3]! > 0) dark++;
        return dark / (w * h);
      };
      const sx = canvas.width / frame.width;
      const sy = canvas.height / frame.height;
      const shares = [...dialog.querySelectorAll("[data-page-box]")].map((box) => {
        const r = box.getBoundingClientRect();
        return inkShare((r.left - frame.left) * sx, (r.top - frame.top) * sy, r.width * sx, r.height * sy);
      });
      return { underOutlines: shares.reduce((a, b) => a + b, 0) / Math.max(1, shares.length), page: inkShare(0, 0, canvas.width, canvas.height) };
    });
  }
}
