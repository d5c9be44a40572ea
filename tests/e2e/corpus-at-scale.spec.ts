import fs from "node:fs";
import { scanWithAxe } from "./axe-scan";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { documentsApiHref, parallelsHref } from "@/lib/urls/app-urls";
import { TYPE_AHEAD_SUGGESTIONS } from "@/lib/urls/url-grammar";
import { startScaleApp, type ScaleApp } from "./corpus-at-scale-app";
import { SCALE_CORPUS_ESSAYS } from "./corpus-at-scale-settings";
import { readCatalogueCards } from "./pages/catalogue-cards";
import { ComparePage } from "./pages/compare-page";
import { readCompareSuggestions } from "./pages/compare-suggestions";
import { ConceptPage } from "./pages/concept-page";
import { ConcordancePager } from "./pages/concordance-pager";
import { HomePage } from "./pages/home-page";
import { sidewaysOverflow } from "./pages/page-width";
import { type ParallelPlaceFacts, ParallelsPage } from "./pages/parallels-page";
import { ReaderPage } from "./pages/reader-page";

/**
 * The corpus at scale (issue 15), in a browser, on 300 essays (the 2 corpus essays and 298 synthetic ones,
 * built by the "corpus-at-scale setup" project into a database and app of their own): an essay found by
 * facets and by title, read side by side with the text sharing most with it, a paragraph's parallels
 * followed into another essay, a concordance paged through. Each outcome is checked against the database
 * itself (queries written here, not the app's) or the API, never against a slug written into the test.
 */

/** What the catalogue, the concordance and the parallels view promise (README, components), in the test's words. */
const CATALOGUE_PAGE_SIZE = 20;
const CONCORDANCE_PAGE_SIZE = 50;
/** A parallel is a run of at least this many characters both texts share (the passage index's definition, README). */
const SHARED_RUN_MIN = 12;
/**
 * The concordance walked page by page, every line checked: the concept with the most mentions that fits in
 * this many pages (each page is a server render on a shared 2-core machine; the biggest concordance, over a
 * hundred pages, is checked at its ends instead). At least 3 pages, so that one page has both neighbours.
 */
const CONCORDANCE_PAGES_WALKED = 7;
const CONCORDANCE_PAGES_MIN = 3;
/** A stock phrase: words held by a fifth of the corpus's essays, and never fewer than five (README, "Parallels"). */
const STOCK_PHRASE_SHARE = 0.2;
const STOCK_PHRASE_MIN_DOCUMENTS = 5;
/** Scores of the suggestions are sums of logarithms, added up in another order here than in the app. */
const SCORE_TOLERANCE = 1e-9;
const PHONE = { width: 390, height: 844 };

let app: ScaleApp;
let sql: pg.Client;
/** The essay the journeys follow: found by facets, then by its title, then read beside others. */
let target: { slug: string; title: string };

async function rows<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  return (await sql.query<T>(text, values)).rows;
}

/** Refreshed only when asked (DUIZHAO_SCREENSHOTS=1), as the other specs' screenshots are. */
async function shot(page: Page, name: string) {
  if (!process.env.DUIZHAO_SCREENSHOTS) return;
  fs.mkdirSync("docs/screenshots", { recursive: true });
  await page.screenshot({ path: `docs/screenshots/corpus-at-scale-${name}.png` });
}

async function noAxeViolations(page: Page) {
  const results = await scanWithAxe(page);
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
}

/** The longest run of characters two texts share. */
function longestSharedRun(a: string, b: string): number {
  let best = 0;
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) best = Math.max(best, (current[j] = previous[j - 1]! + 1));
    }
    previous = current;
  }
  return best;
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  app = await startScaleApp();
  sql = new pg.Client({ connectionString: app.databaseUrl });
  await sql.connect();
});

test.afterAll(async () => {
  await sql?.end();
  await app?.stop();
});

