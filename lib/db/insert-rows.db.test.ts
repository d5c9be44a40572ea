import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/db/test-database";
import { sampleDraft, sampleSource } from "@/tests/db/fixtures/sample-draft";
import { insertRows } from "./insert-rows";
import { FOOTNOTE_COLUMNS, loadDocument } from "./load-document";
import type { DatabaseTransaction } from "./prisma-client";

/** Text with what an array literal or a parameter could get wrong: quotes, backslashes, braces, commas, NULL, spaces. */
const awkwardText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.constantFrom("", "NULL", "null", '"', "\\", "{a,b}", " lead and trail ", "a\nb\tc", "网络主权，“引号”", "\\\"{},"),
);
const footnoteRow = fc.record({
  label: awkwardText,
  page: fc.integer({ min: -5, max: 5000 }),
  status: fc.constantFrom("present", "missing", "truncated", "unlocated" as const),
  text: awkwardText,
  lineFrom: fc.nat(100_000),
  lineTo: fc.nat(100_000),
  attachmentHow: fc.option(fc.constantFrom("label", "list", "order", "wording", "ibid", "correction" as const), { nil: null }),
  attachmentConfidence: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  attachmentUncertain: fc.option(fc.boolean(), { nil: null }),
  attachmentEvidence: fc.option(awkwardText, { nil: null }),
  correction: fc.option(awkwardText, { nil: undefined }),
  placement: fc.option(fc.record({ pages: fc.array(fc.nat(400), { maxLength: 3 }), note: awkwardText }), { nil: undefined }),
  pageBreaks: fc.option(fc.array(fc.record({ offset: fc.nat(4000), page: fc.nat(400), folio: awkwardText }), { maxLength: 3 }), { nil: undefined }),
});
const citationRow = fc.record({
  raw: awkwardText,
  authors: fc.array(awkwardText, { maxLength: 4 }),
  title: fc.option(awkwardText, { nil: null }),
  url: fc.option(awkwardText, { nil: null }),
  lineFrom: fc.nat(1000),
  lineTo: fc.nat(1000),
});


