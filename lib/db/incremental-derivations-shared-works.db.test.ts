import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CORPUS_LOAD_TIMEOUT_MS } from "@/tests/db/corpus-with-synthetic-essays";
import { expectFromScratch } from "@/tests/db/expect-derivations-from-scratch";
import { sampleDraft, sampleSource } from "@/tests/db/fixtures/sample-draft";
import { createTestDatabase, type TestDatabase } from "@/tests/db/test-database";
import { loadDocument } from "./load-document";

/**
 * The incremental derivations (issue 15) on dozens of documents citing one work, under the same title or varying
 * ones: each load regroups the work's citations, and the sources stay those a from-scratch pass gives
 * (tests/db/expect-derivations-from-scratch.ts).
 */
describe("dozens of documents citing the same works under the same or varying titles", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.drop());

  it("load without error, each work one source record, each key unique", async () => {
    const variants = [
      { title: "甲在第二届某某大会开幕式上的讲话", container: "新华网", date: "2015-12-16" },
      { title: "甲在第二届某某大会开幕式上的讲话（全文）", container: "人民网", date: "2015-12-16" },
      { title: "甲：在第二届某某大会开幕式上的讲话", container: "中国政府网", date: "2015-12" },
    ];
    for (let d = 0; d < 30; d++) {
      const draft = sampleDraft({ slug: `shared-${String(d).padStart(2, "0")}` });
      const variant = variants[d % variants.length]!;
      const note = draft.footnotes[0]!;
      note.citations = [
        { ...note.citations[0]!, ...variant, raw: `《${variant.title}》，${variant.container}。` },
        // The same lost-title tail in every document: once two sources with one key (issue 15).
        { ...note.citations[0]!, anchor: `${note.anchor}-c2`, title: null, container: null, date: null, raw: "第5页。", pages: "5" },
      ];
      const outcome = await loadDocument(draft, { ...sampleSource, sourceFile: `${d}.txt`, sourceSha256: String(d).padStart(64, "0"), manifest: null }, database.db);
      expect(outcome.status).toBe("created");
    }
    const sources = await database.db.source.findMany({ select: { key: true, title: true, _count: { select: { citations: true } } } });
    const works = sources.filter((s) => s.title !== null);
    expect(works).toHaveLength(1);
    expect(works[0]!._count.citations).toBe(30);
    expect(sources.filter((s) => s.title === null)).toHaveLength(30);
    expect(new Set(sources.map((s) => s.key)).size).toBe(sources.length);
    await expectFromScratch(database.db);
  }, CORPUS_LOAD_TIMEOUT_MS);

  it("keep a work's source row when another essay cites it, and leave its earlier citations unwritten", async () => {
    const work = () =>
      database.db.$queryRaw<{ sourceId: string; xmin: string; citations: number }[]>`
        select c."sourceId", c.xmin::text as xmin, (select count(*)::int from "Citation" o where o."sourceId" = c."sourceId") as citations
        from "Citation" c join "Document" d on d.id = c."documentId" where d.slug = 'shared-00' and c.title is not null`;
    const [before] = await work();
    const draft = sampleDraft({ slug: "shared-30" });
    const note = draft.footnotes[0]!;
    note.citations = [{ ...note.citations[0]!, title: "甲在第二届某某大会开幕式上的讲话", container: "新华网", date: "2015-12-16", raw: "《甲在第二届某某大会开幕式上的讲话》，新华网。" }];
    expect((await loadDocument(draft, { ...sampleSource, sourceFile: "30.txt", sourceSha256: "3".repeat(64), manifest: null }, database.db)).status).toBe("created");
    const [after] = await work();
    expect(after).toEqual({ sourceId: before!.sourceId, xmin: before!.xmin, citations: before!.citations + 1 });
    await expectFromScratch(database.db);
  }, CORPUS_LOAD_TIMEOUT_MS);

  it("load a document again after its rows were deleted outside removeDocument, although its sources stayed behind", async () => {
    const draft = sampleDraft({ slug: "deleted-by-hand" });
    const note = draft.footnotes[0]!;
    note.citations = [{ ...note.citations[0]!, title: "只有这一篇引用的著作", container: "某出版社", date: "2001", raw: "《只有这一篇引用的著作》，某出版社2001年版。" }];
    const source = { ...sampleSource, sourceFile: "by-hand.txt", sourceSha256: "f".repeat(64), manifest: null };
    expect((await loadDocument(draft, source, database.db)).status).toBe("created");
    // As a hand-run `delete from "Document"` does: citations go with the document, the source they formed stays.
    await database.db.document.delete({ where: { slug: "deleted-by-hand" } });
    const left = await database.db.source.findMany({ where: { title: "只有这一篇引用的著作" }, select: { key: true, _count: { select: { citations: true } } } });
    expect(left).toEqual([{ key: expect.any(String), _count: { citations: 0 } }]);

    expect((await loadDocument(draft, source, database.db)).status).toBe("created");
    const after = await database.db.source.findMany({ where: { title: "只有这一篇引用的著作" }, select: { key: true, _count: { select: { citations: true } } } });
    expect(after).toEqual([{ key: left[0]!.key, _count: { citations: 1 } }]);
  }, CORPUS_LOAD_TIMEOUT_MS);
});
