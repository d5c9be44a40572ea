import { expect, type Page } from "@playwright/test";

/**
 * A title field with type-ahead (components/catalogue/title-type-ahead.tsx): words typed, then a suggested
 * title chosen, by the mouse or by the keyboard as a screen-reader user would.
 */
export class TitleTypeAheadField {
  constructor(
    readonly page: Page,
    readonly label: string,
  ) {}

  get field() {
    return this.page.getByRole("combobox", { name: this.label, exact: true });
  }

  get options() {
    return this.page.getByRole("listbox", { name: `${this.label}: matching titles` }).getByRole("option");
  }

  /** Type words and wait for the suggestions. */
  async type(words: string) {
    await this.field.fill(words);
    await expect(this.field).toHaveAttribute("aria-expanded", "true");
  }

  /** Type words and choose the suggestion of the document `slug`. */
  async choose(words: string, slug: string, how: "mouse" | "keyboard" = "mouse") {
    await this.type(words);
    const option = this.options.and(this.page.locator(`[data-slug="${slug}"]`));
    await expect(option).toBeVisible();
    if (how === "mouse") {
      await option.click();
      return;
    }
    const index = await this.options.evaluateAll((items, wanted) => items.findIndex((item) => item.getAttribute("data-slug") === wanted), slug);
    for (let i = 0; i <= index; i++) await this.field.press("ArrowDown");
    await expect(option).toHaveAttribute("aria-selected", "true");
    await expect(this.field).toHaveAttribute("aria-activedescendant", (await option.getAttribute("id"))!);
    await this.field.press("Enter");
  }
}