/** Rolls back whatever the callback wrote, after it returns what it read. */
async function rolledBack<T>(database: TestDatabase, work: (tx: DatabaseTransaction) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await database.db
    .$transaction(async (tx) => {
      result = await work(tx);
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return result as T;
}
class RolledBack extends Error {}

describe("insertRows", () => {
  let database: TestDatabase;
  let documentIds: [string, string];
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDocument(sampleDraft({ slug: "by-insert-rows" }), sampleSource, database.db);
    await loadDocument(sampleDraft({ slug: "by-create-many" }), { ...sampleSource, sourceFile: "other.txt" }, database.db);
    const rows = await database.db.document.findMany({ orderBy: { slug: "asc" }, select: { id: true } });
    documentIds = [rows[1]!.id, rows[0]!.id];
  });
  afterAll(async () => database.drop());

  it("writes what createMany writes, value for value (nulls, enums, floats, booleans, JSON, awkward text)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(footnoteRow, { minLength: 1, maxLength: 6 }), async (drafts) => {
        const [byInsert, byCreate] = await rolledBack(database, async (tx) => {
          const rows = (documentId: string) =>
            drafts.map((draft, ordinal) => ({ id: `${documentId}-${ordinal}`, documentId, anchor: `n-test-${ordinal}`, ordinal, ...draft }));
          await insertRows("Footnote", FOOTNOTE_COLUMNS, rows(documentIds[0]), tx);
          await tx.footnote.createMany({ data: rows(documentIds[1]) });
          const read = (documentId: string) =>
            tx.footnote.findMany({
              where: { documentId, anchor: { startsWith: "n-test-" } },
              orderBy: { ordinal: "asc" },
              omit: { id: true, documentId: true },
            });
          return [await read(documentIds[0]), await read(documentIds[1])];
        });
        expect(byInsert).toEqual(byCreate);
        expect(byInsert).toHaveLength(drafts.length);
      }),
      { numRuns: 25, seed: 20261206 },
    );
  });

  it("writes text and integer arrays, empty ones included, as createMany does", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(citationRow, { minLength: 1, maxLength: 5 }), fc.array(fc.array(fc.integer(), { maxLength: 40 }), { minLength: 1, maxLength: 4 }), async (citations, prints) => {
        const [byInsert, byCreate] = await rolledBack(database, async (tx) => {
          const notes = await tx.footnote.findMany({ where: { documentId: { in: documentIds } }, select: { id: true, documentId: true }, orderBy: { ordinal: "asc" } });
          const citationRows = (documentId: string) => {
            const footnoteId = notes.find((note) => note.documentId === documentId)!.id;
            return citations.map((citation, ordinal) => ({ id: `${documentId}-c${ordinal}`, documentId, footnoteId, anchor: `c-test-${ordinal}`, ordinal, ...citation }));
          };
          const printRows = (documentId: string) =>
            prints.map((fingerprints, index) => ({ id: `${documentId}-f${index}`, documentId, blockKind: "paragraph" as const, blockAnchor: `p-test-${index}`, fingerprints, text: `段落 ${index}` }));
          await insertRows(
            "Citation",
            { id: "text", documentId: "text", footnoteId: "text", anchor: "text", ordinal: "int", raw: "text", authors: "text[]", title: "text", container: "text", date: "text", pages: "text", url: "text", repeatsAnchor: "text", sourceId: "text", lineFrom: "int", lineTo: "int" },
            citationRows(documentIds[0]),
            tx,
          );
          await tx.citation.createMany({ data: citationRows(documentIds[1]) });
          await insertRows(
            "PassageFingerprint",
            { id: "text", documentId: "text", blockKind: { enum: "BlockKind" }, blockAnchor: "text", fingerprints: "int[]", parallelPlaces: "int", parallelDocuments: "int", citedNotes: "text[]", text: "text" },
            printRows(documentIds[0]),
            tx,
          );
          await tx.passageFingerprint.createMany({ data: printRows(documentIds[1]) });
          const read = async (documentId: string) => ({
            citations: await tx.citation.findMany({ where: { documentId, anchor: { startsWith: "c-test-" } }, orderBy: { ordinal: "asc" }, omit: { id: true, documentId: true, footnoteId: true } }),
            // Columns no row gave keep their database default (0), as with createMany.
            prints: await tx.passageFingerprint.findMany({ where: { documentId, blockAnchor: { startsWith: "p-test-" } }, orderBy: { blockAnchor: "asc" }, omit: { id: true, documentId: true } }),
          });
          return [await read(documentIds[0]), await read(documentIds[1])];
        });
        expect(byInsert).toEqual(byCreate);
        expect(byInsert.citations.map((c) => c.authors)).toEqual(citations.map((c) => c.authors));
        expect(byInsert.prints.map((p) => p.fingerprints)).toEqual(prints);
      }),
      { numRuns: 20, seed: 20261206 },
    );
  });

  it("leaves out rows whose key is taken when asked to skip duplicates, and fails on them otherwise", async () => {
    const citationId = (await database.db.citation.findFirstOrThrow({ where: { documentId: documentIds[0] }, select: { id: true } })).id;
    const inserted = await rolledBack(database, async (tx) => {
      const first = await insertRows("CitationMatchKey", { key: "text", citationId: "text" }, [{ key: "t:a", citationId }, { key: "t:b", citationId }], tx);
      const again = await insertRows("CitationMatchKey", { key: "text", citationId: "text" }, [{ key: "t:a", citationId }, { key: "t:c", citationId }], tx, { skipDuplicates: true });
      return { first, again, keys: (await tx.citationMatchKey.findMany({ where: { citationId }, select: { key: true }, orderBy: { key: "asc" } })).map((row) => row.key) };
    });
    expect(inserted).toEqual({ first: 2, again: 1, keys: expect.arrayContaining(["t:a", "t:b", "t:c"]) });
    await expect(
      rolledBack(database, async (tx) => {
        await insertRows("CitationMatchKey", { key: "text", citationId: "text" }, [{ key: "t:a", citationId }], tx);
        await insertRows("CitationMatchKey", { key: "text", citationId: "text" }, [{ key: "t:a", citationId }], tx);
      }),
    ).rejects.toThrow();
  });

  it("writes nothing, and sends nothing, for no rows", async () => {
    expect(await rolledBack(database, (tx) => insertRows("CitationMatchKey", { key: "text", citationId: "text" }, [], tx))).toBe(0);
  });
});

describe("the passage index", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.drop());

  it("keeps no pending list (each load looks its new blocks up in it at once)", async () => {
    const [index] = await database.db.$queryRaw<{ options: string[] | null }[]>`
      select c.reloptions as options from pg_class c where c.relname = 'PassageFingerprint_fingerprints_idx'`;
    expect(index?.options).toContain("fastupdate=off");
  });

  it("leaves room on its pages for the count updates of later loads (heap-only updates)", async () => {
    const [table] = await database.db.$queryRaw<{ options: string[] | null }[]>`
      select c.reloptions as options from pg_class c where c.relname = 'PassageFingerprint'`;
    expect(table?.options).toContain("fillfactor=70");
  });
});
