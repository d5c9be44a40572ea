import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestSources } from "@/lib/corpus/ingest-sources";
import { readCorpusLinks } from "@/tests/db/read-corpus-links";
import { createTestDatabase, type TestDatabase } from "@/tests/db/test-database";

/**
 * The two corpus essays' links (shared sources, shared passages, concept overlap) and sources, as a fresh
 * ingest leaves them, compared with the snapshot taken before the derivations became incremental
 * (issue 15): the way they are computed may change, what they say may not.
 */

const CORPUS = ["000_1322acf3015bdc34.txt", "001_dd40619b11185e85.txt"].map((file) => ({ path: path.join("corpus", file) }));
const SNAPSHOT = "../../tests/fixtures/corpus-links/corpus-links.json";

describe("the corpus essays' links", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    const results = await ingestSources(database.db, CORPUS);
    expect(results.every((r) => r.ok)).toBe(true);
  });
  afterAll(async () => database.drop());

  it("are those of the snapshot taken before the derivations became incremental", async () => {
    const current = await readCorpusLinks(database.db);
    expect(current.links.length).toBeGreaterThan(200);
    await expect(JSON.stringify(current, null, 1) + "\n").toMatchFileSnapshot(SNAPSHOT);
  });
});
