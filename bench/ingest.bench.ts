/**
 * Ingestion speed: parsing both essays (target well under 100 ms), the full ingest into a database of
 * its own (target under 2 s), and parse throughput on a synthetic input 100× the corpus. Baselines from
 * the same run: decoding and splitting the same bytes into lines (the least any parser must do), and, for
 * the database, re-ingesting unchanged files (hashing and one lookup per file).
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ingestSources, parseSource } from "@/lib/corpus/ingest-sources";
import { readSourceFile } from "@/lib/corpus/read-source-file";
import { startEmbeddedPostgres } from "@/lib/database-server/embedded-postgres";
import { disconnectDatabases, getDatabase } from "@/lib/db/prisma-client";
import { applyMigrations } from "@/lib/db/schema-engine";
import { decodeSource } from "@/lib/ingest/decode-source";
import { parseDocument } from "@/lib/ingest/parse-document";
import { makeEssay, renderEssay } from "@/tests/fixtures/ingest/render-essay";

const CORPUS = ["000_1322acf3015bdc34.txt", "001_dd40619b11185e85.txt"].map((file) => path.join("corpus", file));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function timeRepeated(work: () => void, runs: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return times;
}

export default async function run(): Promise<void> {
  console.log(`load average ${os.loadavg().map((n) => n.toFixed(1)).join(" ")} on ${os.cpus().length} cores`);
  const sources = await Promise.all(CORPUS.map((file) => readSourceFile(file)));
  const bytes = sources.reduce((sum, s) => sum + s.bytes.length, 0);

  // Warm up the JIT as a long-running server would be.
  for (let i = 0; i < 5; i++) for (const source of sources) parseSource(source);
  const parse = timeRepeated(() => sources.forEach((source) => parseSource(source)), 30);
  const baseline = timeRepeated(() => sources.forEach((source) => decodeSource(source.bytes).split("\n")), 30);
  console.log(
    `parse both essays (${(bytes / 1024).toFixed(0)} KiB): median ${median(parse).toFixed(1)} ms, best ${Math.min(...parse).toFixed(1)} ms ` +
      `(target < 100 ms); decode+split baseline ${median(baseline).toFixed(2)} ms → ratio ${(median(parse) / median(baseline)).toFixed(0)}×`,
  );

  // 100× the corpus, typeset like an extracted PDF (both note styles' machinery exercised by the layout).
  const essay = makeEssay(7, 6);
  const one = renderEssay(essay, { width: 36, linesPerPage: 32, style: "circled-list", runningHeads: true }).text;
  let big = one;
  while (Buffer.byteLength(big) < bytes * 100) big += "\n\n\n" + one;
  const bigBytes = new TextEncoder().encode(big);
  const bigStart = performance.now();
  const draft = parseDocument({ bytes: bigBytes, fileName: "synthetic-100x.txt", maxBytes: bigBytes.length });
  const bigMs = performance.now() - bigStart;
  const bigBaseline = median(timeRepeated(() => decodeSource(bigBytes, { maxBytes: bigBytes.length }).split("\n"), 5));
  console.log(
    `parse a 100× synthetic input (${(bigBytes.length / 1024 / 1024).toFixed(1)} MiB, ${draft.paragraphs.length} paragraphs, ` +
      `${draft.footnotes.length} notes): ${bigMs.toFixed(0)} ms = ${((bigBytes.length / 1024 / 1024) / (bigMs / 1000)).toFixed(1)} MiB/s ` +
      `(corpus: ${((bytes / 1024 / 1024) / (median(parse) / 1000)).toFixed(1)} MiB/s); decode+split baseline ${bigBaseline.toFixed(0)} ms`,
  );

  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "duizhao-bench-ingest-"));
  await fs.chmod(dataDir, 0o755);
  const server = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, "pg"),
    port: Number(process.env.DUIZHAO_BENCH_INGEST_DB_PORT ?? 54344),
    database: "bench",
  });
  try {
    await applyMigrations(server.url);
    const db = getDatabase(server.url);
    const files = CORPUS.map((file) => ({ path: file }));
    const first = performance.now();
    const results = await ingestSources(db, files);
    const firstMs = performance.now() - first;
    if (results.some((r) => !r.ok)) throw new Error(`ingest failed: ${JSON.stringify(results.filter((r) => !r.ok))}`);
    const again = performance.now();
    await ingestSources(db, files);
    const againMs = performance.now() - again;
    console.log(
      `full ingest of the corpus into PostgreSQL (parse, load, anchors, search blocks, concepts, sources, links): ` +
        `${firstMs.toFixed(0)} ms (target < 2,000 ms); unchanged re-ingest baseline ${againMs.toFixed(0)} ms → ratio ${(firstMs / againMs).toFixed(0)}×`,
    );
    for (const result of results) {
      if (result.ok) console.log(`  ${result.outcome.slug}: parse ${result.parseMs.toFixed(0)} ms, load ${result.loadMs.toFixed(0)} ms`);
    }
  } finally {
    await disconnectDatabases();
    await server.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
