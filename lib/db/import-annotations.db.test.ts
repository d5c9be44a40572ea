import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAnnotationFile } from "@/lib/exchange/web-annotation-import";
import { passageAnnotation } from "@/lib/exchange/web-annotation-export";
import { parseDocument } from "@/lib/ingest/parse-document";
import { editedEssay, ESSAY_SLUG, originalEssay, passages } from "@/tests/fixtures/annotations/annotated-essay";
import { createTestDatabase, type TestDatabase } from "@/tests/db/test-database";
import { readAnnotationText } from "./annotation-document-text";
import { importAnnotations } from "./import-annotations";
import { listImportedAnnotations } from "./list-imported-annotations";
import { loadDocument } from "./load-document";

const HYPOTHESIS_FIXTURE = "tests/fixtures/annotations/hypothesis-export.json";
const context = { base: "https://duizhao.example.org" };

let database: TestDatabase;
let version = 0;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.drop());

/** Parses and loads a version of the essay, as `npm run ingest` does (a new SHA-256 each time: a new version). */
async function ingest(text: string) {
  version += 1;
  const document = parseDocument({ bytes: new TextEncoder().encode(text), fileName: `${ESSAY_SLUG}.txt` });
  const source = { sourceFile: `${ESSAY_SLUG}.txt`, sourceSha256: String(version).padStart(64, "0"), parserVersion: "test", manifest: null };
  await loadDocument(document, source, database.db);
  return document;
}

async function importJson(json: unknown) {
  const reading = readAnnotationFile(json);
  if (!reading.ok) throw new Error(reading.error);
  return importAnnotations(reading.annotations, database.db);
}

async function rows() {
  return database.db.importedAnnotation.findMany({
    orderBy: { externalId: "asc" },
    select: { externalId: true, status: true, reason: true, bodyText: true, startAnchor: true, startOffset: true, endAnchor: true, endOffset: true, anchoredText: true },
  });
}

/** The block holding some words, and where they start in it. */
function whereIs(document: { paragraphs: { anchor: string; text: string }[] }, words: string) {
  const paragraph = document.paragraphs.find((candidate) => candidate.text.includes(words))!;
  return { anchor: paragraph.anchor, offset: paragraph.text.indexOf(words) };
}

