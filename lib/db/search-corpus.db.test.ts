import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestSources } from "@/lib/corpus/ingest-sources";
import { chooseIndexGrams } from "@/lib/search/choose-index-grams";
import { foldForSearch, mapFoldedRange } from "@/lib/search/fold-for-search";
import { parseSearchQuery } from "@/lib/search/parse-search-query";
import { createTestDatabase, type TestDatabase } from "@/tests/db/test-database";
import { readGramStatistics } from "./read-gram-statistics";
import { buildSearchQuery, listSearchFilters, MATCH_LIMIT, planSearch, type SearchRequest, searchCorpus } from "./search-corpus";

const CORPUS = ["000_1322acf3015bdc34.txt", "001_dd40619b11185e85.txt"].map((file) => ({ path: path.join("corpus", file) }));

interface Block {
  slug: string;
  anchor: string;
  kind: string;
  text: string;
}

/** Deterministic PRNG (mulberry32): the same queries on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The places a plain left-to-right substring scan finds, as `slug#anchor@start-end` of the display text. */
function scan(blocks: readonly Block[], term: string): string[] {
  const places: string[] = [];
  for (const block of blocks) {
    const { folded, offsets } = foldForSearch(block.text);
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + term.length)) {
      const range = mapFoldedRange(block.text, offsets, at, at + term.length);
      places.push(`${block.slug}#${block.anchor}@${range.start}-${range.end}`);
    }
  }
  return places.sort();
}

/**
 * Pages a search's index lookup may read for a term few blocks contain: the metapage, the root and a leaf of
 * the entry tree, its posting list, with room for a deeper tree. A pending list of one essay's entries is
 * tens of pages.
 */
const INDEX_PAGES_FOR_A_RARE_TERM = 8;

interface PlanNode {
  "Node Type": string;
  "Actual Rows"?: number;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
}

function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}

const everything = (terms: string[], extra: Partial<SearchRequest> = {}): SearchRequest => ({ terms, page: 1, pageSize: 1_000_000, ...extra });

