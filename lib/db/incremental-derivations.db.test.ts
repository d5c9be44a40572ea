import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CORPUS_LOAD_TIMEOUT_MS,
  createCorpusDatabase,
  dropQuotingParagraphs,
  ingestCorpusEssays,
  loadSyntheticEssay,
  syntheticEssays,
} from "@/tests/db/corpus-with-synthetic-essays";
import { sampleDraft, sampleSource } from "@/tests/db/fixtures/sample-draft";
import { canonicalCorpus, deriveCorpusFromScratch } from "@/tests/db/derive-corpus-from-scratch";
import { readCorpusLinks } from "@/tests/db/read-corpus-links";
import { storedBlocks } from "@/tests/db/stored-blocks";
import { createTestDatabase, type TestDatabase } from "@/tests/db/test-database";
import { loadConceptDictionary } from "@/lib/concepts/load-concept-dictionary";
import { findMentions } from "@/lib/derivations/find-mentions";
import { fingerprintBlocks } from "@/lib/derivations/passage-fingerprints";
import { canonicalJson } from "./canonical-json";
import type { Database } from "./prisma-client";
import { loadDocument } from "./load-document";
import { removeDocument } from "./remove-document";

/**
 * The incremental derivations (issue 15) against the oracle: after any sequence of loads, replacements
 * and removals, what each document contributes (its passage-index fingerprints, its concept mentions, its
 * citations' sources) is what a from-scratch pass gives, and the links derived from it for every pair of
 * documents are those a from-scratch pass over every pair of documents gives.
 * The corpus: the two corpus essays and 12 synthetic essays (tests/db/corpus-with-synthetic-essays.ts).
 */
const essays = syntheticEssays(12);

async function expectFromScratch(db: Database) {
  const stored = canonicalCorpus(await readCorpusLinks(db));
  const expected = canonicalCorpus(await deriveCorpusFromScratch(db));
  expect(stored.sources).toEqual(expected.sources);
  expect(stored.links).toEqual(expected.links);
  expect(await readContributions(db)).toEqual(await deriveContributions(db));
  return stored;
}

/** Each document's passage-index entries and concept mentions as stored, by slug and anchor. */
async function readContributions(db: Database) {
  const prints = await db.passageFingerprint.findMany({ select: { blockKind: true, blockAnchor: true, fingerprints: true, document: { select: { slug: true } } } });
  const mentions = await db.conceptMention.findMany({
    select: { conceptId: true, memberOf: true, blockKind: true, blockAnchor: true, start: true, end: true, variant: true, document: { select: { slug: true } } },
  });
  return {
    prints: prints.map(({ document, ...row }) => canonicalJson({ slug: document.slug, ...row })).sort(),
    mentions: mentions.map(({ document, ...row }) => canonicalJson({ slug: document.slug, ...row })).sort(),
  };
}

/** The same, computed afresh from the stored documents' text. */
async function deriveContributions(db: Database) {
  const dictionary = loadConceptDictionary();
  const documents = await db.document.findMany({
    select: {
      slug: true,
      headings: { orderBy: { ordinal: "asc" }, select: { anchor: true, text: true } },
      paragraphs: { orderBy: { ordinal: "asc" }, select: { anchor: true, text: true } },
      footnotes: { orderBy: { ordinal: "asc" }, select: { anchor: true, text: true } },
    },
  });
  const prints: string[] = [];
  const mentions: string[] = [];
  for (const document of documents) {
    const blocks = storedBlocks(document);
    for (const block of fingerprintBlocks(blocks)) prints.push(canonicalJson({ slug: document.slug, ...block }));
    for (const mention of findMentions(blocks, dictionary)) {
      mentions.push(
        canonicalJson({
          slug: document.slug,
          conceptId: mention.memberOf ?? mention.conceptId,
          memberOf: mention.memberOf ? mention.conceptId : null,
          blockKind: mention.blockKind,
          blockAnchor: mention.blockAnchor,
          start: mention.start,
          end: mention.end,
          variant: mention.variant,
        }),
      );
    }
  }
  return { prints: prints.sort(), mentions: mentions.sort() };
}

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