test("finds essays by journal and year: every card matches, and the counts agree with the address and the database", async ({ page }) => {
  test.setTimeout(120_000);
  const home = new HomePage(page);
  await home.goto();
  await expect(home.count).toHaveText(`${SCALE_CORPUS_ESSAYS} documents`);
  await expect(home.documents).toHaveCount(CATALOGUE_PAGE_SIZE);

  // The journal most essays appeared in: listed first, with as many essays as the database holds for it.
  const journals = await rows<{ journal: string; count: string }>(
    `select journal, count(*) as count from "Document" where journal is not null group by journal order by count(*) desc, journal`,
  );
  const journal = journals[0]!.journal;
  const journalEssays = Number(journals[0]!.count);
  const journalValue = home.facet("journal").getByTestId("facet-value").first();
  await expect(journalValue).toHaveText(journal);
  await expect(journalValue.locator("xpath=..")).toContainText(String(journalEssays));
  await journalValue.click();
  await expect.poll(() => new URL(page.url()).searchParams.get("journal")).toBe(journal);
  expect(new URL(page.url()).searchParams.get("year")).toBeNull();
  await expect(home.count).toContainText(`${journalEssays} of ${SCALE_CORPUS_ESSAYS} documents`);

  // Within it, each year counted as the database counts it; the year with the most essays chosen.
  const years = await rows<{ year: string; count: string }>(
    `select left(date, 4) as year, count(*) as count from "Document" where journal = $1 and date like '____%' group by 1 order by 2 desc, 1 desc`,
    [journal],
  );
  const shownYears = await home.facet("year").getByTestId("facet-value").evaluateAll((links) =>
    links.map((link) => `${link.textContent}:${link.parentElement?.querySelector("span")?.firstChild?.textContent ?? ""}`),
  );
  expect(shownYears.sort()).toEqual(years.map((y) => `${y.year}:${y.count}`).sort());
  const year = years[0]!.year;
  const expected = (
    await rows<{ slug: string }>(`select slug from "Document" where journal = $1 and left(date, 4) = $2 order by slug`, [journal, year])
  ).map((row) => row.slug);
  expect(expected.length).toBe(Number(years[0]!.count));
  await home.facet("year").getByTestId("facet-value").filter({ hasText: new RegExp(`^${year}$`) }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get("year")).toBe(year);
  expect(new URL(page.url()).searchParams.get("journal")).toBe(journal);
  await expect(home.count).toContainText(`${expected.length} of ${SCALE_CORPUS_ESSAYS} documents`);
  await expect(home.facet("journal").locator('[aria-current="true"]')).toHaveText(journal);
  await expect(home.facet("year").locator('[aria-current="true"]')).toHaveText(year);
  await noAxeViolations(page);
  await shot(page, "catalogue-desktop");

  // Every card of every page of the narrowed list: of that journal and year, each essay once, none missing.
  const listed: string[] = [];
  for (let pageNumber = 1; ; pageNumber++) {
    const cards = await readCatalogueCards(home.documents);
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      expect(card.byline, card.slug).toContain(journal);
      expect(card.byline, card.slug).toMatch(new RegExp(` · ${year}(-|$)`));
    }
    listed.push(...cards.map((card) => card.slug));
    const next = home.pagination.getByRole("link", { name: /Next/ });
    if ((await next.count()) === 0) break;
    await next.click();
    await expect.poll(() => new URL(page.url()).searchParams.get("page")).toBe(String(pageNumber + 1));
    await expect(home.pagination.locator('[aria-current="page"]')).toHaveText(new RegExp(`^\\s*(Page )?${pageNumber + 1}\\s*$`));
  }
  expect([...listed].sort()).toEqual(expected);

  // The essay the other journeys follow: the first listed that shares passages and suggests texts to read beside it.
  for (const slug of listed) {
    const html = await (await page.request.get(`/read/${encodeURIComponent(slug)}`)).text();
    if (html.includes("data-parallels=") && html.includes('data-testid="compare-suggestions"')) {
      const [row] = await rows<{ title: string }>(`select title from "Document" where slug = $1`, [slug]);
      target = { slug, title: row!.title };
      break;
    }
  }
  expect(target, `an essay of ${journal}, ${year} with parallels and suggestions`).toBeDefined();
});

