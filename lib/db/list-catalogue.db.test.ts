import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogueQuerySchema, type CatalogueQuery } from "@/lib/urls/route-params";
import { createTestDatabase, type TestDatabase } from "@/tests/db/test-database";
import { recountStoredCounts } from "@/tests/db/recount-stored-counts";
import { listConceptAggregates } from "./concept-catalogue-aggregates";
import { describeChosenFacets, FACET_VALUES_SHOWN, listCatalogueDocuments, listCatalogueFacets, type CatalogueFilters, type FacetValue } from "./list-catalogue";
import type { Database } from "./prisma-client";
import { suggestCompareTexts } from "./suggest-compare-texts";

/**
 * The catalogue's queries on 40 generated documents, written as rows (no parse, no derivations: what is
 * tested is counting and paging). Every expectation is computed from the generating spec below, the
 * oracle, not copied from a run.
 */

const JOURNALS = ["欧洲研究", "国际展望", "信息安全与通信保密"];
const CONCEPTS = [
  { id: "cyber-sovereignty", label: "网络主权", mentionedBy: (i: number) => i % 2 === 0 },
  { id: "shared-future", label: "网络空间命运共同体", mentionedBy: (i: number) => i % 3 === 0 },
  { id: "digital-divide", label: "数字鸿沟", mentionedBy: (i: number) => i === 5 || i === 7 },
];
const SOURCES = [
  { key: "src-common", title: "网络空间国际合作战略", citedBy: (i: number) => i % 4 === 0 },
  { key: "src-rare", title: "联合国信息安全政府专家组报告", citedBy: (i: number) => i === 1 || i === 2 },
  // A work no note names: the facet shows the words it is cited by.
  { key: "src-untitled", title: null, citedBy: (i: number) => i === 9 },
];
const COUNT = 40;

/** Titles chosen for the type-ahead's ranking; the rest are numbered. */
const SPECIAL_TITLES: Record<number, string> = {
  10: "数字鸿沟",
  11: "论数字鸿沟的成因与治理",
  12: "数字鸿沟与全球治理",
  13: "全球治理中的数字鸿沟问题研究",
  14: "折扣100%_与通配符",
};

interface Spec {
  i: number;
  slug: string;
  title: string;
  titleEn: string | null;
  journal: string | null;
  date: string | null;
  authors: string[];
}

const specs: Spec[] = Array.from({ length: COUNT }, (_, i) => ({
  i,
  slug: `essay-${String(i).padStart(2, "0")}`,
  title: SPECIAL_TITLES[i] ?? `网络空间治理研究之${String(i).padStart(2, "0")}`,
  titleEn: i === 15 ? "Bridging the Digital Divide" : null,
  // Every tenth essay's journal is not known: it stays absent, and is counted under no journal.
  journal: i % 10 === 9 ? null : JOURNALS[i % 3]!,
  // Every eighth is undated; dates are a year or a year and month, as manifests give them.
  date: i % 8 === 7 ? null : i % 2 === 0 ? String(2016 + (i % 5)) : `${2016 + (i % 5)}-0${1 + (i % 9)}`,
  authors: i === 0 ? ["王伟", "李娜"] : [["王伟", "张敏", "刘洋", "陈静"][i % 4]!],
}));