describe("searchCorpus on the real corpus", () => {
  let database: TestDatabase;
  let blocks: Block[];
  beforeAll(async () => {
    database = await createTestDatabase();
    const results = await ingestSources(database.db, CORPUS);
    for (const result of results) if (!result.ok) throw new Error(`${result.file}: ${result.error}`);
    const rows = await database.db.searchBlock.findMany({
      select: { blockAnchor: true, blockKind: true, display: { select: { text: true } }, document: { select: { slug: true } } },
    });
    blocks = rows.map((row) => ({ slug: row.document.slug, anchor: row.blockAnchor, kind: row.blockKind, text: row.display!.text }));
  }, 180_000);
  afterAll(async () => database.drop());

  it("indexes every heading, paragraph and non-empty note of both essays", async () => {
    const counts = await database.db.searchBlock.groupBy({ by: ["blockKind"], _count: true });
    const byKind = Object.fromEntries(counts.map((c) => [c.blockKind, c._count]));
    const drafts = await database.db.document.findMany({ select: { _count: { select: { headings: true, paragraphs: true } } } });
    expect(byKind.heading).toBe(drafts.reduce((s, d) => s + d._count.headings, 0));
    expect(byKind.paragraph).toBe(drafts.reduce((s, d) => s + d._count.paragraphs, 0));
    expect(byKind.footnote).toBe(await database.db.footnote.count({ where: { NOT: { text: "" } } }));
    const rows = await database.db.searchBlock.findMany({ select: { folded: true, display: { select: { text: true, offsets: true } } } });
    expect(await database.db.searchBlockText.count()).toBe(rows.length);
    for (const row of rows) expect({ folded: row.folded, offsets: row.display?.offsets }).toEqual(foldForSearch(row.display?.text ?? ""));
  });

  it("finds a load's blocks in the index itself, not in a pending list every search scans", async () => {
    // A GIN index with fast update keeps new entries in an unsorted list (up to 4 MB) read in full by every
    // search: the two essays' blocks alone filled over a hundred pages of it. In place, a rare term's
    // posting list is a page or two past the index's root.
    const [row] = await database.db.$queryRawUnsafe<{ "QUERY PLAN": unknown }[]>(
      `explain (analyze, buffers, format json) select count(*) from "SearchBlock" b where search_grams(b.folded) @> array['鸿沟']`,
    );
    const explained = row!["QUERY PLAN"];
    const plan = (typeof explained === "string" ? JSON.parse(explained) : explained) as [{ Plan: PlanNode }];
    const scans = planNodes(plan[0].Plan).filter((node) => node["Node Type"] === "Bitmap Index Scan");
    expect(scans).toHaveLength(1);
    expect(scans[0]!["Actual Rows"]).toBeGreaterThan(0);
    expect(scans[0]!["Shared Hit Blocks"]! + scans[0]!["Shared Read Blocks"]!).toBeLessThanOrEqual(INDEX_PAGES_FOR_A_RARE_TERM);
  });

  it("finds exactly the places a plain substring scan finds, for 400 random substrings of 1 to 12 characters", async () => {
    const next = random(20231106);
    let checked = 0;
    let hitsSeen = 0;
    for (let draw = 0; checked < 400 && draw < 2000; draw += 1) {
      const block = blocks[Math.floor(next() * blocks.length)]!;
      const length = 1 + Math.floor(next() * 12);
      const start = Math.floor(next() * Math.max(1, block.text.length - length));
      const sample = block.text.slice(start, start + length);
      if (/["“”＂「」]/u.test(sample)) continue;
      const parsed = parseSearchQuery(`"${sample}"`);
      if (!parsed.ok) continue;
      const term = parsed.terms[0]!.folded;
      const result = await searchCorpus(everything([term]), database.db);
      const found = result.hits.map((hit) => `${hit.documentSlug}#${hit.anchor}@${hit.blockStart}-${hit.blockEnd}`).sort();
      expect(found, `query ${JSON.stringify(term)}`).toEqual(scan(blocks, term));
      expect(result.total).toBe(found.length);
      expect(result.totalRelation).toBe("eq");
      for (const hit of result.hits) {
        expect(foldForSearch(hit.snippet.slice(hit.matchStart, hit.matchEnd)).folded).toBe(term);
      }
      checked += 1;
      hitsSeen += found.length;
    }
    expect(checked).toBe(400);
    expect(hitsSeen).toBeGreaterThan(400);
  }, 300_000);

  it("finds two-character words in both essays, and counts them per document", async () => {
    for (const word of ["主权", "治理"]) {
      const result = await searchCorpus(everything([word]), database.db);
      expect(result.counts.map((c) => c.documentSlug).sort()).toEqual([...new Set(blocks.map((b) => b.slug))].sort());
      for (const count of result.counts) {
        expect(count.count).toBe(result.hits.filter((hit) => hit.documentSlug === count.documentSlug).length);
      }
      expect(result.total).toBe(scan(blocks, word).length);
    }
  });

  it("ranks documents by hit count and hits in reading order, and pages through the same list", async () => {
    const all = await searchCorpus(everything(["网络"]), database.db);
    expect(all.counts.map((c) => c.count)).toEqual([...all.counts.map((c) => c.count)].sort((a, b) => b - a));
    expect(all.hits.map((hit) => hit.documentSlug)).toEqual(all.counts.flatMap((c) => Array<string>(c.count).fill(c.documentSlug)));
    const paged = [];
    for (let page = 1; paged.length < all.total; page += 1) {
      const result = await searchCorpus({ terms: ["网络"], page, pageSize: 37 }, database.db);
      expect(result.hits.length).toBeLessThanOrEqual(37);
      expect(result.hits.length).toBeGreaterThan(0);
      paged.push(...result.hits);
    }
    expect(paged).toEqual(all.hits);
  });

  it("requires every term in the same block", async () => {
    const result = await searchCorpus(everything(["主权", "鸿沟"]), database.db);
    const both = blocks.filter((b) => {
      const folded = foldForSearch(b.text).folded;
      return folded.includes("主权") && folded.includes("鸿沟");
    });
    expect(new Set(result.hits.map((hit) => hit.anchor))).toEqual(new Set(both.map((b) => b.anchor)));
    expect(result.total).toBe(scan(both, "主权").length + scan(both, "鸿沟").length);
  });

  it("filters by document, by kind and by concept", async () => {
    const slug = blocks[0]!.slug;
    const byDocument = await searchCorpus(everything(["网络"], { documentSlug: slug }), database.db);
    expect(byDocument.hits.length).toBeGreaterThan(0);
    expect(byDocument.hits.every((hit) => hit.documentSlug === slug)).toBe(true);
    expect(byDocument.total).toBe(scan(blocks.filter((b) => b.slug === slug), "网络").length);

    const notes = await searchCorpus(everything(["网络"], { kind: "footnote" }), database.db);
    expect(notes.hits.length).toBeGreaterThan(0);
    expect(notes.hits.every((hit) => hit.kind === "footnote")).toBe(true);
    expect(notes.total).toBe(scan(blocks.filter((b) => b.kind === "footnote"), "网络").length);

    const mention = await database.db.conceptMention.findFirstOrThrow({ select: { conceptId: true } });
    const mentioned = await database.db.conceptMention.findMany({
      where: { conceptId: mention.conceptId },
      select: { blockAnchor: true, document: { select: { slug: true } } },
    });
    const keys = new Set(mentioned.map((m) => `${m.document.slug}#${m.blockAnchor}`));
    const byConcept = await searchCorpus(everything(["网"], { conceptId: mention.conceptId }), database.db);
    expect(byConcept.hits.length).toBeGreaterThan(0);
    expect(byConcept.hits.every((hit) => keys.has(`${hit.documentSlug}#${hit.anchor}`))).toBe(true);
    expect(byConcept.total).toBe(scan(blocks.filter((b) => keys.has(`${b.slug}#${b.anchor}`)), "网").length);

    expect((await searchCorpus(everything(["网络"], { documentSlug: "no-such-document" }), database.db)).total).toBe(0);
  });

  it("offers as concept filters exactly the concepts the essays mention, in the dictionary's order", async () => {
    // A concept of the dictionary that neither essay mentions (the corpus essays mention every one of them), placed
    // first in its order: a list of every concept would offer it.
    const unmentioned = { id: "test-unmentioned", labelZh: "未提及", labelEn: "unmentioned", variants: ["未提及"], definitionZh: "", definitionEn: "" };
    await database.db.concept.create({ data: { ...unmentioned, definitionSource: {}, broader: [], narrower: [], related: [], members: [], ordinal: -1 } });
    try {
      const { concepts } = await listSearchFilters({}, database.db);
      const mentioned = await database.db.concept.findMany({ where: { mentions: { some: {} } }, orderBy: { ordinal: "asc" }, select: { id: true } });
      expect(mentioned.length).toBeGreaterThan(0);
      expect(concepts.map((concept) => concept.id)).toEqual(mentioned.map((concept) => concept.id));
    } finally {
      await database.db.concept.delete({ where: { id: unmentioned.id } });
    }
  });

  it("links each hit to the reader at its block with the match range", async () => {
    const result = await searchCorpus({ terms: ["鸿沟"], page: 1, pageSize: 5 }, database.db);
    expect(result.hits.length).toBeGreaterThan(0);
    for (const hit of result.hits) {
      expect(hit.href).toBe(`/read/${hit.documentSlug}?hl=${hit.blockStart}-${hit.blockEnd}#${hit.anchor}`);
      const block = blocks.find((b) => b.slug === hit.documentSlug && b.anchor === hit.anchor)!;
      expect(block.text.slice(hit.blockStart, hit.blockEnd)).toBe("鸿沟");
    }
  });
});

describe("searchCorpus past the match limit, reading leading pages in order or through the index", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    const results = await ingestSources(database.db, CORPUS);
    for (const result of results) if (!result.ok) throw new Error(`${result.file}: ${result.error}`);
    // Ten more documents, each a copy of every block of the real ones, so frequent terms pass the limit.
    await database.db.$executeRawUnsafe(`
      insert into "Document" (id, slug, "sourceFile", "sourceSha256", "parserVersion", manifest, title, authors, "pageCount", debris, fragments, warnings)
      select 'copy-' || n, 'copy-' || lpad(n::text, 2, '0'), 'copy.txt', md5(n::text), 'test', '{}', 'copy ' || n, '{}', 0, '[]', '[]', '[]'
      from generate_series(1, 10) n`);
    await database.db.$executeRawUnsafe(`
      with source as materialized (
        select gen_random_uuid()::text as id, 'copy-' || n as "documentId", b."blockKind", b."blockAnchor", b.folded, t.text, t.offsets, n,
               -- Reading order is unique within a document, as the loader writes it.
               (row_number() over (partition by n order by b."documentId", b.ordinal))::int as ordinal
        from "SearchBlock" b join "SearchBlockText" t on t."blockId" = b.id, generate_series(1, 10) n
      ),
      blocks as (
        insert into "SearchBlock" (id, "documentId", "blockKind", "blockAnchor", ordinal, folded)
        select id, "documentId", "blockKind", "blockAnchor", ordinal, folded from source order by n, "documentId", ordinal
      )
      insert into "SearchBlockText" ("blockId", text, offsets) select id, text, offsets from source`);
    await database.db.$executeRawUnsafe(`analyze "SearchBlock"`);
  }, 180_000);
  afterAll(async () => database.drop());

  /** Per-document hit counts of the first MATCH_LIMIT + 1 blocks containing every term, in table order, by a plain scan. */
  async function countsOfFirstBlocks(terms: string[]) {
    const rows = await database.db.$queryRawUnsafe<{ slug: string; count: number }[]>(
      `select d.slug, sum(m.occ)::int as count
       from (select b."documentId", (select sum((length(b.folded) - length(replace(b.folded, t, ''))) / length(t)) from unnest($1::text[]) t) as occ
             from "SearchBlock" b where (select bool_and(strpos(b.folded, t) > 0) from unnest($1::text[]) t)
             order by b.ctid limit ${MATCH_LIMIT + 1}) m
       join "Document" d on d.id = m."documentId" group by d.slug order by count desc, d.slug`,
      terms,
    );
    return rows.map((row) => ({ slug: row.slug, count: row.count }));
  }

  it("counts the first blocks in table order either way, and returns the same pages", async () => {
    const pages = Number((await database.db.$queryRawUnsafe<{ pages: number }[]>(`select relpages as pages from pg_class where relname = 'SearchBlock'`))[0]!.pages);
    expect(pages).toBeGreaterThan(20);
    for (const terms of [["的"], ["网络"], ["网络", "的"], ["治理"], ["鸿沟"], ["网络空间"], ["网络空间", "的"]]) {
      const expected = await countsOfFirstBlocks(terms);
      const byIndex = await searchCorpus({ terms, page: 1, pageSize: 50 }, database.db, { leadingPages: 0 });
      expect(byIndex.counts.map((c) => ({ slug: c.documentSlug, count: c.count })), terms.join(" ")).toEqual(expected);
      for (const leadingPages of [1, 3, Math.floor(pages / 2), pages + 10]) {
        for (const page of [1, 7]) {
          const request = { terms, page, pageSize: 50 };
          const byIndexPage = page === 1 ? byIndex : await searchCorpus(request, database.db, { leadingPages: 0 });
          expect(await searchCorpus(request, database.db, { leadingPages }), `${terms.join(" ")} from ${leadingPages} pages`).toEqual(byIndexPage);
        }
      }
    }
    expect((await searchCorpus(everything(["的"]), database.db)).totalRelation).toBe("gte");
    expect((await searchCorpus(everything(["鸿沟"]), database.db)).totalRelation).toBe("eq");
  });

  it("returns the counts asked for, and those of the documents the page's hits are in, with every document counted", async () => {
    for (const terms of [["网络"], ["鸿沟"], ["的"]]) {
      const all = await searchCorpus({ terms, page: 1, pageSize: 5 }, database.db);
      expect(all.counts.length, terms.join(" ")).toBeGreaterThan(3);
      expect(all.documents).toBe(all.counts.length);
      expect(all.total).toBe(all.counts.reduce((sum, c) => sum + c.count, 0));
      const top = await searchCorpus({ terms, page: 1, pageSize: 5, countsShown: 3 }, database.db);
      // Page 1's five hits fall in the first document, among the three.
      expect(top).toEqual({ ...all, counts: all.counts.slice(0, 3) });
      // The last page's hits fall in the last documents: theirs are kept beside the first three, in rank order.
      const lastPage = Math.ceil(all.total / 5);
      const last = await searchCorpus({ terms, page: lastPage, pageSize: 5, countsShown: 3 }, database.db);
      const lastAll = await searchCorpus({ terms, page: lastPage, pageSize: 5 }, database.db);
      const onPage = new Set(last.hits.map((hit) => hit.documentSlug));
      expect(last).toEqual({ ...lastAll, counts: lastAll.counts.filter((c, index) => index < 3 || onPage.has(c.documentSlug)) });
      expect(last.counts.length).toBeLessThan(lastAll.counts.length);
      expect(last.counts.length).toBeGreaterThan(3);
    }
  });

  /** The plan of the part of the search statement that finds the matches, as the application runs it. */
  async function matchPlan(terms: string[], plan: Parameters<typeof buildSearchQuery>[1]) {
    const { sql, params } = buildSearchQuery({ terms, page: 1, pageSize: 20 }, plan);
    const rows = await database.db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`explain (analyze, costs off, timing off) ${sql}`, ...params);
    const text = rows.map((row) => row["QUERY PLAN"]).join("\n");
    return text.slice(text.indexOf("CTE matched"), text.indexOf("CTE ranked"));
  }

  it("reads the leading pages with a TID range scan and the rest through the index", async () => {
    const text = await matchPlan(["鸿沟"], { leadingPages: 3 });
    expect(text).toMatch(/Tid Range Scan on "SearchBlock"/);
    expect(text).toMatch(/Bitmap Index Scan on "SearchBlock_grams_idx" \(actual rows=[1-9]/);
  });

  it("is planned through the index, serially, with no planner settings", async () => {
    for (const terms of [["的"], ["网络"], ["鸿沟"], ["网络空间命运共同"], ["的", "网络"]]) {
      const text = await matchPlan(terms, { leadingPages: 0 });
      expect(text, terms.join(" ")).toMatch(/Bitmap Index Scan on "SearchBlock_grams_idx"/);
      expect(text, terms.join(" ")).not.toMatch(/Seq Scan on "SearchBlock"|Gather|Parallel/);
    }
  });

  it("asks the index for the two rarest pairs of a longer term and finds what all its pairs find", async () => {
    const statistics = await readGramStatistics(database.db);
    const rows = await database.db.searchBlock.findMany({ where: { NOT: { documentId: { startsWith: "copy-" } } }, select: { folded: true } });
    const next = random(777);
    let checked = 0;
    let fewer = 0;
    while (checked < 60) {
      const chars = Array.from(rows[Math.floor(next() * rows.length)]!.folded);
      const length = 3 + Math.floor(next() * 10);
      if (chars.length < length) continue;
      const start = Math.floor(next() * (chars.length - length + 1));
      const term = chars.slice(start, start + length).join("");
      const all = chooseIndexGrams([term], null);
      if (chooseIndexGrams([term], statistics).length < all.length) fewer += 1;
      const request = { terms: [term], page: 1, pageSize: 100 };
      expect(await searchCorpus(request, database.db, { leadingPages: 0 }), term).toEqual(
        await searchCorpus(request, database.db, { leadingPages: 0, grams: all }),
      );
      checked += 1;
    }
    expect(fewer).toBeGreaterThan(30);
  });

  it("reads the frequencies of the index's grams from the table's statistics", async () => {
    const statistics = await readGramStatistics(database.db);
    expect(statistics).not.toBeNull();
    const [row] = await database.db.$queryRawUnsafe<{ fraction: number }[]>(
      `select avg((strpos(folded, '的') > 0)::int)::float8 as fraction from "SearchBlock"`,
    );
    expect(statistics!.frequency.get("的")).toBeCloseTo(row!.fraction, 2);
    expect(statistics!.rows).toBeGreaterThan(2_000);
    expect((await planSearch({ terms: ["的"], documentSlug: "copy-01", page: 1, pageSize: 20 }, database.db)).leadingPages).toBe(0);
  });
});
