import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentStructure } from "@/lib/model/document-model";
import { CORPUS_LOAD_TIMEOUT_MS, createCorpusDatabase, loadSyntheticEssay, syntheticEssays } from "@/tests/db/corpus-with-synthetic-essays";
import type { TestDatabase } from "@/tests/db/test-database";
import { FACET_VALUES_SHOWN, listCatalogueFacets, YEAR_VALUES_SHOWN } from "./list-catalogue";
import type { Database } from "./prisma-client";
import { removeDocument } from "./remove-document";

/**
 * CatalogueFacetCount, the whole corpus's journal, year and author counts the home page's facets read (issue 15),
 * is what counting the documents afresh gives, after loads one by one, a re-ingest that changes an essay's journal,
 * date and authors, one that changes them back, and a removal; and the migration that added it fills the same.
 * The corpus: the two corpus essays and 6 synthetic essays.
 */
const essays = syntheticEssays(6);
const migrationsDir = path.join(process.cwd(), "prisma", "migrations");

type Counts = Map<string, number>;

async function storedCounts(db: Database): Promise<Counts> {
  const rows = await db.catalogueFacetCount.findMany({ select: { facet: true, value: true, documents: true } });
  return new Map(rows.map((row) => [`${row.facet}:${row.value}`, row.documents]));
}

/** Every document's journal, year (a date's four leading digits) and authors, counted from the Document rows. */
async function countedAfresh(db: Database): Promise<Counts> {
  const documents = await db.document.findMany({ select: { journal: true, date: true, authors: true } });
  const counts: Counts = new Map();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const document of documents) {
    if (document.journal !== null) add(`journal:${document.journal}`);
    const year = document.date?.match(/^[0-9]{4}/u)?.[0];
    if (year !== undefined) add(`year:${year}`);
    for (const author of new Set(document.authors)) add(`author:${author}`);
  }
  return counts;
}

async function expectCountedAfresh(db: Database): Promise<Counts> {
  const stored = await storedCounts(db);
  expect(stored).toEqual(await countedAfresh(db));
  return stored;
}

/** What the whole catalogue's facet should list from counts: the most documents first (ties by value), or years newest first. */
function expectedFacet(counts: Counts, facet: "journal" | "year" | "author") {
  const values = [...counts].filter(([key]) => key.startsWith(`${facet}:`)).map(([key, count]) => ({ value: key.slice(facet.length + 1), count }));
  const byValue = (a: { value: string }, b: { value: string }) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
  return facet === "year"
    ? values.sort((a, b) => byValue(b, a)).slice(0, YEAR_VALUES_SHOWN)
    : values.sort((a, b) => b.count - a.count || byValue(a, b)).slice(0, FACET_VALUES_SHOWN);
}

/** An essay edited to share a journal, a year and an author with another edited so. */
function shareMetadata(draft: DocumentStructure): void {
  draft.journal = "共同的期刊";
  draft.date = "2016-03";
  draft.authors = [...draft.authors, "共同的作者"];
}

/** An edited essay: another journal, undated, and its authors with one named twice and one new. */
function changeMetadata(draft: DocumentStructure): void {
  draft.journal = "一份新的期刊";
  draft.date = null;
  draft.authors = [draft.authors[0] ?? "甲", draft.authors[0] ?? "甲", "一位新的作者"];
}

async function runMigrationFill(db: Database): Promise<void> {
  const [migration] = (await fs.readdir(migrationsDir)).filter((name) => name.endsWith("_catalogue_facet_counts"));
  const sql = await fs.readFile(path.join(migrationsDir, migration!, "migration.sql"), "utf8");
  const inserts = sql
    .split(";")
    .map((statement) => statement.replace(/^\s*--.*$/gmu, "").trim())
    .filter((statement) => /^insert/iu.test(statement));
  expect(inserts).toHaveLength(1);
  for (const statement of inserts) await db.$executeRawUnsafe(statement);
}

describe("the whole corpus's journal, year and author counts kept by the load", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createCorpusDatabase(essays);
    // Each generated essay has a journal, a year and authors of its own: two are loaded again sharing some.
    for (const essay of essays.slice(3, 5)) expect((await loadSyntheticEssay(database.db, essay, { edit: shareMetadata })).status).toBe("replaced");
  }, CORPUS_LOAD_TIMEOUT_MS);
  afterAll(async () => database.drop());

  it("are the documents counted afresh after loading essays one by one, and are what the whole catalogue's facets list", async () => {
    const counts = await expectCountedAfresh(database.db);
    // Enough to prove something: every facet has values, and some value is held by more than one document.
    for (const facet of ["journal", "year", "author"]) expect([...counts.keys()].some((key) => key.startsWith(`${facet}:`))).toBe(true);
    for (const key of ["journal:共同的期刊", "year:2016", "author:共同的作者"]) expect(counts.get(key)).toBeGreaterThanOrEqual(2);
    const facets = await listCatalogueFacets({}, database.db);
    for (const facet of ["journal", "year", "author"] as const) expect(facets[facet].map(({ value, count }) => ({ value, count }))).toEqual(expectedFacet(counts, facet));
  });

  it("fill, as the migration adds them, the same counts the loads kept", async () => {
    const kept = await storedCounts(database.db);
    await database.db.catalogueFacetCount.deleteMany();
    await runMigrationFill(database.db);
    expect(await storedCounts(database.db)).toEqual(kept);
  });

  it("follow a changed re-ingest's journal, date and authors, and come back with the essay as it was", async () => {
    const essay = essays[2]!;
    const before = await expectCountedAfresh(database.db);
    expect((await loadSyntheticEssay(database.db, essay, { edit: changeMetadata })).status).toBe("replaced");
    const changed = await expectCountedAfresh(database.db);
    expect(changed.get("journal:一份新的期刊")).toBe(1);
    expect(changed.get("author:一位新的作者")).toBe(1);
    expect(changed).not.toEqual(before);
    expect((await loadSyntheticEssay(database.db, essay)).status).toBe("replaced");
    // Values no document holds any more are gone, not kept at 0.
    expect(await expectCountedAfresh(database.db)).toEqual(before);
  }, CORPUS_LOAD_TIMEOUT_MS);

  it("lose a removed essay in its journal, year and each of its authors", async () => {
    const slug = essays[0]!.stem;
    const before = await storedCounts(database.db);
    expect(await removeDocument(slug, database.db)).toBe(true);
    const after = await expectCountedAfresh(database.db);
    const lost = [...before].filter(([key, n]) => (after.get(key) ?? 0) !== n);
    expect(lost.length).toBeGreaterThan(0);
    for (const [key, n] of lost) expect(after.get(key) ?? 0).toBe(n - 1);
  }, CORPUS_LOAD_TIMEOUT_MS);
});
