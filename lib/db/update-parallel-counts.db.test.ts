import { createHash } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestSources } from "@/lib/corpus/ingest-sources";
import { parseDocument } from "@/lib/ingest/parse-document";
import type { DocumentStructure } from "@/lib/model/document-model";
import { deriveParallelCountsFromScratch, readStoredParallelCounts } from "@/tests/db/derive-parallel-counts-from-scratch";
import { createTestDatabase, type TestDatabase } from "@/tests/db/test-database";
import { syntheticCorpus } from "@/tests/synthetic-corpus/synthetic-corpus";
import { countParallelPlaces } from "./count-parallel-places";
import { loadDocument } from "./load-document";
import type { Database } from "./prisma-client";
import { removeDocument } from "./remove-document";

/**
 * The parallel counts stored at load (update-parallel-counts.ts) against the oracle: after loads one by one,
 * the re-ingest of a changed essay and a removal, every block's stored count is what aligning every pair of
 * documents from scratch gives. The corpus: the two corpus essays and 10 synthetic essays (seed 5), which
 * quote a shared pool of works, so most blocks' counts are written by the loads of other essays.
 */
const CORPUS = ["000_1322acf3015bdc34.txt", "001_dd40619b11185e85.txt"].map((file) => ({ path: path.join("corpus", file) }));
const SYNTHETIC = 10;
/** Loading a dozen essays on a shared 2-core machine. */
const SLOW = 600_000;
const synthetic = syntheticCorpus(5);
const essays = Array.from({ length: SYNTHETIC }, (_, i) => synthetic.essay(i));

async function loadEssay(db: Database, essay: (typeof essays)[number], edit?: (draft: DocumentStructure) => void) {
  const bytes = new TextEncoder().encode(essay.text);
  const draft = parseDocument({ bytes, fileName: `${essay.stem}.txt`, manifest: essay.manifest });
  const sha = createHash("sha256").update(bytes).digest("hex");
  edit?.(draft);
  const sourceSha256 = edit ? createHash("sha256").update(sha + JSON.stringify(draft)).digest("hex") : sha;
  return loadDocument(draft, { sourceFile: `${essay.stem}.txt`, sourceSha256, parserVersion: "test", manifest: essay.manifest }, db);
}

describe("stored parallel counts", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    expect((await ingestSources(database.db, CORPUS)).every((r) => r.ok)).toBe(true);
    for (const essay of essays) await loadEssay(database.db, essay);
  }, SLOW);
  afterAll(async () => database.drop());

  it("equal, after loading essays one by one, the counts of a from-scratch alignment of every pair", { timeout: SLOW }, async () => {
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

  it("follow the re-ingest of a changed essay: its lost quotations leave the other essays' counts", { timeout: SLOW }, async () => {
    const essay = essays[3]!;
    const before = await readStoredParallelCounts(database.db);
    const outcome = await loadEssay(database.db, essay, (draft) => {
      const quoting = draft.paragraphs.filter((p) => p.text.includes("指出：“"));
      expect(quoting.length).toBeGreaterThan(0);
      const notes = new Set(quoting.flatMap((p) => p.markers.map((m) => m.footnoteAnchor)));
      draft.paragraphs = draft.paragraphs.filter((p) => !quoting.includes(p));
      draft.footnotes = draft.footnotes.filter((n) => !notes.has(n.anchor));
    });
    expect(outcome.status).toBe("replaced");
    const after = await readStoredParallelCounts(database.db);
    expect(after).toEqual(await deriveParallelCountsFromScratch(database.db));
    // Other essays' blocks changed too (the edit removed places they had counted), or the test proves little.
    const others = (lines: string[]) => lines.filter((line) => !line.startsWith(`${essay.stem} `));
    expect(others(after)).not.toEqual(others(before));
  });

  it("keep, on a re-ingest of an unchanged text (a new pipeline), every count, writing no other essay's row", { timeout: SLOW }, async () => {
    const essay = essays[5]!;
    const xmins = () =>
      database.db.$queryRaw<{ id: string; xmin: string }[]>`
        select f.id, f.xmin::text as xmin from "PassageFingerprint" f join "Document" d on d.id = f."documentId" where d.slug <> ${essay.stem} order by f.id`;
    const before = { counts: await readStoredParallelCounts(database.db), rows: await xmins() };
    const bytes = new TextEncoder().encode(essay.text);
    const draft = parseDocument({ bytes, fileName: `${essay.stem}.txt`, manifest: essay.manifest });
    const outcome = await loadDocument(draft, { sourceFile: `${essay.stem}.txt`, sourceSha256: "e".repeat(64), parserVersion: "next", manifest: essay.manifest }, database.db);
    expect(outcome.status).toBe("replaced");
    expect(await readStoredParallelCounts(database.db)).toEqual(before.counts);
    expect(before.counts.some((line) => line.startsWith(`${essay.stem} `))).toBe(true);
    expect(await xmins()).toEqual(before.rows);
  });

  it("follow a removal: no block counts the removed essay's places", { timeout: SLOW }, async () => {
    const slug = essays[0]!.stem;
    expect(await removeDocument(slug, database.db)).toBe(true);
    const after = await readStoredParallelCounts(database.db);
    expect(after).toEqual(await deriveParallelCountsFromScratch(database.db));
    expect(after.some((line) => line.startsWith(`${slug} `))).toBe(false);
  });

  it("equal the from-scratch counts again after the removed essay is added back", { timeout: SLOW }, async () => {
    await loadEssay(database.db, essays[0]!);
    expect(await readStoredParallelCounts(database.db)).toEqual(await deriveParallelCountsFromScratch(database.db));
  });
});
