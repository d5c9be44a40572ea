import { expect, type Locator, type Page } from "@playwright/test";

/** What ReaderPage.slugOf found in this worker, by the title pattern asked for (its source and flags). */
const slugsByTitle = new Map<string, string>();

export class ReaderPage {
  readonly title: Locator;
  readonly paragraphs: Locator;
  readonly markers: Locator;
  readonly copiedLink: Locator;
  readonly selectionButton: Locator;
  readonly notice: Locator;
  readonly popover: Locator;
  readonly unattachedFragments: Locator;

  constructor(readonly page: Page) {
    this.title = page.locator("#document-title");
    this.paragraphs = page.locator("p[data-block]");
    this.markers = page.locator("button.note-marker");
    this.copiedLink = page.locator("[data-copied-link]");
    this.selectionButton = page.getByRole("button", { name: "Copy link to selection" });
    this.notice = page.locator("[data-link-notice]");
    this.popover = page.locator(".note-popover:popover-open");
    this.unattachedFragments = page.locator("[data-unattached-fragments]");
  }

  async goto(path: string) {
    await this.page.goto(path);
    await expect(this.title).toBeVisible();
  }

  /**
   * The slug of a corpus document, found from the home page by its title: loaded once per title in a worker, after
   * which `page` is not navigated (a caller that needs the home page goes there). A corpus essay keeps its slug for
   * the whole run (it comes from its manifest; the essays tests add and remove have slugs of their own), and the
   * home page was loaded about 35 times a run for these two answers.
   */
  static async slugOf(page: Page, title: RegExp): Promise<string> {
    const known = ReaderPage.knownSlug(title);
    if (known) return known;
    await page.goto("/");
    // The link to read it (a facet of the catalogue may be named like a title: a concept, a journal).
    const href = await page.locator('a[href^="/read/"]').filter({ hasText: title }).first().getAttribute("href");
    const slug = decodeURIComponent(href!.replace(/^\/read\//, ""));
    slugsByTitle.set(String(title), slug);
    return slug;
  }

  /** The slug slugOf found for this title earlier in this worker, if it did. */
  static knownSlug(title: RegExp): string | undefined {
    return slugsByTitle.get(String(title));
  }

  marker(status: "present" | "missing" | "truncated" | "unlocated"): Locator {
    return this.page.locator(`button.note-marker[data-status="${status}"]`);
  }

  /** The marker calling a note, by the note's anchor (the first, when several call it). */
  markerOf(noteAnchor: string, idPrefix = ""): Locator {
    const inPane = idPrefix ? `[id^="${idPrefix}"]` : "";
    return this.page.locator(`button.note-marker${inPane}[data-note="${noteAnchor}"]`).first();
  }

  /** A note's entry in the notes list. */
  noteItem(noteAnchor: string, idPrefix = ""): Locator {
    return this.page.locator(`[id="${idPrefix}${noteAnchor}"][data-note-item]`);
  }

  /** The editorial-correction mark of a heading or paragraph (the one just after it). */
  blockCorrection(blockAnchor: string): Locator {
    return this.page.locator(`[data-block="${blockAnchor}"] + .block-correction [data-correction]`).first();
  }

  paragraph(anchor: string): Locator {
    return this.page.locator(`p[data-block="${anchor}"]`);
  }

  async copyParagraphLink(anchor: string): Promise<string> {
    const paragraph = this.paragraph(anchor);
    await paragraph.hover();
    await paragraph.locator("xpath=..").locator("[data-copy-link]").click();
    return this.readCopiedLink((href) => !href.includes("?") && href.endsWith(`#${encodeURIComponent(anchor)}`));
  }

  /** Selects `words` inside a paragraph (the first run containing them) and copies the selection link. */
  async copySelectionLink(anchor: string, words: string): Promise<string> {
    await this.paragraph(anchor).scrollIntoViewIfNeeded();
    const found = await this.paragraph(anchor).evaluate((block, wanted) => {
      for (const run of block.querySelectorAll<HTMLElement>("[data-o]")) {
        const walker = document.createTreeWalker(run, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          const at = node.data.indexOf(wanted);
          if (at === -1) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + wanted.length);
          const selection = window.getSelection()!;
          selection.removeAllRanges();
          selection.addRange(range);
          return true;
        }
      }
      return false;
    }, words);
    expect(found, `"${words}" is in one text run of ${anchor}`).toBe(true);
    await this.selectionButton.click();
    return this.readCopiedLink((href) => new URL(href, "http://duizhao.test").searchParams.get("q") === words);
  }

  /**
   * The link the copy confirmation shows, once it is the one just copied: the confirmation of an earlier
   * copy may still be on screen when the next begins.
   */
  async readCopiedLink(isExpected: (href: string) => boolean): Promise<string> {
    let href = "";
    await expect
      .poll(async () => {
        href = (await this.copiedLink.getAttribute("data-copied-link", { timeout: 1000 }).catch(() => null)) ?? "";
        return isExpected(href);
      })
      .toBe(true);
    await this.page.evaluate(() => window.getSelection()?.removeAllRanges());
    return href;
  }

  /** What the page marked on the latest arrival (blocks and the marker singled out). */
  get landed(): Locator {
    return this.page.locator("[data-landed]");
  }

  /** The "↩ 返回正文" link of a note in the notes list. */
  backLink(noteAnchor: string): Locator {
    return this.noteItem(noteAnchor).locator("[data-back-link]");
  }

  /** The first step of the footnote trail breadcrumb: where the trail started. */
  get trailStart(): Locator {
    return this.page.getByRole("navigation", { name: "Footnote trail" }).locator("li").first().getByRole("link");
  }

  /**
   * Where an element's top stands, as a fraction of the window's height (0 the top edge, 1 the bottom):
   * an arrival puts what it lands on near a third of the way down, not at the edge.
   */
  async screenPosition(locator: Locator): Promise<number> {
    return locator.evaluate((element) => element.getBoundingClientRect().top / window.innerHeight);
  }

  /** Whether an element is within the viewport (at least partly). */
  async inViewport(locator: Locator): Promise<boolean> {
    return locator.evaluate((element) => {
      const rect = element.getBoundingClientRect();
      return rect.bottom > 0 && rect.top < window.innerHeight && rect.height > 0;
    });
  }
}
