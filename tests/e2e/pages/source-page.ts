import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";

export interface ApiSourceCitation {
  documentSlug: string;
  noteAnchor: string;
  citationAnchor: string;
  raw: string;
  block: { kind: string; anchor: string } | null;
}

export interface ApiSource {
  key: string;
  title: string | null;
  citations: ApiSourceCitation[];
  documents: { slug: string; title: string; citations: number }[];
}

export class SourcePage {
  readonly root: Locator;
  readonly title: Locator;
  readonly breadcrumb: Locator;
  readonly trailSteps: Locator;
  readonly trailNotice: Locator;
  readonly citingNotes: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("source-page");
    this.title = page.getByRole("heading", { level: 1 });
    this.breadcrumb = page.getByRole("navigation", { name: "Footnote trail" });
    this.trailSteps = this.breadcrumb.locator("li");
    this.trailNotice = page.getByTestId("trail-notice");
    this.citingNotes = page.getByTestId("citing-note");
  }

  async goto(path: string) {
    await this.page.goto(path);
    await expect(this.root).toBeVisible();
  }

  citingNote(noteAnchor: string): Locator {
    return this.page.locator(`[data-testid="citing-note"][data-note="${noteAnchor}"]`);
  }

  /** A citing note's "Go to note [n]" link (the reader at the note in its list). */
  goToNote(noteAnchor: string): Locator {
    return this.citingNote(noteAnchor).getByRole("link", { name: /^Go to note / });
  }

  exportLink(format: "bibtex" | "ris" | "csl-json" | "gbt7714"): Locator {
    return this.page.locator(`a[data-format="${format}"]`);
  }

  /** A source both named documents cite, found through the API by a fragment of its title. */
  static async sharedSource(request: APIRequestContext, titleFragment: string): Promise<ApiSource> {
    const list = (await (await request.get("/api/sources")).json()) as { sources: { key: string; title: string | null; citedIn: unknown[] }[] };
    const found = list.sources.find((source) => source.title?.includes(titleFragment) && source.citedIn.length >= 2);
    expect(found, `a shared source titled …${titleFragment}…`).toBeTruthy();
    return (await (await request.get(`/api/sources/${found!.key}`)).json()) as ApiSource;
  }
}
