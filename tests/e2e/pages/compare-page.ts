import type { Locator, Page } from "@playwright/test";

export class ComparePage {
  readonly left: Locator;
  readonly right: Locator;

  constructor(readonly page: Page) {
    this.left = page.locator("#pane-left");
    this.right = page.locator("#pane-right");
  }

  async goto(query: Record<string, string>) {
    await this.page.goto(`/compare?${new URLSearchParams(query).toString()}`);
  }

  tab(side: "left" | "right"): Locator {
    return this.page.locator(`#tab-${side}`);
  }

  /** The anchors of the blocks currently visible at the top of a pane. */
  async topBlock(pane: Locator): Promise<string | null> {
    return pane.evaluate((element) => {
      const top = element.getBoundingClientRect().top;
      for (const block of element.querySelectorAll<HTMLElement>("[data-block]")) {
        if (block.getBoundingClientRect().bottom > top + 4) return block.dataset.block ?? null;
      }
      return null;
    });
  }

  async scrollPaneTo(pane: Locator, anchor: string) {
    await pane.evaluate((element, wanted) => {
      const target = element.querySelector<HTMLElement>(`[data-block="${wanted}"]`)!;
      element.scrollTop += target.getBoundingClientRect().top - element.getBoundingClientRect().top;
    }, anchor);
  }
}
