/**
 * The catalogue's queries at 1,000 essays against the same queries at 2, in the same run (`npm run bench --
 * catalogue`): a page of the home page, a deep page, the title type-ahead, the facets (counted afresh, and
 * as kept for the corpus version), the side-by-side suggestions and the concept index by year. Each
 * corpus is written as rows (no parse, no derivations): per essay 60 paragraphs, a note, 40 citations of
 * works drawn Zipf-like from 5,000 (a few cited by hundreds, most by few) and 120 mentions of 50 concepts,
 * so the 2-essay corpus is the 1,000-essay one's first two. On a database of its own (embedded server
 * under .data/bench-catalogue-postgres). The load average is printed: other work on the machine stretches
 * every figure.
 */
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/database-server/embedded-postgres";
import { listConceptAggregates } from "@/lib/db/concept-catalogue-aggregates";
import { listCatalogueDocuments, listCatalogueFacets } from "@/lib/db/list-catalogue";
import { disconnectDatabases, getDatabase, type Database } from "@/lib/db/prisma-client";
import { applyMigrations } from "@/lib/db/schema-engine";
import { suggestCompareTexts } from "@/lib/db/suggest-compare-texts";
import { catalogueQuerySchema } from "@/lib/urls/route-params";

const SIZES = [2, 1000] as const;
const RUNS = Number(process.env.BENCH_QUERIES ?? 15);
/** What the issue asks of every page at 1,000 essays against 2: at most half as slow again. */
const TARGET_RATIO = 1.5;

async function writeCorpus(url: string, essays: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const statements = [
    `insert into "Concept" (id, "labelZh", "labelEn", variants, "definitionZh", "definitionEn", "definitionSource", broader, narrower, related, members, ordinal)
      select 'concept-' || g, '概念' || g, 'concept ' || g, '{}', '', '', '{}', '{}', '{}', '{}', '[]', g from generate_series(1, 50) g`,
    `insert into "Source" (id, key, title, authors, type, urls, confidence, evidence)
      select 's' || g, 'src-' || g, '文献' || g, '{}', 'book', '{}', 1, '{}' from generate_series(1, 5000) g`,
    `insert into "Document" (id, slug, "sourceFile", "sourceSha256", "parserVersion", manifest, title, authors, journal, date, "pageCount", debris, fragments, warnings)
      select 'd' || g, 'essay-' || g, 'f', 'x', 't', '{}', '网络空间治理研究之' || g, array['作者' || (g % 300)], '期刊' || (g % 12), (2010 + g % 14)::text, 1, '[]', '[]', '[]'
      from generate_series(1, ${essays}) g`,
    `insert into "Footnote" (id, "documentId", anchor, ordinal, label, page, status, text, "lineFrom", "lineTo")
      select 'f' || g, 'd' || g, 'n-1', 0, '1', 1, 'present', '注', 1, 1 from generate_series(1, ${essays}) g`,
    `insert into "Paragraph" (id, "documentId", anchor, ordinal, text, "lineFrom", "lineTo")
      select 'p' || g || '-' || k, 'd' || g, 'p-' || k, k, '正文', 1, 1 from generate_series(1, ${essays}) g, generate_series(1, 60) k`,
    // setseed: the same draws in both corpora and every run.
    `select setseed(0.15)`,
    `insert into "Citation" (id, "documentId", "footnoteId", anchor, ordinal, raw, authors, "sourceId", "lineFrom", "lineTo")
      select 'c' || g || '-' || k, 'd' || g, 'f' || g, 'n-1-c' || k, k, '引', '{}', 's' || (1 + floor(power(random(), 3) * 5000)::int), 1, 1
      from generate_series(1, ${essays}) g, generate_series(1, 40) k`,
    `insert into "ConceptMention" (id, "conceptId", "documentId", "blockKind", "blockAnchor", start, "end", variant)
      select 'm' || g || '-' || k, 'concept-' || (1 + floor(power(random(), 2) * 50)::int), 'd' || g, 'paragraph', 'p-1', k, k + 1, '概念'
      from generate_series(1, ${essays}) g, generate_series(1, 120) k`,
    `analyze`,
  ];
  for (const sql of statements) await client.query(sql);
  await client.end();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function time(work: (run: number) => Promise<unknown>): Promise<number> {
  await work(-1);
  const runs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    await work(run);
    runs.push(performance.now() - start);
  }
  return median(runs);
}

function measures(db: Database): Record<string, (run: number) => Promise<unknown>> {
  const query = (params: Record<string, unknown>) => catalogueQuerySchema.parse(params);
  return {
    "home page (page 1 of documents)": () => listCatalogueDocuments(query({}), db),
    "last page of documents": () => listCatalogueDocuments(query({ page: 50 }), db),
    "title type-ahead (9 best)": () => listCatalogueDocuments(query({ q: "治理研究之1", pageSize: 9 }), db),
    "facets, kept for the corpus version": () => listCatalogueFacets({}, db),
    // A filter never asked before on each run: counted afresh.
    "facets, counted afresh": (run) => listCatalogueFacets({ q: `研究之${run + 2}` }, db),
    "side-by-side suggestions": () => suggestCompareTexts("essay-1", 5, db),
    "concept index by year": () => listConceptAggregates("year", db),
  };
}

export default async function run(): Promise<void> {
  const server = await startEmbeddedPostgres({
    dataDir: path.resolve(".data/bench-catalogue-postgres"),
    port: Number(process.env.DUIZHAO_BENCH_CATALOGUE_DB_PORT ?? 54344),
    database: "postgres",
  });
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  const results = new Map<number, Record<string, number>>();
  try {
    for (const essays of SIZES) {
      const name = `duizhao_bench_catalogue_${essays}`;
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`create database ${name}`);
      const url = new URL(server.url);
      url.pathname = `/${name}`;
      await applyMigrations(url.toString());
      const started = performance.now();
      await writeCorpus(url.toString(), essays);
      console.log(`${essays} essays written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      const db = getDatabase(url.toString());
      const figures: Record<string, number> = {};
      for (const [label, work] of Object.entries(measures(db))) figures[label] = await time(work);
      results.set(essays, figures);
    }
    console.log(`\nmedian of ${RUNS} runs, ms (load average ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} cores)`);
    console.log(`${"".padEnd(40)}${"2 essays".padStart(10)}${"1,000".padStart(10)}${"ratio".padStart(8)}  target ≤ ${TARGET_RATIO}×`);
    for (const label of Object.keys(results.get(SIZES[0])!)) {
      const small = results.get(SIZES[0])![label]!;
      const large = results.get(SIZES[1])![label]!;
      const ratio = large / small;
      console.log(`${label.padEnd(40)}${small.toFixed(1).padStart(10)}${large.toFixed(1).padStart(10)}${`${ratio.toFixed(1)}×`.padStart(8)}  ${ratio <= TARGET_RATIO ? "ok" : "over"}`);
    }
  } finally {
    await disconnectDatabases();
    for (const essays of SIZES) await admin.query(`drop database if exists duizhao_bench_catalogue_${essays} with (force)`);
    await admin.end();
    await server.stop();
  }
}
