/**
 * Search latency at the size of the real corpus (1×) and at 1,000× that size, on a database of its own
 * (embedded server under .data/bench-postgres, never the app's). The 1,000× corpus is 1,000 synthetic
 * documents, each as many blocks as the real corpus has, drawn at random (fixed seed) from the real
 * headings, paragraphs and notes. Queries are substrings of 1, 2, 4 and 8 characters drawn at random
 * positions of the real text, so frequent words are drawn as often as a reader would meet them.
 * Every query is also timed as a plain sequential scan (strpos over every row) in the same run, then run
 * again and explained, to show where its time goes. The load average is printed: other work on the
 * machine stretches every figure.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ingestSources, parseSource } from "@/lib/corpus/ingest-sources";
import { readSourceFile } from "@/lib/corpus/read-source-file";
import { startEmbeddedPostgres } from "@/lib/database-server/embedded-postgres";
import { disconnectDatabases, getDatabase } from "@/lib/db/prisma-client";
import { applyMigrations } from "@/lib/db/schema-engine";
import { buildSearchQuery, MATCH_LIMIT, planSearch, type SearchPlan, searchCorpus } from "@/lib/db/search-corpus";
import { searchBlocksOf, type SearchBlockDraft } from "@/lib/db/write-search-blocks";
import { foldForSearch } from "@/lib/search/fold-for-search";

const CORPUS = ["000_1322acf3015bdc34.txt", "001_dd40619b11185e85.txt"].map((file) => path.join("corpus", file));
const SCALE = 1000;
const LENGTHS = [1, 2, 4, 8];
const QUERIES_PER_LENGTH = Number(process.env.BENCH_QUERIES ?? 40);
const TARGET_P95_MS = 50;

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await work();
  return [performance.now() - start, value];
}

export default async function run(): Promise<void> {
  const server = await startEmbeddedPostgres({
    dataDir: path.resolve(".data/bench-postgres"),
    port: Number(process.env.DUIZHAO_BENCH_DB_PORT ?? 54342),
    database: "postgres",
  });
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  const report: Record<string, unknown> = {};
  try {
    const sources = await Promise.all(CORPUS.map((file) => readSourceFile(file)));
    const realBlocks = sources.flatMap((source) => searchBlocksOf(parseSource(source)));
    const queries = drawQueries(realBlocks);

    // 1×: the real corpus, through the real ingestion pipeline.
    const url1 = await freshDatabase(admin, server.url, "duizhao_bench_1x");
    const db1 = getDatabase(url1);
    for (const result of await ingestSources(db1, CORPUS.map((file) => ({ path: file })))) if (!result.ok) throw new Error(result.error);
    await vacuum(url1);
    report["1x"] = await measure(url1, queries, "1×");

    // 1,000×: synthetic documents, bulk-loaded, then the index built once and timed.
    const url = await freshDatabase(admin, server.url, "duizhao_bench_1000x");
    const loadMs = await loadSynthetic(url, realBlocks);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const [buildMs] = await timed(async () => {
      await client.query(`set maintenance_work_mem = '256MB'`);
      await client.query(`create index "SearchBlock_grams_idx" on "SearchBlock" using gin (search_grams("folded"))`);
    });
    await client.end();
    await vacuum(url);
    const sizes = await relationSizes(url);
    console.log(`1,000×: ${sizes.rows} blocks in ${SCALE} documents loaded in ${(loadMs / 1000).toFixed(1)} s`);
    console.log(
      `index search_grams GIN: built in ${(buildMs / 1000).toFixed(1)} s, ${mb(sizes.index)}; searched table SearchBlock ${mb(sizes.table)}, display text SearchBlockText ${mb(sizes.text)} (with TOAST)`,
    );
    report["1000x"] = { ...(await measure(url, queries, "1,000×")), buildMs, loadMs, sizes };

    await fs.mkdir("bench/results", { recursive: true });
    await fs.writeFile("bench/results/search-latency.json", JSON.stringify({ matchLimit: MATCH_LIMIT, ...report }, null, 2));
    console.log("written to bench/results/search-latency.json");
  } finally {
    await disconnectDatabases();
    await admin.end();
    await server.stop();
  }
}

function drawQueries(blocks: readonly SearchBlockDraft[]): Map<number, string[]> {
  const folded = blocks.map((block) => Array.from(foldForSearch(block.text).folded));
  const next = random(8081);
  const queries = new Map<number, string[]>();
  for (const length of LENGTHS) {
    const drawn: string[] = [];
    while (drawn.length < QUERIES_PER_LENGTH) {
      const chars = folded[Math.floor(next() * folded.length)]!;
      if (chars.length < length) continue;
      const start = Math.floor(next() * (chars.length - length + 1));
      drawn.push(chars.slice(start, start + length).join(""));
    }
    queries.set(length, drawn);
  }
  return queries;
}

async function freshDatabase(admin: pg.Client, serverUrl: string, name: string): Promise<string> {
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.query(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  return url.toString();
}

async function loadSynthetic(url: string, realBlocks: readonly SearchBlockDraft[]): Promise<number> {
  const folded = realBlocks.map((block) => foldForSearch(block.text));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const next = random(1000);
  const [ms] = await timed(async () => {
    // Loading 250,000 rows with the index in place would recompute grams row by row; build it once after.
    await client.query(`drop index "SearchBlock_grams_idx"`);
    for (let first = 0; first < SCALE; first += 50) {
      const docs = Array.from({ length: Math.min(50, SCALE - first) }, (_, i) => first + i);
      await client.query(
        `insert into "Document" (id, slug, "sourceFile", "sourceSha256", "parserVersion", manifest, title, authors, "pageCount", debris, fragments, warnings)
         select 'doc-' || n, 'synthetic-' || n, 'synthetic-' || n || '.txt', md5(n::text), 'bench', '{}', '合成文档 ' || n, '{}', 0, '[]', '[]', '[]'
         from unnest($1::int[]) as n`,
        [docs],
      );
      const rows = { id: [] as string[], doc: [] as string[], kind: [] as string[], anchor: [] as string[], ordinal: [] as number[], text: [] as string[], folded: [] as string[], offsets: [] as string[] };
      for (const doc of docs) {
        for (let ordinal = 0; ordinal < realBlocks.length; ordinal += 1) {
          const pick = Math.floor(next() * realBlocks.length);
          const block = realBlocks[pick]!;
          rows.id.push(randomUUID());
          rows.doc.push(`doc-${doc}`);
          rows.kind.push(block.blockKind);
          rows.anchor.push(`b-${ordinal}`);
          rows.ordinal.push(ordinal);
          rows.text.push(block.text);
          rows.folded.push(folded[pick]!.folded);
          rows.offsets.push(`{${folded[pick]!.offsets.join(",")}}`);
        }
      }
      await client.query(
        `insert into "SearchBlock" (id, "documentId", "blockKind", "blockAnchor", ordinal, folded)
         select i, d, k::"BlockKind", a, o, f from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[]) as u(i, d, k, a, o, f)`,
        [rows.id, rows.doc, rows.kind, rows.anchor, rows.ordinal, rows.folded],
      );
      await client.query(
        `insert into "SearchBlockText" ("blockId", text, offsets) select i, t, x::int[] from unnest($1::text[], $2::text[], $3::text[]) as u(i, t, x)`,
        [rows.id, rows.text, rows.offsets],
      );
    }
  });
  await client.end();
  return ms;
}

async function vacuum(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`vacuum analyze`);
  await client.end();
}

async function relationSizes(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const size = `(pg_relation_size(c.oid) + coalesce(pg_total_relation_size(nullif(c.reltoastrelid, 0)), 0))`;
  const { rows } = await client.query<{ rows: string; table: string; text: string; index: string }>(
    `select (select count(*) from "SearchBlock") as rows,
            (select ${size} from pg_class c where c.oid = '"SearchBlock"'::regclass) as table,
            (select ${size} from pg_class c where c.oid = '"SearchBlockText"'::regclass) as text,
            pg_relation_size('"SearchBlock_grams_idx"') as index`,
  );
  await client.end();
  const row = rows[0]!;
  return { rows: Number(row.rows), table: Number(row.table), text: Number(row.text), index: Number(row.index) };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

interface PlanNode {
  "Node Type": string;
  "Subplan Name"?: string;
  "Actual Total Time"?: number;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
}

function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}

/** Where one search's time goes on the server: EXPLAIN ANALYZE of the statement searchCorpus runs. */
async function explainSearch(client: pg.Client, term: string, plan: SearchPlan) {
  const { sql, params } = buildSearchQuery({ terms: [term], page: 1, pageSize: 20 }, plan);
  const { rows } = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode; "Planning Time": number; "Execution Time": number }] }>(
    `explain (analyze, buffers, format json) ${sql}`,
    params,
  );
  const explained = rows[0]!["QUERY PLAN"][0];
  const nodes = planNodes(explained.Plan);
  const matched = nodes.find((node) => node["Subplan Name"] === "CTE matched");
  const heap = nodes.filter((node) => node["Node Type"] === "Bitmap Heap Scan" || node["Node Type"] === "Tid Range Scan");
  return {
    statement: explained["Planning Time"] + explained["Execution Time"],
    index: nodes.filter((node) => node["Node Type"] === "Bitmap Index Scan").reduce((sum, node) => sum + (node["Actual Total Time"] ?? 0), 0),
    matches: matched?.["Actual Total Time"] ?? NaN,
    pages: heap.reduce((sum, node) => sum + (node["Shared Hit Blocks"] ?? 0) + (node["Shared Read Blocks"] ?? 0), 0),
  };
}

