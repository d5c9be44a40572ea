import type { Locator, Page } from "@playwright/test";
import { TitleTypeAheadField } from "./title-type-ahead";

/** The home page: the catalogue (title type-ahead, facets, a page of document cards) and "Read two side by side". */
export class HomePage {
  readonly documents: Locator;
  readonly count: Locator;
  readonly facets: Locator;
  readonly pagination: Locator;
  readonly sideBySide: Locator;
  readonly search: TitleTypeAheadField;

  constructor(readonly page: Page) {
    this.documents = page.getByTestId("document-card");
    this.count = page.getByTestId("catalogue-count");
    this.facets = page.getByTestId("catalogue-facets");
    this.pagination = page.getByRole("navigation", { name: "Pages of documents" });
    this.sideBySide = page.getByTestId("side-by-side-form");
    this.search = new TitleTypeAheadField(page, "Title or author");
  }

  async goto(query = "") {
    await this.page.goto(`/${query}`);
  }

  document(title: RegExp | string): Locator {
    return this.documents.filter({ has: this.page.getByRole("heading", { name: title }) });
  }

  /** Open a document from its card (a facet of the catalogue may be named like a title). */
  async open(title: RegExp | string) {
    await this.document(title).getByRole("link", { name: title }).click();
  }

  /** A facet's group (journal, year, author, concept, source). */
  facet(name: "journal" | "year" | "author" | "concept" | "source"): Locator {
    return this.page.getByTestId(`facet-${name}`);
  }

  /** Choose the text of one side of "Read two side by side" by type-ahead. */
  async chooseSideBySide(side: "Left" | "Right", words: string, slug: string) {
    await new TitleTypeAheadField(this.page, side).choose(words, slug);
  }
}
