import type { Locator, Page } from "@playwright/test";

export class HomePage {
  readonly documents: Locator;

  constructor(readonly page: Page) {
    this.documents = page.getByTestId("document-card");
  }

  async goto() {
    await this.page.goto("/");
  }

  document(title: RegExp | string): Locator {
    return this.documents.filter({ has: this.page.getByRole("heading", { name: title }) });
  }
}
