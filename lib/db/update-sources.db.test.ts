import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { citationMatchKeys, type CitationMatchKeys } from "@/lib/citations/group-sources";
import { titleBigrams } from "@/lib/derivations/similar-titles";
import type { Citation } from "@/lib/model/document-model";
import {
  CORPUS_LOAD_TIMEOUT_MS,
  createCorpusDatabase,
  dropQuotingParagraphs,
  loadSyntheticEssay,
  syntheticEssays,
} from "@/tests/db/corpus-with-synthetic-essays";
import type { TestDatabase } from "@/tests/db/test-database";
import { citationOf, citationSelect } from "./citation-columns";
import type { Database } from "./prisma-client";
import { removeDocument } from "./remove-document";
import { sourcesMatching } from "./update-sources";

/**
 * The similar-title lookup through distinct titles (MatchTitle, MatchTitleGram, MatchGram and the prefix
 * filter) against what it replaced: every citation's match keys, exact keys and title bigrams, compared with
 * every other document's citations (the old CitationMatchKey query counted each citation's shared bigrams).
 * On the corpus essays and two dozen synthetic ones, which cite a shared pool of works under varying
 * titles (full, （全文）, the speaker's colon, a headline), and on titles edited a few characters away from
 * theirs, so that the bound on shared bigrams is met, just met and just missed.
 */
const essays = syntheticEssays(24);

/** What the old lookup matched: sources of other documents' citations sharing an exact key or enough bigrams. */
async function matchedByEveryCitation(db: Database, documentId: string, queries: readonly CitationMatchKeys[]): Promise<string[]> {
  const rows = await db.citation.findMany({ where: { documentId: { not: documentId }, sourceId: { not: null } }, select: { sourceId: true, ...citationSelect } });
  const exact = new Set(queries.flatMap((q) => q.keys));
  const found = new Set<string>();
  for (const row of rows) {
    const keys = citationMatchKeys(citationOf(row));
    if (!keys) continue;
    const grams = new Set(keys.grams);
    const shares = keys.keys.some((key) => exact.has(key)) || queries.some((q) => q.grams.filter((g) => grams.has(g)).length >= q.minSharedGrams);
    if (shares) found.add(row.sourceId!);
  }
  return [...found].sort();
}

async function matchedByTitles(db: Database, documentId: string, queries: readonly CitationMatchKeys[]): Promise<string[]> {
  return (await db.$transaction((tx) => sourcesMatching(tx, documentId, queries))).sort();
}

/** The distinct-title tables as stored, and as derived from the citations' title keys. */
async function expectTitleTablesDerived(db: Database) {
  const titleKeys = (await db.citationMatchKey.findMany({ where: { key: { startsWith: "t:" } }, select: { key: true }, distinct: ["key"] })).map((r) => r.key).sort();
  expect((await db.matchTitle.findMany({ select: { key: true } })).map((r) => r.key).sort()).toEqual(titleKeys);
  const postings = titleKeys.flatMap((key) => titleBigrams(key).map((gram) => `${gram} ${key}`)).sort();
  expect((await db.matchTitleGram.findMany({ select: { gram: true, titleKey: true } })).map((r) => `${r.gram} ${r.titleKey}`).sort()).toEqual(postings);
  const counts = new Map<string, number>();
  for (const key of titleKeys) for (const gram of titleBigrams(key)) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  expect(Object.fromEntries((await db.matchGram.findMany({ select: { gram: true, titles: true } })).map((r) => [r.gram, r.titles]))).toEqual(Object.fromEntries(counts));
  // Bigrams live per distinct title only: no citation row carries them any more.
  expect(await db.citationMatchKey.count({ where: { key: { startsWith: "g:" } } })).toBe(0);
  return titleKeys;
}

function citationTitled(title: string): Citation {
  return { anchor: "c-test", raw: `《${title}》。`, authors: [], title, container: null, date: null, pages: null, url: null, repeats: null, sourceLines: [1, 1] };
}

/** A title a few edits away from one of the corpus's: characters replaced, dropped or put in (from the corpus's own titles). */
function editedTitle(bases: readonly string[]) {
  const chars = [...new Set(bases.flatMap((base) => [...base]))];
  const edit = fc.record({ kind: fc.constantFrom("replace", "drop", "insert"), at: fc.nat(), char: fc.constantFrom(...chars) });
  return fc.tuple(fc.constantFrom(...bases), fc.array(edit, { maxLength: 4 })).map(([base, edits]) => {
    const text = [...base];
    for (const { kind, at, char } of edits) {
      const i = at % Math.max(1, text.length);
      if (kind === "replace") text[i] = char;
      else if (kind === "drop" && text.length > 2) text.splice(i, 1);
      else if (kind === "insert") text.splice(i, 0, char);
    }
    return text.join("");
  });
}

async function expectSameMatches(db: Database, titleKeys: readonly string[]) {
  const documents = await db.document.findMany({ select: { id: true, citations: { select: citationSelect } } });
  // Each document's own citations, as a load looks them up.
  let matchedSome = 0;
  for (const document of documents) {
    const queries = document.citations.flatMap((row) => citationMatchKeys(citationOf(row)) ?? []);
    const expected = await matchedByEveryCitation(db, document.id, queries);
    expect(await matchedByTitles(db, document.id, queries)).toEqual(expected);
    if (expected.length > 0) matchedSome += 1;
  }
  expect(matchedSome).toBeGreaterThan(documents.length / 2);
  // Titles edited near the corpus's, looked up from any document.
  const bases = titleKeys.map((key) => key.slice(2));
  let similarOnly = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(editedTitle(bases), { minLength: 1, maxLength: 3 }), fc.constantFrom(...documents.map((d) => d.id)), async (titles, documentId) => {
      const queries = titles.flatMap((title) => citationMatchKeys(citationTitled(title)) ?? []);
      const expected = await matchedByEveryCitation(db, documentId, queries);
      expect(await matchedByTitles(db, documentId, queries)).toEqual(expected);
      const exactOnly = await matchedByEveryCitation(db, documentId, queries.map((q) => ({ ...q, grams: [] })));
      if (expected.length > exactOnly.length) similarOnly += 1;
    }),
    { numRuns: 150, seed: 15 },
  );
  // The edits reach titles only the bigram bound joins: the lookup is tested where it decides.
  expect(similarOnly).toBeGreaterThan(10);
}

describe("source matching through distinct titles", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createCorpusDatabase(essays);
  }, CORPUS_LOAD_TIMEOUT_MS);
  afterAll(async () => database?.drop());

  it(
    "finds exactly the sources every citation's bigrams found, after loads, a changed re-ingest and a removal",
    async () => {
      const db = database.db;
      await expectSameMatches(db, await expectTitleTablesDerived(db));

      // A changed re-ingest drops the quoted works' notes (their titles may leave the corpus), a removal drops all of an essay's.
      await loadSyntheticEssay(db, essays[3]!, { edit: dropQuotingParagraphs });
      expect(await removeDocument(essays[7]!.stem, db)).toBe(true);
      const afterChanges = await expectTitleTablesDerived(db);
      await expectSameMatches(db, afterChanges);

      // Added back: its titles are entered again.
      await loadSyntheticEssay(db, essays[7]!);
      await expectTitleTablesDerived(db);
    },
    CORPUS_LOAD_TIMEOUT_MS,
  );
});
