import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ESSAY_SLUG, originalEssay, passages } from "../fixtures/annotations/annotated-essay";
import { ImportedAnnotationsList } from "./pages/imported-annotations-list";
import { ReaderPage } from "./pages/reader-page";
import { CHANGES_THE_SUITE_CORPUS, E2E_DATABASE_URL, ingestTestEssay, removeTestEssay } from "./test-essays";

test.describe.configure({ lock: CHANGES_THE_SUITE_CORPUS });

/**
 * W3C Web Annotation exchange, end to end: the exports as a client fetches them, and a Hypothesis export
 * imported with `npm run annotations -- import` and listed on the reader page, whose links land on the words.
 */
const MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
const HYPOTHESIS_FIXTURE = path.resolve("tests/fixtures/annotations/hypothesis-export.json");
const dir = path.resolve("test-results", "web-annotations-corpus");
/** With DUIZHAO_SCREENSHOTS=1 the list's screenshots refresh docs/screenshots, as the reader's do. */
const shots = process.env.DUIZHAO_SCREENSHOTS ? path.resolve("docs", "screenshots") : path.resolve("test-results", "web-annotations");

function ingestEssay() {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "essay.txt");
  fs.writeFileSync(file, originalEssay());
  fs.writeFileSync(path.join(dir, "essay.manifest.json"), JSON.stringify({ slug: ESSAY_SLUG, title: "数字治理中的规则互认", authors: ["赵六"] }));
  ingestTestEssay(file);
}

const removeEssay = () => removeTestEssay(ESSAY_SLUG);

test.describe("W3C Web Annotation", () => {
  test.beforeAll(() => {
    removeEssay();
    ingestEssay();
  });
  test.afterAll(removeEssay);

  test("a document's cross-document links: an AnnotationCollection with the Web Annotation profile, two targets each", async ({ request }) => {
    const { documents } = (await (await request.get("/api/documents")).json()) as { documents: { slug: string }[] };
    const corpus = documents.map((document) => document.slug).filter((slug) => slug !== ESSAY_SLUG);
    let links = 0;
    for (const slug of corpus) {
      const response = await request.get(`/api/annotations/documents/${slug}`);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe(MEDIA_TYPE);
      const collection = await response.json();
      expect(collection).toMatchObject({ "@context": "http://www.w3.org/ns/anno.jsonld", type: "AnnotationCollection", id: expect.stringMatching(new RegExp(`/api/annotations/documents/${slug}$`)) });
      links += collection.total;
      for (const annotation of collection.first?.items ?? []) {
        expect(annotation).toMatchObject({ type: "Annotation", motivation: "linking" });
        expect(annotation.target).toHaveLength(2);
        expect(annotation.target[0].source).toMatch(new RegExp(`^http://[^/]+/read/${slug}$`));
      }
      const head = await request.head(`/api/annotations/documents/${slug}`);
      expect(head.status()).toBe(200);
      expect(head.headers()["content-type"]).toBe(MEDIA_TYPE);
    }
    // The two corpus essays cite common works and treat common concepts: their links are there.
    expect(links).toBeGreaterThan(0);
  });

  test("malformed requests answer 4xx with a reason", async ({ request }) => {
    for (const [address, status, says] of [
      [`/api/annotations/documents/${ESSAY_SLUG}?page=x`, 400, "page must be a whole number"],
      [`/api/annotations/documents/${ESSAY_SLUG}?page=3`, 404, "page 3"],
      [`/api/annotations/documents/${ESSAY_SLUG}?pages=1`, 400, "pages"],
      ["/api/annotations/documents/Not_A_Slug", 400, "slug"],
      ["/api/annotations/documents/%E0", 400, "percent-encoding"],
      ["/api/annotations/documents/no-such-essay", 404, "no-such-essay"],
      [`/api/annotations/documents/${ESSAY_SLUG}/passage`, 400, "q=<words>"],
      [`/api/annotations/documents/${ESSAY_SLUG}/passage?q=%20`, 400, "the quote is empty"],
      [`/api/annotations/documents/${ESSAY_SLUG}/passage?q=a&q=b`, 400, "repeated"],
      [`/api/annotations/documents/${ESSAY_SLUG}/passage?q=${encodeURIComponent("从未写过的一句话在这里")}`, 404, "no longer in the text"],
    ] as const) {
      const response = await request.get(address);
      expect(response.status(), address).toBe(status);
      expect((await response.json()).error, address).toContain(says);
    }
  });

  test("a passage link exported as an annotation: its words, their positions and their block", async ({ page, request }) => {
    const reader = new ReaderPage(page);
    await reader.goto(`/read/${ESSAY_SLUG}`);
    const anchor = (await page.locator("p[data-block]", { hasText: passages.annotated }).getAttribute("data-block"))!;
    const link = new URL(await reader.copySelectionLink(anchor, passages.annotated), "http://duizhao.test");
    const response = await request.get(`/api/annotations/documents/${ESSAY_SLUG}/passage${link.search}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe(MEDIA_TYPE);
    const annotation = await response.json();
    expect(annotation).toMatchObject({ type: "Annotation", motivation: "highlighting", target: { source: expect.stringMatching(new RegExp(`/read/${ESSAY_SLUG}$`)) } });
    const [quote, , fragment] = annotation.target.selector;
    expect(quote).toMatchObject({ type: "TextQuoteSelector", exact: passages.annotated });
    expect(fragment).toMatchObject({ type: "FragmentSelector", value: anchor, refinedBy: { type: "TextPositionSelector", start: 3, end: 3 + passages.annotated.length } });
  });

  test("a Hypothesis export imported: listed on the reader (a cached page too), links landing on the words, orphans with their reason", async ({ page }) => {
    const reader = new ReaderPage(page);
    const list = new ImportedAnnotationsList(page);
    // Rendered and cached before the import: the import must drop it.
    await reader.goto(`/read/${ESSAY_SLUG}`);
    await expect(list.root).toHaveCount(0);

    const report = execFileSync("npm", ["run", "-s", "annotations", "--", "import", HYPOTHESIS_FIXTURE], { env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL }, encoding: "utf8" });
    expect(report).toContain("orphan hyp-ambiguous in annotated-essay");
    expect(report).toContain("2 anchored, 2 orphaned, 1 on a whole document, 2 skipped");

    await expect(async () => {
      await reader.goto(`/read/${ESSAY_SLUG}`);
      await expect(list.root).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(list.group("anchored")).toHaveCount(2);
    await expect(list.group("document")).toHaveCount(1);
    await expect(list.group("orphaned")).toHaveCount(2);
    await expect(list.entry("hyp-exact-once")).toContainText("Mutual recognition is the crux");
    await expect(list.entry("hyp-exact-once")).toContainText("Lin Wei, 2026-11-28");
    await expect(list.entry("hyp-ambiguous")).toContainText("ambiguous: the quote and its context occur in 2 places");
    await expect(list.entry("hyp-not-in-text")).toContainText("the quote is not in the text");
    // Annotators' words are inert text, never markup.
    await expect(list.root.locator("script, iframe, img")).toHaveCount(0);

    fs.mkdirSync(shots, { recursive: true });
    for (const [name, size] of [["desktop", { width: 1280, height: 900 }], ["phone", { width: 390, height: 844 }]] as const) {
      await page.setViewportSize(size);
      await list.root.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(shots, `imported-annotations-${name}.png`) });
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    await list.passageLink("hyp-exact-once").click();
    await expect(page.locator("mark[data-quote]")).toHaveText(passages.annotated);
    await expect.poll(() => reader.inViewport(page.locator("mark[data-quote]"))).toBe(true);
  });
});