test("finds the essay by typing part of its title, and opens it", async ({ page, request }) => {
  const home = new HomePage(page);
  await home.goto();
  // The words before the subtitle, as someone remembering a title would type them.
  const words = target.title.split("：")[0]!;
  const api = (await (await request.get(documentsApiHref({ q: words, pageSize: TYPE_AHEAD_SUGGESTIONS }))).json()) as { total: number };
  expect(api.total).toBeGreaterThan(0);
  await home.search.type(words);
  await expect(home.search.options).toHaveCount(Math.min(TYPE_AHEAD_SUGGESTIONS, api.total));
  for (const option of await home.search.options.allTextContents()) expect(option).toContain(words);
  await home.search.choose(words, target.slug, "keyboard");
  await expect.poll(() => new URL(page.url()).pathname).toBe(`/read/${target.slug}`);
  await expect(new ReaderPage(page).title).toContainText(target.title);
});

test("opens the essay side by side with its first suggestion, the text sharing the most with it", async ({ page }) => {
  test.setTimeout(90_000);
  const reader = new ReaderPage(page);
  await reader.goto(`/read/${target.slug}`);
  const suggestions = await readCompareSuggestions(page);
  expect(suggestions.length).toBeGreaterThan(0);

  // What every other essay shares with this one, from the rows themselves: distinct works both cite and
  // concepts both mention, each weighted by its rarity, ln(1 + N / essays holding it) (README, "Finding essays").
  const shared = await rows<{ slug: string; sources: string; concepts: string; score: number }>(
    `with held as (
       select distinct "documentId" as doc, 'work ' || "sourceId" as thing from "Citation" where "sourceId" is not null
       union
       select distinct "documentId" as doc, 'concept ' || "conceptId" as thing from "ConceptMention"
     ),
     rarity as (select thing, ln(1 + (select count(*) from "Document")::float8 / count(*)) as weight from held group by thing),
     mine as (select thing from held where doc = (select id from "Document" where slug = $1))
     select d.slug,
       count(*) filter (where other.thing like 'work %') as sources,
       count(*) filter (where other.thing like 'concept %') as concepts,
       sum(rarity.weight) as score
     from mine
     join held other on other.thing = mine.thing
     join rarity on rarity.thing = mine.thing
     join "Document" d on d.id = other.doc
     where d.slug <> $1
     group by d.slug
     order by score desc`,
    [target.slug],
  );
  const bySlug = new Map(shared.map((row) => [row.slug, row]));
  const best = shared[0]!.score;
  // The first suggestion shares the most (ties broken by the app's own rule, so any tied essay may lead).
  expect(bySlug.get(suggestions[0]!.right)?.score ?? -1).toBeCloseTo(best, -Math.log10(SCORE_TOLERANCE));
  // Each suggestion in order of what it shares, saying what the database says it shares.
  expect(suggestions.map((s) => Number(bySlug.get(s.right)?.score.toFixed(9)))).toEqual(shared.slice(0, suggestions.length).map((row) => Number(row.score.toFixed(9))));
  for (const suggestion of suggestions) {
    const row = bySlug.get(suggestion.right)!;
    expect([suggestion.left, suggestion.sharedSources, suggestion.sharedConcepts], suggestion.right).toEqual([target.slug, Number(row.sources), Number(row.concepts)]);
  }

  const first = suggestions[0]!;
  await page.getByTestId("compare-suggestions").getByRole("link").first().click();
  await expect.poll(() => new URL(page.url()).pathname).toBe("/compare");
  const view = new URL(page.url()).searchParams;
  expect([view.get("left"), view.get("right")]).toEqual([target.slug, first.right]);
  // The essay on the left, the suggestion on the right, each under its own title.
  const compare = new ComparePage(page);
  await expect(compare.left.locator("article[data-slug]")).toHaveAttribute("data-slug", target.slug);
  await expect(compare.right.locator("article[data-slug]")).toHaveAttribute("data-slug", first.right);
  await expect(compare.left.getByRole("heading", { level: 1 }).first()).toContainText(target.title);
  await expect(compare.right.getByRole("heading", { level: 1 }).first()).toContainText(first.title);
});

