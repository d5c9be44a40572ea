import { type Browser, expect, type Locator, type Page } from "@playwright/test";
import { ReaderPage } from "./reader-page";

export class ComparePage {
  readonly left: Locator;
  readonly right: Locator;
  readonly gutter: Locator;
  readonly focusPanel: Locator;
  readonly alignButton: Locator;
  readonly legend: Locator;

  constructor(readonly page: Page) {
    this.left = page.locator("#pane-left");
    this.right = page.locator("#pane-right");
    this.gutter = page.locator(".compare-gutter");
    this.focusPanel = page.locator("section.focus-panel");
    this.alignButton = page.getByRole("button", { name: /Align/ });
    this.legend = page.getByRole("list", { name: "Highlighted concepts" });
  }

  /** The slugs of the corpus's two essays, in the order side by side shows them in these tests. */
  static async essaySlugs(browser: Browser): Promise<{ left: string; right: string }> {
    const [leftTitle, rightTitle] = [/全球网络空间治理/, /网络空间命运共同体/];
    const [knownLeft, knownRight] = [ReaderPage.knownSlug(leftTitle), ReaderPage.knownSlug(rightTitle)];
    if (knownLeft && knownRight) return { left: knownLeft, right: knownRight };
    const page = await browser.newPage();
    const left = await ReaderPage.slugOf(page, leftTitle);
    const right = await ReaderPage.slugOf(page, rightTitle);
    await page.close();
    return { left, right };
  }

  async goto(query: Record<string, string>) {
    await this.page.goto(`/compare?${new URLSearchParams(query).toString()}`);
  }

  pane(side: "left" | "right"): Locator {
    return side === "left" ? this.left : this.right;
  }

  tab(side: "left" | "right"): Locator {
    return this.page.locator(`#tab-${side}`);
  }

  /** Ticks or unticks a concept in the picker (opened and closed around it). */
  async toggleConcept(id: string) {
    const picker = this.page.locator("details.concept-picker");
    await picker.locator("summary").click();
    await picker.locator(`input[name="c"][value="${id}"]`).click();
    await this.page.keyboard.press("Escape");
  }

  marks(pane: Locator, concept: string): Locator {
    return pane.locator(`mark[data-concept="${concept}"]`);
  }

  /** The chips under paragraphs that jump to a concept's counterpart. */
  chips(pane: Locator, concept: string): Locator {
    return pane.locator(`button[data-jump-concept="${concept}"]`);
  }

  /** Connectors drawn whole, from a block on the left to one on the right. */
  connectors(): Locator {
    return this.gutter.locator("path[data-left][data-right]:not([data-stub])");
  }

  async scrollTop(pane: Locator): Promise<number> {
    return pane.evaluate((element) => element.scrollTop);
  }

  /** Whether an element is within its pane's visible height. */
  async inView(pane: Locator, target: Locator): Promise<boolean> {
    const [paneBox, box] = await Promise.all([pane.boundingBox(), target.boundingBox()]);
    return !!paneBox && !!box && box.y >= paneBox.y - 1 && box.y + box.height <= paneBox.y + paneBox.height + 1;
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

  /** What a reader sees at the top of a pane: the first block showing there, and how far above the pane's top edge it starts. */
  async readingPlace(pane: Locator): Promise<{ block: string | null; offset: number }> {
    return pane.evaluate((element) => {
      const top = element.getBoundingClientRect().top;
      for (const block of element.querySelectorAll<HTMLElement>("[data-block]")) {
        const box = block.getBoundingClientRect();
        if (box.bottom > top + 4) return { block: block.dataset.block ?? null, offset: Math.round(box.top - top) };
      }
      return { block: null, offset: 0 };
    });
  }

  /**
   * Scrolls a pane to `top` pixels and waits until its position is in the URL. The pane listens for
   * scrolling only once the page is hydrated: until then the scroll is announced again.
   */
  async scrollPaneToOffset(side: "left" | "right", top: number) {
    const pane = this.pane(side);
    await pane.evaluate((element, y) => (element.scrollTop = y), top);
    await expect
      .poll(async () => {
        await pane.evaluate((element) => element.dispatchEvent(new Event("scroll")));
        return new URL(this.page.url()).searchParams.get(side === "left" ? "lp" : "rp");
      })
      .not.toBeNull();
  }

  async scrollPaneTo(pane: Locator, anchor: string) {
    await pane.evaluate((element, wanted) => {
      const target = element.querySelector<HTMLElement>(`[data-block="${wanted}"]`)!;
      element.scrollTop += target.getBoundingClientRect().top - element.getBoundingClientRect().top;
    }, anchor);
  }

  /** Where the last jump landed, outlined (`data-jumped`: the mention's marks, or the block). */
  jumped(pane: Locator): Locator {
    return pane.locator("[data-jumped]");
  }

  /** A value of the view's address. */
  param(key: string): string | null {
    return new URL(this.page.url()).searchParams.get(key);
  }

  /** Waits until the address has settled on the panes' positions (written a moment after they scroll). */
  async settled() {
    let last = "";
    await expect
      .poll(async () => {
        const now = this.page.url();
        const same = now === last;
        last = now;
        return same;
      }, { intervals: [400] })
      .toBe(true);
  }

  /** Back one history entry, within the page or out of it. */
  async back() {
    await this.page.goBack({ waitUntil: "commit" });
  }

  /** Whether `target` overlaps `cover` on screen. */
  async overlaps(target: Locator, cover: Locator): Promise<boolean> {
    const [a, b] = await Promise.all([target.boundingBox(), cover.boundingBox()]);
    if (!a || !b) return false;
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  }

  /** Whether any of an element shows within its pane's visible height. */
  async partlyInView(pane: Locator, target: Locator): Promise<boolean> {
    const [paneBox, box] = await Promise.all([pane.boundingBox(), target.boundingBox()]);
    return !!paneBox && !!box && box.y < paneBox.y + paneBox.height && box.y + box.height > paneBox.y;
  }

  /**
   * Whether the start of an element (its first lines, HEAD_PX tall) shows in its pane and is covered by
   * nothing of `cover`: what a reader needs to see of a passage just shown to start reading it.
   */
  async headShown(pane: Locator, target: Locator, cover: Locator): Promise<boolean> {
    const HEAD_PX = 48;
    const [paneBox, box, coverBox] = await Promise.all([pane.boundingBox(), target.boundingBox(), cover.boundingBox()]);
    if (!paneBox || !box) return false;
    const head = { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, HEAD_PX) };
    const inPane = head.y >= paneBox.y - 1 && head.y + head.height <= paneBox.y + paneBox.height + 1;
    const covered =
      !!coverBox && head.x < coverBox.x + coverBox.width && coverBox.x < head.x + head.width && head.y < coverBox.y + coverBox.height && coverBox.y < head.y + head.height;
    return inPane && !covered;
  }
}
