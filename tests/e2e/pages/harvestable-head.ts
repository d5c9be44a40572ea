import type { Page } from "@playwright/test";
import type { MetaTagInput } from "../embedded-metadata-translator";

export interface AlternateLink {
  type: string;
  href: string;
  title: string | null;
}

/**
 * What harvesters read of a page: the `<head>` as the server sent it (the tests open pages with JavaScript off,
 * so nothing the client adds or hoists later counts, as for Google Scholar's crawler), and its JSON-LD.
 */
export class HarvestableHead {
  constructor(readonly page: Page) {}

  async goto(path: string) {
    const response = await this.page.goto(path);
    if (!response || response.status() !== 200) throw new Error(`${path} answered ${response?.status()}`);
  }

  /** `<meta name content>` of the head, in document order (Zotero's translator reads /html/head/meta only). */
  async metaTags(): Promise<MetaTagInput[]> {
    return this.page.locator("head meta[name]").evaluateAll((metas) =>
      metas.map((meta) => ({ name: meta.getAttribute("name") ?? "", content: meta.getAttribute("content") ?? "" })),
    );
  }

  async alternates(): Promise<AlternateLink[]> {
    return this.page.locator('head link[rel="alternate"][type]').evaluateAll((links) =>
      links.map((link) => ({ type: link.getAttribute("type") ?? "", href: (link as HTMLLinkElement).href, title: link.getAttribute("title") })),
    );
  }

  async canonical(): Promise<string | null> {
    const link = this.page.locator('head link[rel="canonical"]');
    return (await link.count()) === 0 ? null : link.getAttribute("href");
  }

  /** Every JSON-LD block of the page, parsed. */
  async jsonLd(): Promise<Record<string, unknown>[]> {
    const texts = await this.page.locator('script[type="application/ld+json"]').evaluateAll((scripts) => scripts.map((script) => script.textContent ?? ""));
    return texts.map((text) => JSON.parse(text) as Record<string, unknown>);
  }
}
