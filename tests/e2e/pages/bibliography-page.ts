import { expect, type Locator, type Page } from "@playwright/test";

export class BibliographyPage {
  readonly root: Locator;
  readonly entries: Locator;
  readonly count: Locator;
  readonly notice: Locator;
  readonly filters: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("bibliography-page");
    this.entries = page.getByTestId("bibliography-entry");
    this.count = page.getByTestId("bibliography-count");
    this.notice = page.getByTestId("bibliography-notice");
    this.filters = page.getByTestId("bibliography-filters");
  }

  async goto(query = "") {
    await this.page.goto(`/bibliography${query}`);
    await expect(this.root).toBeVisible();
  }

  // By name: each label wraps its select, whose option texts ("Type", "Date") would match other labels.
  async filter(options: { type?: string; year?: string; sort?: string }) {
    if (options.type !== undefined) await this.filters.locator('select[name="type"]').selectOption(options.type);
    if (options.year !== undefined) await this.filters.locator('select[name="year"]').selectOption(options.year);
    if (options.sort !== undefined) await this.filters.locator('select[name="sort"]').selectOption(options.sort);
    await this.filters.getByRole("button", { name: "Apply" }).click();
    await expect(this.root).toBeVisible();
  }

  async timesCited(): Promise<number[]> {
    return (await this.entries.getByTestId("times-cited").allInnerTexts()).map((text) => Number(/\d+/.exec(text)?.[0]));
  }
}
