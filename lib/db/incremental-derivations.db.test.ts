import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CORPUS_LOAD_TIMEOUT_MS, createCorpusDatabase, dropQuotingParagraphs, loadSyntheticEssay, syntheticEssays } from "@/tests/db/corpus-with-synthetic-essays";
import { canonicalCorpus } from "@/tests/db/derive-corpus-from-scratch";
import { expectFromScratch } from "@/tests/db/expect-derivations-from-scratch";
import { readCorpusLinks } from "@/tests/db/read-corpus-links";
import type { TestDatabase } from "@/tests/db/test-database";
import { removeDocument } from "./remove-document";

/**
 * The incremental derivations (issue 15) against the oracle: after any sequence of loads, replacements
 * and removals, what each document contributes (its passage-index fingerprints, its concept mentions, its
 * citations' sources) is what a from-scratch pass gives, and the links derived from it for every pair of
 * documents are those a from-scratch pass over every pair of documents gives.
 * The corpus: the two corpus essays and 12 synthetic essays (tests/db/corpus-with-synthetic-essays.ts).
 * That the order of the loads does not matter is incremental-derivations-load-order.db.test.ts; dozens of
 * documents citing one work, incremental-derivations-shared-works.db.test.ts (files of their own, so that the
 * two test workers share the work).
 */
const essays = syntheticEssays(12);

describe("incremental corpus derivations", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createCorpusDatabase(essays);
  }, CORPUS_LOAD_TIMEOUT_MS);
  afterAll(async () => database.drop());

  it("equal, after loading essays one by one, a from-scratch pass over every pair", { timeout: CORPUS_LOAD_TIMEOUT_MS }, async () => {
    const stored = await expectFromScratch(database.db);
    const kinds = (kind: string) => stored.links.filter((l) => l.includes(`"kind":"${kind}"`)).length;
    // The corpus shares something of every kind across synthetic essays too, or the comparison proves little.
    const synthetic = (kind: string) => stored.links.filter((l) => l.includes(`"kind":"${kind}"`) && l.includes('"left":"syn-')).length;
    expect(synthetic("shared_passage")).toBeGreaterThan(10);
    expect(synthetic("shared_source")).toBeGreaterThan(10);
    expect(synthetic("concept_overlap")).toBeGreaterThan(0);
    expect(kinds("shared_passage")).toBeGreaterThan(208);
  });

  it("replace exactly an essay's links when it is re-ingested changed", async () => {
    const essay = essays[3]!;
    const outcome = await loadSyntheticEssay(database.db, essay, { edit: dropQuotingParagraphs });
    expect(outcome.status).toBe("replaced");
    await expectFromScratch(database.db);
  }, CORPUS_LOAD_TIMEOUT_MS);

  it("remove exactly an essay's links when it is removed, and leave other pairs' passages and concept links as they were", async () => {
    const slug = essays[0]!.stem;
    const before = canonicalCorpus(await readCorpusLinks(database.db));
    expect(before.links.some((l) => l.includes(`"${slug}"`))).toBe(true);
    expect(await removeDocument(slug, database.db)).toBe(true);
    const after = await expectFromScratch(database.db);
    expect(after.links.some((l) => l.includes(`"${slug}"`))).toBe(false);
    const untouched = (links: string[]) => links.filter((l) => !l.includes(`"${slug}"`) && !l.includes('"kind":"shared_source"'));
    expect(untouched(after.links)).toEqual(untouched(before.links));
    expect(await removeDocument(slug, database.db)).toBe(false);
  }, CORPUS_LOAD_TIMEOUT_MS);
});
