import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestSources } from "@/lib/corpus/ingest-sources";
import { createTestDatabase, type TestDatabase } from "@/tests/db/test-database";

/**
 * The two corpus essays' links (shared sources, shared passages, concept overlap) and sources, as a fresh
 * ingest leaves them, compared with the snapshot taken before the derivations became incremental
 * (issue 15): the way they are computed may change, what they say may not.
 */

const CORPUS = ["000_1322acf3015bdc34.txt", "001_dd40619b11185e85.txt"].map((file) => ({ path: path.join("corpus", file) }));
const SNAPSHOT = "../../tests/fixtures/corpus-links/corpus-links.json";

export async function readCorpusLinks(database: TestDatabase) {
  const slugOf = new Map((await database.db.document.findMany({ select: { id: true, slug: true } })).map((d) => [d.id, d.slug]));
  const links = await database.db.passageLink.findMany({
    select: {
      kind: true,
      leftDocumentId: true,
      leftKind: true,
      leftAnchor: true,
      leftStart: true,
      leftEnd: true,
      rightDocumentId: true,
      rightKind: true,
      rightAnchor: true,
      rightStart: true,
      rightEnd: true,
      confidence: true,
      evidence: true,
    },
  });
  const sources = await database.db.source.findMany({
    select: {
      key: true,
      title: true,
      authors: true,
      type: true,
      date: true,
      container: true,
      urls: true,
      confidence: true,
      evidence: true,
      citations: { select: { anchor: true, document: { select: { slug: true } } } },
    },
  });
  const canonical = (value: unknown) => JSON.stringify(value);
  return {
    links: links
      .map(({ leftDocumentId, rightDocumentId, ...link }) => ({
        ...link,
        left: slugOf.get(leftDocumentId),
        right: slugOf.get(rightDocumentId),
      }))
      .sort((a, b) => (canonical(a) < canonical(b) ? -1 : 1)),
    sources: sources
      .map(({ citations, ...source }) => ({
        ...source,
        citations: citations.map((c) => `${c.document.slug}#${c.anchor}`).sort(),
      }))
      .sort((a, b) => (a.citations[0]! < b.citations[0]! ? -1 : 1)),
  };
}

describe("the corpus essays' links", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    const results = await ingestSources(database.db, CORPUS);
    expect(results.every((r) => r.ok)).toBe(true);
  });
  afterAll(async () => database.drop());

  it("are those of the snapshot taken before the derivations became incremental", async () => {
    const current = await readCorpusLinks(database);
    expect(current.links.length).toBeGreaterThan(200);
    await expect(JSON.stringify(current, null, 1) + "\n").toMatchFileSnapshot(SNAPSHOT);
  });
});
