import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CORPUS_LOAD_TIMEOUT_MS, createCorpusDatabase, ingestCorpusEssays, loadSyntheticEssay, syntheticEssays } from "@/tests/db/corpus-with-synthetic-essays";
import { canonicalCorpus } from "@/tests/db/derive-corpus-from-scratch";
import { readCorpusLinks } from "@/tests/db/read-corpus-links";
import { createTestDatabase, type TestDatabase } from "@/tests/db/test-database";

/**
 * The incremental derivations (issue 15) give the same links and sources whatever order the documents were
 * loaded in: the corpus of incremental-derivations.db.test.ts (the two corpus essays, then 12 synthetic essays,
 * one by one), against the same documents loaded one by one in the reverse order into a fresh database.
 */
const essays = syntheticEssays(12);

describe("incremental corpus derivations", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createCorpusDatabase(essays);
  }, CORPUS_LOAD_TIMEOUT_MS);
  afterAll(async () => database.drop());

  it("do not depend on the order the essays were loaded in", async () => {
    const reversed = await createTestDatabase();
    try {
      for (const essay of [...essays].reverse()) await loadSyntheticEssay(reversed.db, essay);
      await ingestCorpusEssays(reversed.db, { reversed: true });
      expect(canonicalCorpus(await readCorpusLinks(reversed.db))).toEqual(canonicalCorpus(await readCorpusLinks(database.db)));
    } finally {
      await reversed.drop();
    }
  }, CORPUS_LOAD_TIMEOUT_MS);
});