test.describe("at phone width", () => {
  test.use({ viewport: PHONE });

  test("follows a paragraph's parallels into another essay and lands at the shared words", async ({ page }) => {
    test.setTimeout(120_000);
    const reader = new ReaderPage(page);
    const parallels = new ParallelsPage(page);
    // A paragraph whose parallels share more than stock phrases with it (its view lists them): the essay's own
    // first, else (the essay may quote only what a fifth of the corpus quotes) the paragraphs with fewest places
    // in the corpus, from the passage index itself, the first whose view lists a parallel.
    const others = await rows<{ slug: string; anchor: string }>(
      `select d.slug, p."blockAnchor" as anchor from "PassageFingerprint" p join "Document" d on d.id = p."documentId"
       where p."blockKind" = 'paragraph' and p."parallelPlaces" > 0 and d.slug <> $1 order by p."parallelPlaces", d.slug, p."blockAnchor" limit 20`,
      [target.slug],
    );
    const own = (await rows<{ anchor: string }>(
      `select p."blockAnchor" as anchor from "PassageFingerprint" p join "Document" d on d.id = p."documentId" join "Paragraph" g on g."documentId" = d.id and g.anchor = p."blockAnchor"
       where d.slug = $1 and p."parallelPlaces" > 0 order by g.ordinal`,
      [target.slug],
    )).map((row) => ({ slug: target.slug, anchor: row.anchor }));
    let chosen: { slug: string; anchor: string } | undefined;
    for (const block of [...own, ...others]) {
      const html = await (await page.request.get(parallelsHref(block.slug, block.anchor))).text();
      if (Number(/data-parallel-places="(\d+)"/.exec(html)?.[1] ?? 0) > 0) {
        chosen = block;
        break;
      }
    }
    expect(chosen, "a paragraph with a parallel that is more than a stock phrase").toBeDefined();
    const essay = chosen!.slug;
    await reader.goto(`/read/${essay}`);
    const link = page.locator(`a[data-parallels="${chosen!.anchor}"]`);
    const promised = await ParallelsPage.linkFacts(link);
    await link.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/read/${essay}/parallels/${promised.anchor}`);

    // As many places, in as many other essays, as the reader said, listed or (stock phrases only) listed on
    // request; none of them in this essay, and none in both lists.
    const counts = await parallels.counts();
    expect(counts.parallels + counts.stockOnly).toBe(promised.places);
    const listed = await parallels.placeFacts();
    expect(listed).toHaveLength(counts.parallels);
    let stockOnly: ParallelPlaceFacts[] = [];
    if (counts.stockOnly > 0) {
      await parallels.stockOnlyLink.click();
      await expect.poll(() => new URL(page.url()).searchParams.get("show")).toBe("stock");
      stockOnly = await parallels.placeFacts();
      expect(stockOnly).toHaveLength(counts.stockOnly);
      await page.goBack();
    }
    const places = [...listed, ...stockOnly];
    expect(new Set(places.map((place) => `${place.slug}#${place.anchor}`)).size).toBe(promised.places);
    expect(new Set(places.map((place) => place.slug)).size).toBe(promised.documents);
    expect(places.filter((place) => place.slug === essay)).toEqual([]);
    await expect(parallels.summary).toContainText(`${promised.places} place`);
    const paragraph = (await parallels.paragraph.textContent())!;
    for (const place of places) {
      for (const quoted of place.quoted) expect(longestSharedRun(quoted, paragraph), `${place.slug}#${place.anchor}: ${quoted}`).toBeGreaterThanOrEqual(SHARED_RUN_MIN);
    }
    await noAxeViolations(page);
    expect(await sidewaysOverflow(page)).toBe(0);
    await shot(page, "parallels-phone");

    // The first place listed opens its essay at the shared words: the block named, its words highlighted, on screen.
    const place = listed[0]!;
    await parallels.follow(place);
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/read/${place.slug}`);
    expect(decodeURIComponent(new URL(page.url()).hash.slice(1))).toBe(place.anchor);
    await expect(reader.title).toContainText(place.title);
    const highlighted = page.locator(`[data-block="${place.anchor}"] mark[data-search-hit]`);
    await expect(highlighted.first()).toBeVisible();
    expect((await highlighted.allTextContents()).join("")).toBe(place.quoted[0]);
    await expect.poll(() => reader.inViewport(highlighted.first())).toBe(true);
    expect(await sidewaysOverflow(page)).toBe(0);
  });

  test("names a popular quotation's stock phrases instead of listing its hundred places, and lists them on request", async ({ page }) => {
    test.setTimeout(180_000);
    // Of the paragraphs with most places in the corpus (from the passage index itself), the first whose view
    // counts places sharing only stock phrases (the busiest may share many quotations, none of them stock).
    const busiestParagraphs = await rows<{ slug: string; anchor: string; places: number; documents: number }>(
      `select d.slug, p."blockAnchor" as anchor, p."parallelPlaces" as places, p."parallelDocuments" as documents
       from "PassageFingerprint" p join "Document" d on d.id = p."documentId"
       where p."blockKind" = 'paragraph' order by p."parallelPlaces" desc, d.slug, p."blockAnchor" limit 20`,
    );
    let busiest: (typeof busiestParagraphs)[number] | undefined;
    for (const block of busiestParagraphs) {
      const html = await (await page.request.get(parallelsHref(block.slug, block.anchor))).text();
      if (Number(/data-stock-only-places="(\d+)"/.exec(html)?.[1] ?? 0) > 0) {
        busiest = block;
        break;
      }
    }
    expect(busiest, "a paragraph among the busiest sharing a stock phrase").toBeDefined();
    const parallels = new ParallelsPage(page);
    await page.goto(parallelsHref(busiest!.slug, busiest!.anchor));
    const counts = await parallels.counts();
    expect(counts.parallels + counts.stockOnly).toBe(busiest!.places);
    expect(counts.stockOnly, "a quotation so many essays hold is a stock phrase").toBeGreaterThan(0);
    await expect(parallels.summary).toContainText(`${busiest!.places} places`);
    await expect(parallels.summary).toContainText(`${counts.parallels} more than stock phrases, ${counts.stockOnly} only stock phrases`);
    // Only the places sharing more than stock phrases are listed on the view (none at all when there are none).
    expect(await parallels.placeFacts()).toHaveLength(counts.parallels);

    // Each stock phrase: words of this paragraph, held by a fifth of the corpus or more, as many essays as a
    // search for those very words finds; the places sharing only stock phrases each share one of them.
    const paragraph = (await parallels.paragraph.textContent())!;
    const phrases = await parallels.stockPhraseFacts();
    expect(phrases.length).toBeGreaterThan(0);
    for (const phrase of phrases) {
      expect(paragraph).toContain(phrase.words);
      expect(phrase.documents).toBeGreaterThanOrEqual(Math.max(STOCK_PHRASE_MIN_DOCUMENTS, SCALE_CORPUS_ESSAYS * STOCK_PHRASE_SHARE));
    }
    expect(phrases.reduce((sum, phrase) => sum + phrase.places, 0)).toBeGreaterThanOrEqual(counts.stockOnly);
    await noAxeViolations(page);
    expect(await sidewaysOverflow(page)).toBe(0);
    await shot(page, "stock-phrases-phone");

    const first = phrases[0]!;
    await parallels.stockPhrases.first().getByTestId("stock-phrase-search").click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/search");
    await expect(page.locator("#search-summary")).toContainText(` in ${first.documents} documents`);

    // Listed on request: every place sharing only stock phrases, once, over its pages; none in this essay.
    await page.goBack();
    await parallels.stockOnlyLink.click();
    await expect.poll(() => new URL(page.url()).searchParams.get("show")).toBe("stock");
    const stockOnly = await parallels.placeFacts();
    expect(stockOnly).toHaveLength(counts.stockOnly);
    expect(new Set(stockOnly.map((place) => `${place.slug}#${place.anchor}`)).size).toBe(counts.stockOnly);
    expect(stockOnly.filter((place) => place.slug === busiest!.slug)).toEqual([]);
    for (const place of stockOnly) {
      expect(place.quoted.some((quoted) => phrases.some((phrase) => longestSharedRun(quoted, phrase.words) >= SHARED_RUN_MIN)), `${place.slug}#${place.anchor}`).toBe(true);
    }
    await noAxeViolations(page);
    expect(await sidewaysOverflow(page)).toBe(0);
  });
});