async function writeCorpus(db: Database) {
  await db.concept.createMany({
    data: CONCEPTS.map((concept, ordinal) => ({
      id: concept.id,
      labelZh: concept.label,
      labelEn: concept.id,
      variants: [],
      definitionZh: "",
      definitionEn: "",
      definitionSource: {},
      broader: [],
      narrower: [],
      related: [],
      members: [],
      ordinal,
    })),
  });
  const sources = await Promise.all(
    SOURCES.map((source) =>
      db.source.create({
        data: { key: source.key, title: source.title, authors: [], type: "report", urls: [], confidence: 1, evidence: {} },
        select: { id: true, key: true },
      }),
    ),
  );
  for (const spec of specs) {
    const document = await db.document.create({
      data: {
        slug: spec.slug,
        sourceFile: `${spec.slug}.txt`,
        sourceSha256: spec.slug,
        parserVersion: "test",
        manifest: {},
        title: spec.title,
        titleEn: spec.titleEn,
        authors: spec.authors,
        journal: spec.journal,
        date: spec.date,
        pageCount: 1,
        debris: [],
        fragments: [],
        warnings: [],
      },
      select: { id: true },
    });
    await db.paragraph.createMany({
      data: Array.from({ length: 1 + (spec.i % 3) }, (_, ordinal) => ({
        documentId: document.id,
        anchor: `p-${ordinal}`,
        ordinal,
        text: "正文",
        lineFrom: ordinal,
        lineTo: ordinal,
      })),
    });
    const note = await db.footnote.create({
      data: { documentId: document.id, anchor: "n-1", ordinal: 0, label: "①", page: 1, status: "present", text: "注释", lineFrom: 9, lineTo: 9 },
      select: { id: true },
    });
    const cited = SOURCES.flatMap((source, index) => (source.citedBy(spec.i) ? [sources[index]!] : []));
    await db.citation.createMany({
      // Each work cited twice, so that counting documents (not citations) is what is tested.
      data: cited.flatMap((source, index) =>
        [0, 1].map((repeat) => ({
          documentId: document.id,
          footnoteId: note.id,
          anchor: `n-1-c${index * 2 + repeat + 1}`,
          ordinal: index * 2 + repeat,
          raw: `引自${source.key}`,
          authors: [],
          sourceId: source.id,
          lineFrom: 9,
          lineTo: 9,
        })),
      ),
    });
    await db.conceptMention.createMany({
      data: CONCEPTS.filter((concept) => concept.mentionedBy(spec.i)).flatMap((concept) =>
        [0, 1, 2].map((start) => ({
          conceptId: concept.id,
          documentId: document.id,
          blockKind: "paragraph" as const,
          blockAnchor: "p-0",
          start,
          end: start + 1,
          variant: concept.label,
        })),
      ),
    });
  }
  // What a load stores beside the rows written here by hand: the counts the facets read.
  await recountStoredCounts(db);
}

/** The oracle: what each filter keeps, from the spec. */
function matches(spec: Spec, filters: CatalogueFilters): boolean {
  const year = spec.date?.slice(0, 4);
  const terms = (filters.q ?? "").trim().split(/\s+/u).filter(Boolean);
  const haystack = `${spec.title} ${spec.titleEn ?? ""} ${spec.authors.join(" ")}`.toLowerCase();
  return (
    terms.every((term) => haystack.includes(term.toLowerCase())) &&
    (filters.journal === undefined || spec.journal === filters.journal) &&
    (filters.year === undefined || year === String(filters.year)) &&
    (filters.author === undefined || spec.authors.includes(filters.author)) &&
    (filters.concept === undefined || CONCEPTS.find((c) => c.id === filters.concept)!.mentionedBy(spec.i)) &&
    (filters.source === undefined || SOURCES.find((s) => s.key === filters.source)!.citedBy(spec.i))
  );
}

function expectedCounts(filters: CatalogueFilters, valuesOf: (spec: Spec) => string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const spec of specs.filter((s) => matches(s, filters))) for (const value of new Set(valuesOf(spec))) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

const asMap = (values: FacetValue[]) => new Map(values.map((v) => [v.value, v.count]));

