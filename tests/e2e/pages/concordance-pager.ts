import { expect, type Locator, type Page } from "@playwright/test";

/**
 * A concept page's concordance, page by page (components/concepts/concordance.tsx, PaginationNav): the
 * lines shown, each known by its keyword's link (the reader at that very mention, so one per mention),
 * and the navigation: Previous, Next, the page numbers, the range ("51–100 of 1234").
 */
export class ConcordancePager {
  readonly nav: Locator;
  readonly range: Locator;
  readonly current: Locator;
  readonly keywordLinks: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole("navigation", { name: "Pages of the concordance" });
    this.range = page.getByTestId("concordance-pages-range");
    this.current = this.nav.locator('[aria-current="page"]');
    this.keywordLinks = page.getByTestId("concordance-line").getByTestId("concordance-keyword");
  }

  /** The mentions on the page shown, in order, each as its link into the reader. */
  async lineHrefs(): Promise<string[]> {
    return this.keywordLinks.evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  }

  /** The page number the address holds (1 when it names none). */
  pageInUrl(): number {
    return Number(new URL(this.page.url()).searchParams.get("page") ?? "1");
  }

  async next() {
    await this.nav.getByRole("link", { name: /Next/ }).click();
  }

  async previous() {
    await this.nav.getByRole("link", { name: /Previous/ }).click();
  }

  async goToPage(number: number) {
    await this.nav.getByRole("link", { name: new RegExp(`^Page ${number}$`) }).click();
  }

  /** Waits until page `number` is shown: in the address and marked current. */
  async isAt(number: number) {
    await expect.poll(() => this.pageInUrl()).toBe(number);
    await expect(this.current).toHaveText(new RegExp(`^\\s*(Page )?${number}\\s*$`));
  }
}