describe("Web Annotation round trip through the database", () => {
  it("export → re-ingest of an edited source (a sentence inserted before the passage) → import: the same words", async () => {
    const original = await ingest(originalEssay());
    const before = whereIs(original, passages.annotated);
    const layout = (await readAnnotationText(ESSAY_SLUG, database.db))!;
    const exported = passageAnnotation(context, {
      slug: ESSAY_SLUG,
      title: original.title,
      layout,
      passage: { anchor: before.anchor, start: before.offset, end: before.offset + passages.annotated.length },
    });

    const edited = await ingest(editedEssay());
    const after = whereIs(edited, passages.annotated);
    expect(after.anchor).not.toBe(before.anchor);
    expect(after.offset).toBe(before.offset + passages.inserted.length);

    // As a file would carry it: serialised and read back.
    const outcomes = await importJson(JSON.parse(JSON.stringify(exported)));
    expect(outcomes).toMatchObject([{ status: "anchored", slug: ESSAY_SLUG }]);
    expect(await rows()).toEqual([
      {
        externalId: exported.id,
        status: "anchored",
        reason: null,
        bodyText: null,
        startAnchor: after.anchor,
        startOffset: after.offset,
        endAnchor: after.anchor,
        endOffset: after.offset + passages.annotated.length,
        anchoredText: passages.annotated,
      },
    ]);
    await database.db.importedAnnotation.deleteMany({});
  });

  it("imports Hypothesis's export: anchored, orphaned with the reason, whole-document; again without copies", async () => {
    await ingest(originalEssay());
    const fixture = JSON.parse(await import("node:fs/promises").then((fs) => fs.readFile(HYPOTHESIS_FIXTURE, "utf8")));
    const first = await importJson(fixture);
    expect(first.map((outcome) => `${outcome.externalId} ${outcome.status}`)).toEqual([
      "hyp-exact-once anchored",
      "hyp-across-marker anchored",
      "hyp-ambiguous orphaned",
      "hyp-not-in-text orphaned",
      "hyp-page-note document",
    ]);
    const original = parseDocument({ bytes: new TextEncoder().encode(originalEssay()), fileName: `${ESSAY_SLUG}.txt` });
    const at = whereIs(original, passages.annotated);
    const stored = await rows();
    expect(stored.find((row) => row.externalId === "hyp-exact-once")).toMatchObject({ startAnchor: at.anchor, startOffset: at.offset, anchoredText: passages.annotated });
    expect(stored.find((row) => row.externalId === "hyp-ambiguous")).toMatchObject({ status: "orphaned", reason: expect.stringContaining("2 places"), startAnchor: null });
    // Selected on the page across the note marker "[2]": the words before it, the label left out.
    expect(stored.find((row) => row.externalId === "hyp-across-marker")).toMatchObject({ status: "anchored", startAnchor: at.anchor, anchoredText: "考验着谈判者的耐心与智慧。" });
    expect(stored.find((row) => row.externalId === "hyp-not-in-text")).toMatchObject({ status: "orphaned", reason: expect.stringContaining("not in the text") });

    await importJson(fixture);
    expect(await database.db.importedAnnotation.count()).toBe(5);

    const listed = await listImportedAnnotations(ESSAY_SLUG, database.db);
    expect(listed.map((annotation) => annotation.status)).toEqual(["anchored", "anchored", "document", "orphaned", "orphaned"]);
    expect(listed[0]).toMatchObject({ quote: passages.annotated, anchor: { block: at.anchor, offset: at.offset, text: passages.annotated }, creator: "Lin Wei", tags: ["data flows", "互认"] });
  });

  it("re-anchors imported annotations when the document is loaded again: the same words, in the edited paragraph", async () => {
    const edited = await ingest(editedEssay());
    const at = whereIs(edited, passages.annotated);
    const stored = await rows();
    expect(stored.find((row) => row.externalId === "hyp-exact-once")).toMatchObject({
      status: "anchored",
      startAnchor: at.anchor,
      startOffset: at.offset,
      endOffset: at.offset + passages.annotated.length,
      anchoredText: passages.annotated,
    });
    // Still two equal places: never attached to either.
    expect(stored.find((row) => row.externalId === "hyp-ambiguous")).toMatchObject({ status: "orphaned", startAnchor: null });
    expect(stored.find((row) => row.externalId === "hyp-page-note")).toMatchObject({ status: "document" });
    expect(stored.find((row) => row.externalId === "hyp-across-marker")).toMatchObject({ status: "anchored", startAnchor: at.anchor, anchoredText: "考验着谈判者的耐心与智慧。" });
  });

  it("orphans an annotation whose words an edit removed, and finds it again when they come back", async () => {
    const without = originalEssay().replace(passages.annotated, "互不承认的各国规则");
    await ingest(without);
    expect((await rows()).find((row) => row.externalId === "hyp-exact-once")).toMatchObject({ status: "orphaned", startAnchor: null, reason: expect.stringContaining("not in the text") });
    const restored = await ingest(originalEssay());
    const at = whereIs(restored, passages.annotated);
    expect((await rows()).find((row) => row.externalId === "hyp-exact-once")).toMatchObject({ status: "anchored", startAnchor: at.anchor, startOffset: at.offset });
  });
});

describe("npm run annotations -- import", () => {
  const run = (file: string) =>
    promisify(execFile)(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/annotations.ts", "import", file], {
      env: { ...process.env, DATABASE_URL: database.url },
    }).then(
      (result) => ({ code: 0, ...result }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  it("reports each orphan and skipped entry on one line and exits 0", async () => {
    const result = await run(HYPOTHESIS_FIXTURE);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toEqual([
      expect.stringMatching(/^skipped hyp-reply: a reply/),
      expect.stringMatching(/^skipped hyp-elsewhere: not about a Duizhao document/),
      expect.stringMatching(/^orphan hyp-ambiguous in annotated-essay: “网络主权原则” ambiguous/),
      expect.stringMatching(/^orphan hyp-not-in-text in annotated-essay: “监管沙盒已在多个城市试点推行” the quote is not in the text/),
      "hypothesis-export.json: 2 anchored, 2 orphaned, 1 on a whole document, 2 skipped",
    ]);
  });

  it("refuses a malformed file with one line and a non-zero exit, changing nothing", async () => {
    const before = await rows();
    const folder = await mkdtemp(path.join(tmpdir(), "duizhao-annotations-"));
    const notJson = path.join(folder, "broken.json");
    await writeFile(notJson, '{"annotations": [');
    const badEntry = path.join(folder, "bad-entry.json");
    const fixture = JSON.parse(await import("node:fs/promises").then((fs) => fs.readFile(HYPOTHESIS_FIXTURE, "utf8")));
    fixture.annotations[0].text = "changed";
    fixture.annotations.push({ uri: "http://localhost:3000/read/annotated-essay", target: [{ source: "http://localhost:3000/read/annotated-essay", selector: [{ type: "TextQuoteSelector" }] }] });
    await writeFile(badEntry, JSON.stringify(fixture));
    for (const [file, says] of [
      [notJson, "broken.json: not JSON"],
      [badEntry, "bad-entry.json: malformed: annotations[7].target[0].selector[0].exact"],
    ] as const) {
      const result = await run(file);
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toContain(says);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
    }
    expect(await rows()).toEqual(before);
  });
});
