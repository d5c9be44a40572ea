import { expect, type Locator, type Page } from "@playwright/test";

/** What the reader says under a paragraph sharing words with other essays ("∥ 3 places in 2 other essays …"). */
export interface ParallelsLinkFacts {
  anchor: string;
  places: number;
  documents: number;
}

/** One place of the parallels view: where it is, and the shared words as that essay has them. */
export interface ParallelPlaceFacts {
  slug: string;
  anchor: string;
  title: string;
  quoted: string[];
}

/**
 * A paragraph's parallels (/read/<slug>/parallels/<anchor>, components/reader/parallels-view.tsx) and the
 * reader's links to it: the paragraph with the shared words marked, and the places elsewhere sharing them.
 */
export class ParallelsPage {
  readonly view: Locator;
  readonly places: Locator;
  readonly summary: Locator;
  /** The paragraph asked about. */
  readonly paragraph: Locator;
  /** The pages of places ("1–25 of 130 places", previous, numbers, next). */
  readonly pager: Locator;
  /** The block's stock phrases, each named with its essays, its places and a search for it. */
  readonly stockPhrases: Locator;
  /** The link listing the places that share only stock phrases. */
  readonly stockOnlyLink: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId("parallels");
    this.places = this.view.getByTestId("parallel-place");
    this.summary = page.getByTestId("parallels-summary");
    this.paragraph = this.view.locator("blockquote");
    this.pager = page.getByTestId("parallels-pagination");
    this.stockPhrases = page.getByTestId("stock-phrase");
    this.stockOnlyLink = page.getByTestId("stock-only-link");
  }

  /** What the summary counts: places sharing more than stock phrases (listed), and places sharing only stock phrases. */
  async counts(): Promise<{ parallels: number; stockOnly: number }> {
    await expect(this.summary).toBeVisible();
    return { parallels: Number(await this.summary.getAttribute("data-parallel-places")), stockOnly: Number(await this.summary.getAttribute("data-stock-only-places")) };
  }

  /** Each stock phrase as shown: its words, the essays holding them, the places here sharing only stock phrases that share it, its search. */
  async stockPhraseFacts(): Promise<{ words: string; documents: number; places: number; searchHref: string }[]> {
    return this.stockPhrases.evaluateAll((items) =>
      items.map((item) => ({
        words: item.querySelector("q")?.textContent ?? "",
        documents: Number(item.querySelector('[data-testid="stock-phrase-documents"]')?.textContent),
        places: Number(/^\d+/.exec(item.querySelector('[data-testid="stock-phrase-places"]')?.textContent ?? "0")?.[0]),
        searchHref: item.querySelector('[data-testid="stock-phrase-search"]')?.getAttribute("href") ?? "",
      })),
    );
  }

  /** The reader's parallels links, in reading order. */
  readerLinks(): Locator {
    return this.page.locator("a[data-parallels]");
  }

  /** What a reader's parallels link promises: how many places, in how many other essays. */
  static async linkFacts(link: Locator): Promise<ParallelsLinkFacts> {
    const text = (await link.textContent()) ?? "";
    const counted = /∥ (\d+) places? in (\d+) other essays?/.exec(text);
    expect(counted, `a parallels link says how many places in how many essays: "${text}"`).not.toBeNull();
    return { anchor: (await link.getAttribute("data-parallels"))!, places: Number(counted![1]), documents: Number(counted![2]) };
  }

  /** The places of every page of the view, in order (following its Next links), back on the page it started at. */
  async placeFacts(): Promise<ParallelPlaceFacts[]> {
    await expect(this.view).toBeVisible();
    const start = this.page.url();
    const facts: ParallelPlaceFacts[] = [];
    for (;;) {
      facts.push(...(await this.pageFacts()));
      const next = this.pager.locator('a[rel="next"]');
      if ((await next.count()) === 0) break;
      const before = this.page.url();
      await next.click();
      await expect.poll(() => this.page.url()).not.toBe(before);
      await expect(this.view).toBeVisible();
    }
    if (this.page.url() !== start) await this.page.goto(start);
    return facts;
  }

  /** The places of the page shown. */
  async pageFacts(): Promise<ParallelPlaceFacts[]> {
    await expect(this.view).toBeVisible();
    return this.places.evaluateAll((items) =>
      items.map((item) => ({
        slug: item.getAttribute("data-slug") ?? "",
        anchor: item.getAttribute("data-anchor") ?? "",
        title: item.querySelector("a")?.textContent ?? "",
        quoted: [...item.querySelectorAll("q")].map((q) => q.textContent ?? ""),
      })),
    );
  }

  /** Opens the other essay at the shared words (the place's title link). */
  async follow(place: ParallelPlaceFacts) {
    await this.places.and(this.page.locator(`[data-slug="${place.slug}"][data-anchor="${place.anchor}"]`)).first().locator("a").first().click();
  }
}