describe("the catalogue's queries", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await writeCorpus(database.db);
  });
  afterAll(async () => database.drop());

  const query = (params: Record<string, string | number>): CatalogueQuery => catalogueQuerySchema.parse(params);

  it("pages through every document once, newest first, with the total on every page and past the last", async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 5; page++) {
      const result = await listCatalogueDocuments(query({ page, pageSize: 9 }), database.db);
      expect(result.total).toBe(COUNT);
      expect(result.documents).toHaveLength(page < 5 ? 9 : COUNT - 4 * 9);
      seen.push(...result.documents.map((d) => d.slug));
    }
    expect(new Set(seen).size).toBe(COUNT);
    // Newest first, undated last.
    const dates = seen.map((slug) => specs.find((s) => s.slug === slug)!.date);
    const dated = dates.filter((date): date is string => date !== null);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(dates.slice(dated.length).every((date) => date === null)).toBe(true);

    const past = await listCatalogueDocuments(query({ page: 6, pageSize: 9 }), database.db);
    expect(past.documents).toEqual([]);
    expect(past.total).toBe(COUNT);
  });

  it("lists the whole corpus and a narrowed list in the catalogue's order: newest first, ties and undated ones by slug, undated last", async () => {
    // The oracle's order: dates compared as the strings they are stored as (a year before the same year's months).
    const inOrder = (kept: Spec[]) =>
      [...kept]
        .sort((a, b) => (a.date === b.date ? 0 : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? 1 : -1) || (a.slug < b.slug ? -1 : 1))
        .map((spec) => spec.slug);
    // The whole corpus is read from the index's first entries, dated and undated apart: page sizes whose pages
    // end inside a run of equal dates, on the last dated ones, and across into the undated ones.
    for (const pageSize of [3, 7, 20]) {
      const listed: string[] = [];
      for (let page = 1; page <= Math.ceil(COUNT / pageSize); page++) listed.push(...(await listCatalogueDocuments(query({ page, pageSize }), database.db)).documents.map((d) => d.slug));
      expect(listed).toEqual(inOrder(specs));
    }
    // A narrowed list (a facet, no title words) is sorted among the documents it keeps, in the same order.
    const journal = JOURNALS[0]!;
    const narrowed = await listCatalogueDocuments(query({ journal, pageSize: 100 }), database.db);
    expect(narrowed.documents.map((d) => d.slug)).toEqual(inOrder(specs.filter((spec) => spec.journal === journal)));
  });

  it("counts the whole corpus in the list's statement when asked, on a narrowed page and on one past the last", async () => {
    const narrowed = await listCatalogueDocuments(query({ q: "网络空间" }), database.db, { withCorpusSize: true });
    expect(narrowed.total).toBeGreaterThan(0);
    expect(narrowed.total).toBeLessThan(COUNT);
    expect(narrowed.corpusSize).toBe(COUNT);
    const past = await listCatalogueDocuments(query({ q: "网络空间", page: 99 }), database.db, { withCorpusSize: true });
    expect(past.documents).toEqual([]);
    expect([past.total, past.corpusSize]).toEqual([narrowed.total, COUNT]);
    // Not asked: not counted.
    expect((await listCatalogueDocuments(query({ q: "网络空间" }), database.db)).corpusSize).toBeUndefined();
  });

  it("counts each card's paragraphs, notes and distinct works cited from the rows", async () => {
    const { documents } = await listCatalogueDocuments(query({ q: "论数字鸿沟" }), database.db);
    expect(documents.map((d) => d.slug)).toEqual(["essay-11"]);
    expect(documents[0]!.counts).toEqual({ paragraphs: 3, footnotes: 1, sources: 0 });
    const zero = await listCatalogueDocuments(query({ source: "src-common", q: "之00" }), database.db);
    // Cited twice, one work.
    expect(zero.documents[0]!.counts.sources).toBe(1);
  });

  it.each<[string, CatalogueFilters]>([
    ["no filter", {}],
    ["a concept", { concept: "cyber-sovereignty" }],
    ["a concept and a journal", { concept: "shared-future", journal: "欧洲研究" }],
    ["a source and a year", { source: "src-common", year: 2016 }],
    ["an author", { author: "王伟" }],
    ["title words", { q: "网络空间 研究" }],
    // Looked for as typed (no case to ignore) in the title, and in the authors' names.
    ["an author's name typed as a title word", { q: "张敏" }],
    // Case ignored: an English title's words typed in another case.
    ["English title words in capitals", { q: "BRIDGING divide" }],
  ])("counts every facet's values among the documents kept by %s", async (_name, filters) => {
    const facets = await listCatalogueFacets(filters, database.db);
    const { total } = await listCatalogueDocuments({ ...filters, page: 1, pageSize: 1 }, database.db);
    expect(total).toBe(specs.filter((s) => matches(s, filters)).length);
    expect(asMap(facets.journal)).toEqual(expectedCounts(filters, (s) => (s.journal ? [s.journal] : [])));
    expect(asMap(facets.year)).toEqual(expectedCounts(filters, (s) => (s.date ? [s.date.slice(0, 4)] : [])));
    expect(asMap(facets.author)).toEqual(expectedCounts(filters, (s) => s.authors));
    expect(asMap(facets.concept)).toEqual(expectedCounts(filters, (s) => CONCEPTS.filter((c) => c.mentionedBy(s.i)).map((c) => c.id)));
    expect(asMap(facets.source)).toEqual(expectedCounts(filters, (s) => SOURCES.filter((c) => c.citedBy(s.i)).map((c) => c.key)));
    // Most frequent first (years: newest first), each labelled.
    for (const values of [facets.journal, facets.author, facets.concept, facets.source]) {
      expect(values.map((v) => v.count)).toEqual([...values.map((v) => v.count)].sort((a, b) => b - a));
    }
    expect(facets.year.map((v) => v.value)).toEqual([...facets.year.map((v) => v.value)].sort().reverse());
    expect(facets.concept.find((v) => v.value === "cyber-sovereignty")?.label ?? "网络主权").toBe("网络主权");
  });

  it("labels a work no note names by the words it is cited by, listed and chosen", async () => {
    const facets = await listCatalogueFacets({ source: "src-untitled" }, database.db);
    expect(facets.source).toEqual([{ value: "src-untitled", label: "引自src-untitled", count: 1 }]);
    expect(await describeChosenFacets({ source: "src-untitled", concept: "shared-future", year: 2017 }, database.db)).toEqual({
      source: "引自src-untitled",
      concept: "网络空间命运共同体",
      year: "2017",
    });
  });

  it("ranks the title type-ahead: the exact title, then titles starting with the words, then containing them, earliest first", async () => {
    const { documents, total } = await listCatalogueDocuments(query({ q: "数字鸿沟", pageSize: 8 }), database.db);
    expect(documents.map((d) => d.slug)).toEqual(["essay-10", "essay-12", "essay-11", "essay-13"]);
    expect(total).toBe(4);
    // The English title and authors are searched too; case does not matter.
    expect((await listCatalogueDocuments(query({ q: "digital DIVIDE" }), database.db)).documents.map((d) => d.slug)).toEqual(["essay-15"]);
    expect((await listCatalogueDocuments(query({ q: "李娜" }), database.db)).documents.map((d) => d.slug)).toEqual(["essay-00"]);
    // % and _ are characters, not patterns.
    expect((await listCatalogueDocuments(query({ q: "100%_" }), database.db)).documents.map((d) => d.slug)).toEqual(["essay-14"]);
    expect((await listCatalogueDocuments(query({ q: "%" }), database.db)).total).toBe(1);
    expect((await listCatalogueDocuments(query({ q: "_" }), database.db)).total).toBe(1);
  });

  it("counts anew once the corpus changes: an essay added, then removed", async () => {
    const before = await listCatalogueFacets({ concept: "digital-divide" }, database.db);
    expect(asMap(before.concept).get("digital-divide")).toBe(2);
    const added = await database.db.document.create({
      data: { slug: "essay-added", sourceFile: "x.txt", sourceSha256: "x", parserVersion: "test", manifest: {}, title: "新增", authors: [], pageCount: 1, debris: [], fragments: [], warnings: [] },
      select: { id: true },
    });
    await database.db.conceptMention.create({
      data: { conceptId: "digital-divide", documentId: added.id, blockKind: "paragraph", blockAnchor: "p-0", start: 0, end: 1, variant: "数字鸿沟" },
    });
    await recountStoredCounts(database.db);
    expect(asMap((await listCatalogueFacets({ concept: "digital-divide" }, database.db)).concept).get("digital-divide")).toBe(3);
    await database.db.document.delete({ where: { id: added.id } });
    expect(asMap((await listCatalogueFacets({ concept: "digital-divide" }, database.db)).concept).get("digital-divide")).toBe(2);
  });

  it("counts a filter set seen first in one statement, asks only for the corpus version after, and counts again once it moves", async () => {
    const statements: string[] = [];
    // The same client, its raw statements noted: the memo is kept per client.
    const noting = new Proxy(database.db, {
      get(target, property, receiver) {
        if (property !== "$queryRaw") return Reflect.get(target, property, receiver);
        return (strings: TemplateStringsArray, ...values: unknown[]) => {
          statements.push(strings.join("?"));
          return target.$queryRaw(strings, ...values);
        };
      },
    }) as Database;
    const filters: CatalogueFilters = { journal: JOURNALS[1] };
    const first = await listCatalogueFacets(filters, noting);
    expect(statements).toHaveLength(1);
    // The counting statement (its facets' columns are in its text), then the version alone.
    expect(statements[0]).toContain("as journal");
    expect(await listCatalogueFacets(filters, noting)).toEqual(first);
    expect(statements).toHaveLength(2);
    expect(statements[1]).not.toContain("as journal");
    // An essay of that journal added: the version moves, and the counts are taken again.
    const added = await database.db.document.create({
      data: { slug: "essay-version", sourceFile: "x.txt", sourceSha256: "x", parserVersion: "test", manifest: {}, title: "新增", authors: [], journal: JOURNALS[1], pageCount: 1, debris: [], fragments: [], warnings: [] },
      select: { id: true },
    });
    try {
      const after = await listCatalogueFacets(filters, noting);
      expect(statements).toHaveLength(4);
      expect(asMap(after.journal).get(JOURNALS[1]!)).toBe(asMap(first.journal).get(JOURNALS[1]!)! + 1);
    } finally {
      await database.db.document.delete({ where: { id: added.id } });
    }
    expect(await listCatalogueFacets(filters, noting)).toEqual(first);
  });

  it("aggregates the concept index by year and by journal, each count the essays the catalogue drills down to", async () => {
    for (const by of ["year", "journal"] as const) {
      const aggregates = await listConceptAggregates(by, database.db);
      const valueOf = (spec: Spec) => (by === "year" ? (spec.date?.slice(0, 4) ?? null) : spec.journal);
      const columns = expectedCounts({}, (spec) => (valueOf(spec) === null ? [] : [valueOf(spec)!]));
      expect(new Map(aggregates.values.map((v) => [v.value, v.documents]))).toEqual(columns);
      expect(aggregates.rows.map((row) => row.id)).toEqual(CONCEPTS.map((c) => c.id));
      for (const row of aggregates.rows) {
        for (const { value } of aggregates.values) {
          const filters: CatalogueFilters = by === "year" ? { concept: row.id, year: Number(value) } : { concept: row.id, journal: value };
          const { total } = await listCatalogueDocuments({ ...filters, page: 1, pageSize: 1 }, database.db);
          expect(row.byValue[value] ?? 0, `${row.id} ${value}`).toBe(total);
        }
        expect(row.documents).toBe(specs.filter((spec) => CONCEPTS.find((c) => c.id === row.id)!.mentionedBy(spec.i)).length);
      }
    }
  });

  it("suggests the texts sharing most with one, rare shared works weighing more than common concepts", async () => {
    // essay-01 shares only the rare report, with essay-02.
    const one = await suggestCompareTexts("essay-01", 5, database.db);
    expect(one.map((s) => [s.slug, s.sharedSources, s.sharedConcepts])).toEqual([["essay-02", 1, 0]]);
    // essay-00 cites the common work and mentions two concepts: essays sharing all three come first.
    const zero = await suggestCompareTexts("essay-00", 40, database.db);
    const everything = specs.filter((s) => s.i !== 0 && s.i % 12 === 0).map((s) => s.slug);
    expect(zero.slice(0, everything.length).map((s) => s.slug).sort()).toEqual(everything);
    expect(zero.map((s) => s.score)).toEqual([...zero.map((s) => s.score)].sort((a, b) => b - a));
    // Everything sharing anything is listed, nothing else, never itself.
    const sharing = specs.filter((s) => s.i !== 0 && (s.i % 2 === 0 || s.i % 3 === 0 || s.i % 4 === 0)).map((s) => s.slug);
    expect(zero.map((s) => s.slug).sort()).toEqual(sharing.sort());
    expect(await suggestCompareTexts("no-such-essay", 5, database.db)).toEqual([]);
  });
});

