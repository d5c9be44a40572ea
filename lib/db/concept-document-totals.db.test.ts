import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentStructure } from "@/lib/model/document-model";
import { CORPUS_LOAD_TIMEOUT_MS, createCorpusDatabase, loadSyntheticEssay, syntheticEssays } from "@/tests/db/corpus-with-synthetic-essays";
import type { TestDatabase } from "@/tests/db/test-database";
import { listCatalogueFacets } from "./list-catalogue";
import type { Database } from "./prisma-client";
import { removeDocument } from "./remove-document";

/**
 * Concept.documents, the totals the catalogue's unfiltered concept facet reads (issue 15), are what counting the
 * documents that mention each concept afresh gives, after loads, a re-ingest that loses concepts, one that gains
 * them back, and a removal. The corpus: the two corpus essays and 4 synthetic essays, loaded one by one.
 */
const essays = syntheticEssays(4);

async function storedTotals(db: Database): Promise<Map<string, number>> {
  const rows = await db.concept.findMany({ select: { id: true, documents: true } });
  return new Map(rows.map((row) => [row.id, row.documents]));
}

/** Documents mentioning each concept or one of its items, counted from every stored mention. */
async function countedAfresh(db: Database): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ id: string; documents: number }[]>`
    select c.id, (select count(distinct m."documentId")::int from "ConceptMention" m where m."conceptId" = c.id) as documents from "Concept" c`;
  return new Map(rows.map((row) => [row.id, row.documents]));
}

async function expectCountedAfresh(db: Database): Promise<Map<string, number>> {
  const stored = await storedTotals(db);
  expect(stored).toEqual(await countedAfresh(db));
  return stored;
}

async function conceptsOf(db: Database, slug: string): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    select distinct m."conceptId" as id from "ConceptMention" m join "Document" d on d.id = m."documentId" where d.slug = ${slug}`;
  return new Set(rows.map((row) => row.id));
}

/** An edited essay keeping only its first paragraph, with the notes it calls: most of its concepts go. */
function keepFirstParagraph(draft: DocumentStructure): void {
  draft.paragraphs = draft.paragraphs.slice(0, 1);
  const notes = new Set(draft.paragraphs.flatMap((p) => p.markers.map((m) => m.footnoteAnchor)));
  draft.footnotes = draft.footnotes.filter((n) => notes.has(n.anchor));
}

describe("concepts' document totals kept by the load", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createCorpusDatabase(essays);
  }, CORPUS_LOAD_TIMEOUT_MS);
  afterAll(async () => database.drop());

  it("are the documents counted afresh after loading essays one by one, and are what the whole catalogue's concept facet shows", async () => {
    const totals = await expectCountedAfresh(database.db);
    // Enough to prove something: concepts in several documents, and totals that differ (an order to get right).
    expect([...totals.values()].filter((n) => n >= 3).length).toBeGreaterThan(3);
    expect(new Set(totals.values()).size).toBeGreaterThan(2);
    const facet = (await listCatalogueFacets({}, database.db)).concept;
    expect(facet.length).toBeGreaterThan(3);
    for (const value of facet) expect(value.count).toBe(totals.get(value.value));
    // The most mentioned first: no concept left out has more documents than one listed.
    const shown = new Set(facet.map((value) => value.value));
    const leastShown = Math.min(...facet.map((value) => value.count));
    for (const [id, n] of totals) if (!shown.has(id)) expect(n).toBeLessThanOrEqual(leastShown);
  });

  it("move by one for each concept a changed re-ingest loses, and again for each it gains back", async () => {
    const essay = essays[1]!;
    const had = await conceptsOf(database.db, essay.stem);
    const before = await storedTotals(database.db);
    expect((await loadSyntheticEssay(database.db, essay, { edit: keepFirstParagraph })).status).toBe("replaced");
    const has = await conceptsOf(database.db, essay.stem);
    const lost = [...had].filter((id) => !has.has(id));
    expect(lost.length).toBeGreaterThan(0);
    const shrunk = await expectCountedAfresh(database.db);
    for (const id of lost) expect(shrunk.get(id)).toBe(before.get(id)! - 1);

    expect((await loadSyntheticEssay(database.db, essay)).status).toBe("replaced");
    expect(await conceptsOf(database.db, essay.stem)).toEqual(had);
    expect(await expectCountedAfresh(database.db)).toEqual(before);
  }, CORPUS_LOAD_TIMEOUT_MS);

  it("lose a removed essay in every concept it mentioned", async () => {
    const slug = essays[0]!.stem;
    const had = await conceptsOf(database.db, slug);
    expect(had.size).toBeGreaterThan(0);
    const before = await storedTotals(database.db);
    expect(await removeDocument(slug, database.db)).toBe(true);
    const after = await expectCountedAfresh(database.db);
    for (const [id, n] of after) expect(n).toBe(before.get(id)! - (had.has(id) ? 1 : 0));
  }, CORPUS_LOAD_TIMEOUT_MS);
});
