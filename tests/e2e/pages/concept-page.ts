import { expect, type Locator, type Page } from "@playwright/test";

/** The concept index (/concepts) and a concept's page (/concepts/<id>). */
export class ConceptPage {
  readonly heading: Locator;
  readonly heatmap: Locator;
  readonly heatmapCells: Locator;
  readonly concordanceLines: Locator;
  readonly keywords: Locator;
  readonly counts: Locator;
  readonly definitionSource: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.heatmap = page.getByTestId("concept-heatmap");
    this.heatmapCells = page.getByTestId("heatmap-cell");
    this.concordanceLines = page.getByTestId("concordance-line");
    this.keywords = page.getByTestId("concordance-keyword");
    this.counts = page.getByTestId("concept-counts");
    this.definitionSource = page.getByTestId("definition-source");
  }

  async gotoIndex() {
    await this.page.goto("/concepts");
    await expect(this.heatmap).toBeVisible();
  }

  async goto(id: string, query = "") {
    await this.page.goto(`/concepts/${id}${query}`);
    await expect(this.heading).toBeVisible();
  }

  /** The heat map's row for a concept. */
  row(conceptId: string): Locator {
    return this.heatmap.locator(`tr[data-concept="${conceptId}"]`);
  }

  sortBy(key: "document" | "position" | "left" | "right"): Locator {
    return this.page.getByTestId(`sort-${key}`);
  }

  /** Each concordance line as "left|keyword|right", in the order shown. */
  async lineTexts(): Promise<string[]> {
    return this.concordanceLines.evaluateAll((rows) =>
      rows.map((row) => {
        const cells = row.querySelectorAll("td");
        return `${cells[2]?.textContent ?? ""}|${row.querySelector("mark")?.textContent ?? ""}|${cells[4]?.textContent ?? ""}`;
      }),
    );
  }
}
