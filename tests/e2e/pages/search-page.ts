import type { Locator, Page } from "@playwright/test";

export class SearchPage {
  readonly query: Locator;
  readonly submit: Locator;
  readonly hits: Locator;
  readonly groups: Locator;
  readonly counts: Locator;
  readonly summary: Locator;

  constructor(readonly page: Page) {
    this.query = page.getByRole("searchbox", { name: /Search the corpus/ });
    this.submit = page.getByRole("button", { name: "Search" });
    this.hits = page.getByTestId("search-hit");
    this.groups = page.getByTestId("search-group");
    this.counts = page.getByTestId("search-counts").getByRole("listitem");
    this.summary = page.locator("#search-summary");
  }

  async goto() {
    await this.page.goto("/search");
    // Typing before the page has hydrated can be lost when React takes over the form.
    await this.page.waitForLoadState("networkidle");
  }

  async search(text: string) {
    await this.query.fill(text);
    await this.submit.click();
    await this.page.waitForURL(/\/search\?q=/);
  }

  group(title: RegExp | string): Locator {
    return this.groups.filter({ has: this.page.getByRole("heading", { name: title }) });
  }

  marks(scope: Locator = this.page.locator("body")): Locator {
    return scope.locator("mark[data-search-hit]");
  }
}
