import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CORPUS_LOAD_TIMEOUT_MS,
  createCorpusDatabase,
  dropQuotingParagraphs,
  loadSyntheticEssay,
  syntheticEssays,
} from "@/tests/db/corpus-with-synthetic-essays";
import { deriveParallelCountsFromScratch, readStoredParallelCounts } from "@/tests/db/derive-parallel-counts-from-scratch";
import type { TestDatabase } from "@/tests/db/test-database";
import { countParallelPlaces } from "./count-parallel-places";
import { removeDocument } from "./remove-document";

/**
 * The parallel counts stored at load (update-parallel-counts.ts) against the oracle: after loads one by one,
 * the re-ingest of a changed essay and a removal, every block's stored count is what aligning every pair of
 * documents from scratch gives. The corpus: the two corpus essays and 10 synthetic essays
 * (tests/db/corpus-with-synthetic-essays.ts).
 */
const essays = syntheticEssays(10);

describe("stored parallel counts", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createCorpusDatabase(essays);
  }, CORPUS_LOAD_TIMEOUT_MS);
  afterAll(async () => database.drop());

  it("equal, after loading essays one by one, the counts of a from-scratch alignment of every pair", { timeout: CORPUS_LOAD_TIMEOUT_MS }, async () => {
    const stored = await readStoredParallelCounts(database.db);
    expect(stored).toEqual(await deriveParallelCountsFromScratch(database.db));
    // Enough sharing, across enough documents, for the comparison to prove something.
    expect(stored.length).toBeGreaterThan(50);
    expect(stored.some((line) => / in ([3-9]|\d\d+) documents$/.test(line))).toBe(true);
  });

  it("are what the reader shows, block by block", async () => {
    const [first] = await database.db.document.findMany({ orderBy: { slug: "asc" }, select: { slug: true }, take: 1 });
    const counts = (await countParallelPlaces(first!.slug, database.db))!;
    const expected = (await deriveParallelCountsFromScratch(database.db)).filter((line) => line.startsWith(`${first!.slug} `));
    expect(counts.map((c) => `${first!.slug} ${c.anchor}: ${c.places} places in ${c.documents} documents`).sort()).toEqual(expected);
    expect(counts.length).toBeGreaterThan(3);
  });

  it("follow the re-ingest of a changed essay: its lost quotations leave the other essays' counts", { timeout: CORPUS_LOAD_TIMEOUT_MS }, async () => {
    const essay = essays[3]!;
    const before = await readStoredParallelCounts(database.db);
    const outcome = await loadSyntheticEssay(database.db, essay, { edit: dropQuotingParagraphs });
    expect(outcome.status).toBe("replaced");
    const after = await readStoredParallelCounts(database.db);
    expect(after).toEqual(await deriveParallelCountsFromScratch(database.db));
    // Other essays' blocks changed too (the edit removed places they had counted), or the test proves little.
    const others = (lines: string[]) => lines.filter((line) => !line.startsWith(`${essay.stem} `));
    expect(others(after)).not.toEqual(others(before));
  });

  it("keep, on a re-ingest of an unchanged text (a new pipeline), every count, writing no other essay's row", { timeout: CORPUS_LOAD_TIMEOUT_MS }, async () => {
    const essay = essays[5]!;
    const xmins = () =>
      database.db.$queryRaw<{ id: string; xmin: string }[]>`
        select f.id, f.xmin::text as xmin from "PassageFingerprint" f join "Document" d on d.id = f."documentId" where d.slug <> ${essay.stem} order by f.id`;
    const before = { counts: await readStoredParallelCounts(database.db), rows: await xmins() };
    const outcome = await loadSyntheticEssay(database.db, essay, { parserVersion: "next" });
    expect(outcome.status).toBe("replaced");
    expect(await readStoredParallelCounts(database.db)).toEqual(before.counts);
    expect(before.counts.some((line) => line.startsWith(`${essay.stem} `))).toBe(true);
    expect(await xmins()).toEqual(before.rows);
  });

  it("follow a removal: no block counts the removed essay's places", { timeout: CORPUS_LOAD_TIMEOUT_MS }, async () => {
    const slug = essays[0]!.stem;
    expect(await removeDocument(slug, database.db)).toBe(true);
    const after = await readStoredParallelCounts(database.db);
    expect(after).toEqual(await deriveParallelCountsFromScratch(database.db));
    expect(after.some((line) => line.startsWith(`${slug} `))).toBe(false);
  });

  it("equal the from-scratch counts again after the removed essay is added back", { timeout: CORPUS_LOAD_TIMEOUT_MS }, async () => {
    await loadSyntheticEssay(database.db, essays[0]!);
    expect(await readStoredParallelCounts(database.db)).toEqual(await deriveParallelCountsFromScratch(database.db));
  });
});
