import type { Locator, Page } from "@playwright/test";

/** The reader's list of imported Web Annotations (components/reader/imported-annotations.tsx). */
export class ImportedAnnotationsList {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator("[data-imported-annotations]");
  }

  /** The entries of one group: anchored on words, on the whole document, or orphaned. */
  group(status: "anchored" | "document" | "orphaned"): Locator {
    return this.root.locator(`[data-annotation-group="${status}"] > li`);
  }

  /** One annotation, by the id it was imported with. */
  entry(externalId: string): Locator {
    return this.root.locator(`[data-imported-annotation="${externalId}"]`);
  }

  /** The link from an anchored annotation to its words in the text. */
  passageLink(externalId: string): Locator {
    return this.entry(externalId).getByRole("link");
  }
}
