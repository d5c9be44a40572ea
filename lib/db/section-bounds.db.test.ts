import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentStructure } from "@/lib/model/document-model";
import { MAX_PAGE_SIZE } from "@/lib/urls/url-grammar";
import { CORPUS_LOAD_TIMEOUT_MS, ingestCorpusEssays, loadSyntheticEssay, syntheticEssays } from "@/tests/db/corpus-with-synthetic-essays";
import { sampleDraft, sampleSource } from "@/tests/db/fixtures/sample-draft";
import { createTestDatabase, type TestDatabase } from "@/tests/db/test-database";
import { FIRST_CONCORDANCE_PAGE, getConcept } from "./get-concept";
import { loadDocument } from "./load-document";
import { readDocumentSections, sectionBounds } from "./read-document-sections";
import { migrationsDir } from "./schema-engine";

/** The sample essay as drafted: both sections are level-1 headings, and nothing stands before the first (line 5). */
const plain = (): DocumentStructure => sampleDraft({ slug: "plain" });

/** Its first heading moved below its first paragraph (line 7): the paragraph stands in a front section. */
function paragraphFirst(): DocumentStructure {
  const draft = sampleDraft({ slug: "paragraph-first" });
  draft.headings[0]!.sourceLines = [8, 8];
  return draft;
}

/** No headings at all: the whole text is one front section. */
function noHeadings(): DocumentStructure {
  const draft = sampleDraft({ slug: "no-headings" });
  draft.headings = [];
  for (const paragraph of draft.paragraphs) paragraph.headingAnchor = null;
  return draft;
}

/** Its first heading a level-2 one: the first section begins at the level-1 heading of line 20. */
function subheadingFirst(): DocumentStructure {
  const draft = sampleDraft({ slug: "subheading-first" });
  draft.headings[0]!.level = 2;
  return draft;
}

type StoredBounds = { slug: string; lastLine: number; firstSectionLine: number | null; hasFrontSection: boolean };

async function storedBounds(database: TestDatabase): Promise<StoredBounds[]> {
  return database.db.document.findMany({ orderBy: { slug: "asc" }, select: { slug: true, lastLine: true, firstSectionLine: true, hasFrontSection: true } });
}

describe("section bounds stored on the document row", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await ingestCorpusEssays(database.db);
    for (const essay of syntheticEssays(3)) await loadSyntheticEssay(database.db, essay);
    for (const draft of [plain(), paragraphFirst(), noHeadings(), subheadingFirst()])
      await loadDocument(draft, { ...sampleSource, sourceFile: `${draft.slug}.txt`, manifest: { slug: draft.slug } }, database.db);
  }, CORPUS_LOAD_TIMEOUT_MS);
  afterAll(async () => database.drop());

  it("are the document's last line, where its first section begins and whether a front section precedes it", async () => {
    const bySlug = new Map((await storedBounds(database)).map(({ slug, ...bounds }) => [slug, bounds]));
    expect(bySlug.get("plain")).toEqual({ lastLine: 23, firstSectionLine: 5, hasFrontSection: false });
    expect(bySlug.get("paragraph-first")).toEqual({ lastLine: 23, firstSectionLine: 8, hasFrontSection: true });
    expect(bySlug.get("no-headings")).toEqual({ lastLine: 23, firstSectionLine: null, hasFrontSection: true });
    expect(bySlug.get("subheading-first")).toEqual({ lastLine: 23, firstSectionLine: 20, hasFrontSection: true });
  });

  it("agree with the sections read from the document's blocks", async () => {
    const rows = await database.db.document.findMany({
      select: {
        slug: true,
        lastLine: true,
        firstSectionLine: true,
        hasFrontSection: true,
        headings: { select: { level: true, lineFrom: true, lineTo: true } },
        paragraphs: { select: { lineFrom: true, lineTo: true } },
        footnotes: { select: { lineFrom: true, lineTo: true } },
      },
    });
    expect(rows.length).toBe(9);
    const sections = new Map((await readDocumentSections(database.db)).map((document) => [document.slug, document]));
    for (const { slug, lastLine, firstSectionLine, hasFrontSection, ...blocks } of rows) {
      expect({ lastLine, firstSectionLine, hasFrontSection }, slug).toEqual(sectionBounds(blocks));
      expect(sections.get(slug)?.lastLine, slug).toBe(lastLine);
      expect(sections.get(slug)?.sections[0]?.anchor === null, slug).toBe(hasFrontSection);
    }
  });

  it("are filled by the migration that adds them from the rows already stored, as a load stores them", async () => {
    const loaded = await storedBounds(database);
    // The columns as the migration adds them, before it fills them: every row at the defaults.
    await database.db.$executeRawUnsafe(`update "Document" set "lastLine" = 1, "firstSectionLine" = null, "hasFrontSection" = true`);
    expect((await storedBounds(database)).some((row) => row.lastLine !== 1)).toBe(false);
    const [migration] = (await fs.readdir(migrationsDir)).filter((name) => name.endsWith("_document_section_bounds"));
    const sql = await fs.readFile(path.join(migrationsDir, migration!, "migration.sql"), "utf8");
    const updates = sql
      .split(";")
      .map((statement) => statement.replace(/^\s*--.*$/gmu, "").trim())
      .filter((statement) => /^update/iu.test(statement));
    expect(updates.length).toBeGreaterThan(0);
    for (const statement of updates) await database.db.$executeRawUnsafe(statement);
    expect(await storedBounds(database)).toEqual(loaded);
  });

  it("place every concordance line as the document's sections do", async () => {
    const sections = new Map((await readDocumentSections(database.db)).map((document) => [document.slug, document]));
    let lines = 0;
    const kinds = new Set<string>();
    for (const id of ["cyber-sovereignty", "community-shared-future-cyberspace", "digital-divide", "data-security"]) {
      const concept = await getConcept(id, database.db, { concordance: { ...FIRST_CONCORDANCE_PAGE, pageSize: MAX_PAGE_SIZE } });
      for (const line of concept?.mentions ?? []) {
        const document = sections.get(line.documentSlug)!;
        const place = document.place(line.blockKind, line.anchor)!;
        const section = document.sections.find((s) => s.key === place.sectionKey)!;
        expect(line.place, `${line.documentSlug} ${line.anchor}`).toEqual({
          sectionLabel: section.label,
          label: place.label,
          line: place.line,
          fraction: Math.min(1, place.line / document.lastLine),
        });
        lines += 1;
        kinds.add(line.blockKind);
      }
    }
    // Every kind of section: a front one named 全文 (no headings) and 前言 (before the first), and numbered ones.
    const labels = new Set<string>();
    for (const id of ["cyber-sovereignty", "digital-divide"])
      for (const line of (await getConcept(id, database.db, { concordance: { ...FIRST_CONCORDANCE_PAGE, pageSize: MAX_PAGE_SIZE } }))?.mentions ?? [])
        labels.add(line.place.sectionLabel);
    expect(labels).toContain("全文");
    expect(labels).toContain("前言");
    expect(lines).toBeGreaterThan(20);
    // Notes too, which stand where the body block calling them does.
    expect(kinds).toContain("footnote");
  });
});