test("pages through a concordance: every line once, in order, the total the same everywhere", async ({ page, request }) => {
  test.setTimeout(240_000);
  const { concepts } = (await (await request.get("/api/concepts")).json()) as { concepts: { id: string; total: number; members: unknown[] }[] };
  const mentions = new Map(
    (await rows<{ id: string; count: string }>(`select "conceptId" as id, count(*) as count from "ConceptMention" group by 1`)).map((row) => [row.id, Number(row.count)]),
  );
  const pagesOf = (total: number) => Math.ceil(total / CONCORDANCE_PAGE_SIZE);
  // A concept of its own (no member items counted in), its mentions as the database counts them.
  const walkable = concepts
    .filter((concept) => concept.members.length === 0)
    .map((concept) => ({ id: concept.id, total: mentions.get(concept.id) ?? 0 }))
    .filter(({ total }) => pagesOf(total) >= CONCORDANCE_PAGES_MIN && pagesOf(total) <= CONCORDANCE_PAGES_WALKED)
    .sort((a, b) => b.total - a.total);
  expect(walkable.length, "a concept whose concordance spans a few pages").toBeGreaterThan(0);
  const { id, total } = walkable[0]!;
  const last = pagesOf(total);

  // The API's lines, a hundred at a time: the order every page must follow.
  const inOrder: string[] = [];
  for (let at = 1; inOrder.length < total; at++) {
    const answer = (await (await request.get(`/api/concepts/${id}?page=${at}&pageSize=100`)).json()) as { mentionsTotal: number; mentions: { href: string }[] };
    expect(answer.mentionsTotal).toBe(total);
    expect(answer.mentions.length).toBeGreaterThan(0);
    inOrder.push(...answer.mentions.map((mention) => mention.href));
  }
  expect(new Set(inOrder).size).toBe(total);

  const concept = new ConceptPage(page);
  const pager = new ConcordancePager(page);
  await concept.goto(id);
  await expect(page.locator("#concordance-heading")).toContainText(`(${total})`);
  const seen: string[][] = [];
  for (let number = 1; ; number++) {
    await pager.isAt(number);
    const from = (number - 1) * CONCORDANCE_PAGE_SIZE;
    const lines = await pager.lineHrefs();
    expect(lines).toHaveLength(Math.min(CONCORDANCE_PAGE_SIZE, total - from));
    await expect(pager.range).toHaveText(`${from + 1}–${from + lines.length} of ${total}`);
    seen.push(lines);
    if (number === last) break;
    await pager.next();
  }
  await expect(pager.nav.getByRole("link", { name: /Next/ })).toHaveCount(0);
  // No line repeated, none skipped: the pages laid end to end are the API's lines.
  expect(seen.flat()).toEqual(inOrder);

  // Back a page, and to the first by its number: the same lines as on the way out.
  await pager.previous();
  await pager.isAt(last - 1);
  expect(await pager.lineHrefs()).toEqual(seen[last - 2]);
  await pager.goToPage(1);
  await pager.isAt(1);
  expect(await pager.lineHrefs()).toEqual(seen[0]);
  await expect(pager.nav.getByRole("link", { name: /Previous/ })).toHaveCount(0);

  // The biggest concordance of the corpus (thousands of lines), at its far end: its last page by number.
  const biggest = concepts.filter((c) => c.members.length === 0).sort((a, b) => (mentions.get(b.id) ?? 0) - (mentions.get(a.id) ?? 0))[0]!;
  const biggestTotal = mentions.get(biggest.id)!;
  const biggestLast = pagesOf(biggestTotal);
  expect(biggestLast).toBeGreaterThan(CONCORDANCE_PAGES_WALKED);
  await concept.goto(biggest.id);
  await expect(pager.range).toHaveText(`1–${CONCORDANCE_PAGE_SIZE} of ${biggestTotal}`);
  await pager.goToPage(biggestLast);
  await pager.isAt(biggestLast);
  const tail = (await (await request.get(`/api/concepts/${biggest.id}?page=${biggestLast}&pageSize=${CONCORDANCE_PAGE_SIZE}`)).json()) as { mentions: { href: string }[] };
  expect(await pager.lineHrefs()).toEqual(tail.mentions.map((mention) => mention.href));
  expect(tail.mentions).toHaveLength(biggestTotal - (biggestLast - 1) * CONCORDANCE_PAGE_SIZE);
  await expect(pager.range).toHaveText(`${(biggestLast - 1) * CONCORDANCE_PAGE_SIZE + 1}–${biggestTotal} of ${biggestTotal}`);
});