/**
 * More works than the facet lists, cited by the essays a title word keeps so that the last place listed falls among
 * works cited equally often (ties broken by key), and by essays it does not keep, which must not count.
 */
describe("the works facet of a list narrowed by title words", () => {
  /** Work w is cited by the first WORK_CITERS[w] of the kept essays, and by every essay left out. */
  const WORK_CITERS = [5, 4, 4, 3, 3, 3, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1];
  const KEPT = 6;
  const keyOf = (w: number) => `work-${String(w).padStart(2, "0")}`;
  // Keys in an order other than the counts', so that the order listed is the query's, not the rows'.
  const shuffled = WORK_CITERS.map((_, w) => w).sort((a, b) => ((a * 7) % 20) - ((b * 7) % 20));
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    const works = new Map<number, string>();
    for (const w of shuffled) {
      const row = await db.source.create({ data: { key: keyOf(w), title: `著作${w}`, authors: [], type: "report", urls: [], confidence: 1, evidence: {} }, select: { id: true } });
      works.set(w, row.id);
    }
    for (let i = 0; i < KEPT + 2; i++) {
      const kept = i < KEPT;
      const document = await db.document.create({
        data: {
          slug: `essay-${i}`,
          sourceFile: `essay-${i}.txt`,
          sourceSha256: `essay-${i}`,
          parserVersion: "test",
          manifest: {},
          title: kept ? `全球治理研究之${i}` : `数字经济之${i}`,
          authors: [],
          pageCount: 1,
          debris: [],
          fragments: [],
          warnings: [],
        },
        select: { id: true },
      });
      const note = await db.footnote.create({
        data: { documentId: document.id, anchor: "n-1", ordinal: 0, label: "①", page: 1, status: "present", text: "注释", lineFrom: 1, lineTo: 1 },
        select: { id: true },
      });
      const cited = WORK_CITERS.flatMap((citers, w) => (!kept || i < citers ? [w] : []));
      await db.citation.createMany({
        data: cited.map((w, ordinal) => ({
          documentId: document.id,
          footnoteId: note.id,
          anchor: `n-1-c${ordinal + 1}`,
          ordinal,
          raw: `引自${keyOf(w)}`,
          authors: [],
          sourceId: works.get(w)!,
          lineFrom: 1,
          lineTo: 1,
        })),
      });
    }
    await recountStoredCounts(db);
  });
  afterAll(async () => database.drop());

  it("lists the works most cited by the essays kept, ties by key, counting only those essays", async () => {
    const facets = await listCatalogueFacets({ q: "治理" }, database.db);
    // The oracle: each work's citing essays among those kept, most first, then by key, the first FACET_VALUES_SHOWN.
    const expected = WORK_CITERS.map((citers, w) => ({ value: keyOf(w), label: `著作${w}`, count: Math.min(citers, KEPT) }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
      .slice(0, FACET_VALUES_SHOWN);
    expect(facets.source).toEqual(expected);
    // The last place listed falls among works cited equally often: some of them are listed, some not.
    expect(WORK_CITERS.filter((citers) => citers === expected.at(-1)!.count).length).toBeGreaterThan(expected.filter((v) => v.count === expected.at(-1)!.count).length);
  });
});