/** The 1-minute load average: on a shared 2-core machine, other work stretches every latency. */
const loadAverage = () => os.loadavg()[0]!.toFixed(1);

const cell = (values: number[]) => `${percentile(values, 50).toFixed(1)} / ${percentile(values, 95).toFixed(1)}`.padStart(13);

async function measure(url: string, queries: Map<number, string[]>, label: string) {
  const db = getDatabase(url);
  const scanClient = new pg.Client({ connectionString: url });
  await scanClient.connect();
  const out: Record<string, unknown> = { loadBefore: os.loadavg()[0] };
  const breakdown: string[] = [];
  console.log(`\n${label}   (p50 / p95 in ms; scan = select count(*) … where strpos(folded, q) > 0; load average ${loadAverage()})`);
  console.log("len | search p50 | search p95 | scan p50 | scan p95 | p95 ratio scan/search | capped at limit | verdict");
  for (const [length, list] of queries) {
    const search: number[] = [];
    const scan: number[] = [];
    const server = { statement: [] as number[], index: [] as number[], matches: [] as number[], again: [] as number[], overhead: [] as number[], pages: [] as number[] };
    let capped = 0;
    await searchCorpus({ terms: [list[0]!], page: 1, pageSize: 20 }, db); // warm the pool and caches
    for (const term of list) {
      const [ms, result] = await timed(() => searchCorpus({ terms: [term], page: 1, pageSize: 20 }, db));
      search.push(ms);
      if (result.totalRelation === "gte") capped += 1;
      const [scanMs] = await timed(() => scanClient.query(`select count(*) from "SearchBlock" where strpos(folded, $1) > 0`, [term]));
      scan.push(scanMs);
    }
    // Explained in a second pass, so the timed searches above run exactly as the application runs them.
    // The search is timed again right before its statement is explained: both find the pages the first
    // run read in shared buffers, so `again − statement` is what Prisma and Node add, and `search − again`
    // what reading pages from outside shared buffers cost the first run.
    let leading = 0;
    for (const term of list) {
      const plan = await planSearch({ terms: [term], page: 1, pageSize: 20 }, db);
      if (plan.leadingPages > 0) leading += 1;
      const [again] = await timed(() => searchCorpus({ terms: [term], page: 1, pageSize: 20 }, db));
      const explained = await explainSearch(scanClient, term, plan);
      server.statement.push(explained.statement);
      server.index.push(explained.index);
      server.matches.push(explained.matches);
      server.pages.push(explained.pages);
      server.again.push(again);
      server.overhead.push(again - explained.statement);
    }
    const row = {
      searchP50: percentile(search, 50),
      searchP95: percentile(search, 95),
      scanP50: percentile(scan, 50),
      scanP95: percentile(scan, 95),
      capped,
      leading,
      queries: list.length,
      server: Object.fromEntries(Object.entries(server).map(([key, values]) => [key, { p50: percentile(values, 50), p95: percentile(values, 95) }])),
    };
    out[length] = row;
    const verdict = row.searchP95 < TARGET_P95_MS ? "ok" : `OVER ${TARGET_P95_MS} ms`;
    console.log(
      `${String(length).padStart(3)} | ${row.searchP50.toFixed(1).padStart(10)} | ${row.searchP95.toFixed(1).padStart(10)} | ${row.scanP50.toFixed(1).padStart(8)} | ${row.scanP95.toFixed(1).padStart(8)} | ${(row.scanP95 / row.searchP95).toFixed(1).padStart(21)}× | ${`${capped}/${list.length}`.padStart(15)} | ${verdict}`,
    );
    breakdown.push(
      `${String(length).padStart(3)} | ${cell(server.statement)} | ${cell(server.index)} | ${cell(server.matches)} | ${cell(server.again)} | ${cell(server.overhead)} | ${String(percentile(server.pages, 50)).padStart(14)} | ${`${leading}/${list.length}`.padStart(12)}`,
    );
  }
  console.log(`where the time goes (p50 / p95 in ms), each query run again: statement = planning + execution on the server`);
  console.log(`(EXPLAIN ANALYZE); index = GIN bitmap; matches = finding the first ${MATCH_LIMIT + 1} matches (index included);`);
  console.log("again = searchCorpus re-run (its pages now in shared buffers); Prisma+Node = again − statement;");
  console.log("leading scan = searches that read the table's first pages in order before the index (planLeadingScan)");
  console.log("len |     statement |         index |       matches |         again |   Prisma+Node | heap pages p50 | leading scan");
  for (const line of breakdown) console.log(line);
  console.log(`load average after: ${loadAverage()}`);
  out.loadAfter = os.loadavg()[0];
  await scanClient.end();
  return out;
}
