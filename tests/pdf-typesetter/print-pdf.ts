import { chromium, type Browser } from "@playwright/test";

/**
 * HTML → PDF bytes with Debian's Chromium (`CHROMIUM_PATH`, default /usr/bin/chromium), the page size taken
 * from the HTML's `@page` rule. One browser serves many prints; close it when done.
 */
export interface PdfPrinter {
  print(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

export async function openPdfPrinter(): Promise<PdfPrinter> {
  const browser: Browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  const page = await browser.newPage();
  return {
    async print(html) {
      await page.setContent(html, { waitUntil: "load" });
      await page.evaluate(() => document.fonts.ready);
      return new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: false }));
    },
    close: () => browser.close(),
  };
}
