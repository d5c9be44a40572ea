import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { originalEssay, paragraphs, revisedEssay } from "../fixtures/reader/link-survival-essay";
import { ReaderPage } from "./pages/reader-page";
import { CHANGES_THE_SUITE_CORPUS, ingestTestEssay, removeTestEssay } from "./test-essays";

test.describe.configure({ lock: CHANGES_THE_SUITE_CORPUS });

/**
 * Links captured on one version of an essay, opened after the essay was edited and ingested again:
 * each must land on the same words (or say honestly that they are gone).
 */
const SLUG = "e2e-link-survival";
const dir = path.resolve("test-results", "link-survival-corpus");

function ingest(text: string) {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "essay.txt");
  fs.writeFileSync(file, text);
  fs.writeFileSync(path.join(dir, "essay.manifest.json"), JSON.stringify({ slug: SLUG }));
  ingestTestEssay(file);
}


test.describe.configure({ mode: "serial" });

const removeEssay = () => removeTestEssay(SLUG);

test.describe("links survive re-ingestion", () => {
  test.beforeAll(removeEssay);
  test.afterAll(removeEssay);

  test("paragraph and selection links land on the same words after an edit, an insertion, a split, a merge and a deletion", async ({ page }) => {
    test.setTimeout(120_000);
    ingest(originalEssay());
    const reader = new ReaderPage(page);
    await reader.goto(`/read/${SLUG}`);
    const anchorOf = async (start: string) => (await page.locator("p[data-block]", { hasText: start }).first().getAttribute("data-block"))!;

    const cases = {
      edited: { anchor: await anchorOf(paragraphs.edited.slice(0, 12)), words: "监管者应当在两者之间寻找动态的平衡点" },
      beforeInsertion: { anchor: await anchorOf(paragraphs.before.slice(0, 12)), words: "互认机制的建立显得尤为迫切" },
      splitTail: { anchor: await anchorOf(paragraphs.splitA.slice(0, 12)), words: "往往只能被动接受他人设定的游戏规则" },
      mergedTail: { anchor: await anchorOf(paragraphs.mergeB.slice(0, 12)), words: "透明的决策过程以及可问责的执行机制" },
      deleted: { anchor: await anchorOf(paragraphs.dropped.slice(0, 10)), words: "用于检验链接所指段落消失之后" },
    };
    const links: Record<string, { block: string; passage: string }> = {};
    for (const [name, { anchor, words }] of Object.entries(cases)) {
      links[name] = { block: await reader.copyParagraphLink(anchor), passage: await reader.copySelectionLink(anchor, words) };
    }

    ingest(revisedEssay());

    // Selection links: the same words, highlighted, with a notice when they now stand elsewhere.
    for (const name of ["edited", "beforeInsertion", "splitTail", "mergedTail"] as const) {
      await page.goto(links[name]!.passage);
      await expect(page.locator("mark[data-quote]"), name).toHaveText(cases[name].words);
      await expect.poll(() => reader.inViewport(page.locator("mark[data-quote]"))).toBe(true);
    }
    await page.goto(links.splitTail!.passage);
    await expect(reader.notice).toContainText("has since moved");

    // Paragraph links: a paragraph whose anchor survived opens as it was; a changed one is found again.
    await page.goto(links.beforeInsertion!.block);
    await expect.poll(() => reader.inViewport(reader.paragraph(cases.beforeInsertion.anchor))).toBe(true);
    await expect(reader.notice).toHaveCount(0);

    await page.goto(links.edited!.block);
    await expect(reader.notice).toContainText("This link pointed to a passage that has since moved; showing where it is now");
    const landedEdited = page.locator("[data-landed]");
    await expect(landedEdited).toContainText(paragraphs.edited2.slice(0, 20));
    await expect.poll(() => reader.inViewport(landedEdited)).toBe(true);

    await page.goto(links.mergedTail!.block);
    await expect(reader.notice).toBeVisible();
    await expect(page.locator("[data-landed]")).toContainText(paragraphs.mergeA + paragraphs.mergeB);

    // Gone: the notice quotes what is no longer there; nothing is silently highlighted.
    await page.goto(links.deleted!.passage);
    await expect(reader.notice).toContainText("no longer in the document");
    await expect(reader.notice).toContainText(cases.deleted.words);
    await expect(page.locator("mark[data-quote]")).toHaveCount(0);
    await page.goto(links.deleted!.block);
    await expect(reader.notice).toContainText("no longer in the document");
    await expect(reader.notice).toContainText(paragraphs.dropped.slice(0, 12));
  });

  test("a fragment looked up after the document was removed names the anchor asked for", async ({ page }) => {
    test.setTimeout(60_000);
    ingest(originalEssay());
    const reader = new ReaderPage(page);
    await reader.goto(`/read/${SLUG}`);
    await removeEssay();
    // The anchors route answers 404 ({ error }, not a resolution) for a document no longer there.
    const answer = page.waitForResponse((response) => response.url().includes(`/read/${SLUG}/anchors/`));
    await page.evaluate(() => {
      window.location.hash = "p-no-such-passage";
    });
    expect((await answer).status()).toBe(404);
    await expect(reader.notice).toContainText("does not have (#p-no-such-passage)");
    await expect(reader.notice).not.toContainText("undefined");
  });
});
