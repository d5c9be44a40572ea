import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CORPUS_LOAD_TIMEOUT_MS,
  createCorpusDatabase,
  dropQuotingParagraphs,
  loadSyntheticEssay,
  syntheticEssays,
} from "@/tests/db/corpus-with-synthetic-essays";
import type { TestDatabase } from "@/tests/db/test-database";
import type { Database } from "./prisma-client";
import { removeDocument } from "./remove-document";

/**
 * The counts stored at load for the pages that read the corpus whole (issue 15): each document's mentions per
 * concept and member item (ConceptDocumentCount) and each work's citing documents (Source.documents) are what
 * counting the stored mentions and citations afresh gives, after loads, a changed re-ingest and a removal.
 * The corpus: the two corpus essays and 8 synthetic essays.
 */
const essays = syntheticEssays(8);

type Counts = { concepts: string[]; sources: string[] };

async function storedCounts(db: Database): Promise<Counts> {
  const concepts = await db.$queryRaw<{ row: string }[]>`
    select concat_ws(' ', d.slug, c."conceptId", coalesce(c."memberOf", '-'), c.mentions, c."mentionsInNotes") as row
    from "ConceptDocumentCount" c join "Document" d on d.id = c."documentId" order by 1`;
  const sources = await db.$queryRaw<{ row: string }[]>`select concat_ws(' ', s.key, s.documents) as row from "Source" s order by 1`;
  return { concepts: concepts.map((r) => r.row), sources: sources.map((r) => r.row) };
}

/** The same, counted from every stored mention and citation. */
async function countedAfresh(db: Database): Promise<Counts> {
  const concepts = await db.$queryRaw<{ row: string }[]>`
    select concat_ws(' ', d.slug, m."conceptId", coalesce(m."memberOf", '-'), count(*), count(*) filter (where m."blockKind" = 'footnote')) as row
    from "ConceptMention" m join "Document" d on d.id = m."documentId"
    group by d.slug, m."conceptId", m."memberOf" order by 1`;
  const sources = await db.$queryRaw<{ row: string }[]>`
    select concat_ws(' ', s.key, (select count(distinct c."documentId") from "Citation" c where c."sourceId" = s.id)) as row from "Source" s order by 1`;
  return { concepts: concepts.map((r) => r.row), sources: sources.map((r) => r.row) };
}

async function expectCountedAfresh(db: Database): Promise<Counts> {
  const stored = await storedCounts(db);
  expect(stored).toEqual(await countedAfresh(db));
  return stored;
}

const ofDocument = (counts: Counts, slug: string) => counts.concepts.filter((row) => row.startsWith(`${slug} `));

describe("counts stored at load for the concept page and the catalogue's facets", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createCorpusDatabase(essays);
  }, CORPUS_LOAD_TIMEOUT_MS);
  afterAll(async () => database.drop());

  it("are the mentions and citing documents counted afresh, after loading essays one by one", async () => {
    const stored = await expectCountedAfresh(database.db);
    // Enough to prove something: concepts counted in many documents, members apart, notes apart, works cited by several.
    expect(stored.concepts.length).toBeGreaterThan(30);
    expect(stored.concepts.some((row) => !row.split(" ")[2]!.startsWith("-"))).toBe(true);
    expect(stored.concepts.some((row) => Number(row.split(" ")[4]) > 0)).toBe(true);
    expect(stored.sources.filter((row) => Number(row.split(" ")[1]) >= 3).length).toBeGreaterThan(2);
    expect(stored.sources.every((row) => Number(row.split(" ")[1]) >= 1)).toBe(true);
  });

  it("replace a re-ingested essay's counts, and recount the works it cited and cites", async () => {
    const essay = essays[2]!;
    const before = await storedCounts(database.db);
    const outcome = await loadSyntheticEssay(database.db, essay, { edit: dropQuotingParagraphs });
    expect(outcome.status).toBe("replaced");
    const after = await expectCountedAfresh(database.db);
    expect(ofDocument(after, essay.stem)).not.toEqual(ofDocument(before, essay.stem));
    expect(after.sources).not.toEqual(before.sources);
  }, CORPUS_LOAD_TIMEOUT_MS);

  it("drop a removed essay's counts, and count the works it cited one document fewer", async () => {
    const slug = essays[0]!.stem;
    const cited = await database.db.$queryRaw<{ key: string; documents: number }[]>`
      select distinct s.key, s.documents from "Source" s join "Citation" c on c."sourceId" = s.id join "Document" d on d.id = c."documentId"
      where d.slug = ${slug} and s.documents > 1`;
    expect(cited.length).toBeGreaterThan(0);
    expect(await removeDocument(slug, database.db)).toBe(true);
    const after = await expectCountedAfresh(database.db);
    expect(ofDocument(after, slug)).toEqual([]);
    const now = new Map(after.sources.map((row) => row.split(" ") as [string, string]));
    for (const work of cited) if (now.has(work.key)) expect(Number(now.get(work.key))).toBe(work.documents - 1);
    // A work it shared with others was not dropped with it.
    expect(cited.some((work) => now.has(work.key))).toBe(true);
  }, CORPUS_LOAD_TIMEOUT_MS);
});
