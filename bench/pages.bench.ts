/**
 * Reading pages under load and in Lighthouse: the reader and the side-by-side page, each against the same
 * HTML served as a static file by the same Next.js server in the same run (target: within 1.5× of the
 * static file's throughput and latency). Also Lighthouse performance (target ≥ 0.95) and accessibility
 * (target 1.0), largest contentful paint, and the JavaScript bytes each page ships.
 * Runs the production app (`scripts/start.ts`) on its own port and its own embedded database.
 */
import { type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { brotliCompressSync, constants as zlibConstants, gzipSync } from "node:zlib";
import autocannon from "autocannon";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { readerAndSideBySide, startBenchApp, stopBenchApp } from "./bench-app";

const PORT = Number(process.env.DUIZHAO_BENCH_APP_PORT ?? 3300);
const BASE = `http://localhost:${PORT}`;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 8;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Lighthouse varies from run to run on a shared 2-core machine; its authors advise the median of five. */
const LIGHTHOUSE_RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5);

export default async function run(): Promise<void> {
  console.log(`load average ${os.loadavg().map((n) => n.toFixed(1)).join(" ")} on ${os.cpus().length} cores`);
  let app = await startApp();
  try {
    const pages = await readerAndSideBySide(BASE);
    // The static twin of each page: its HTML as served, written where the same server serves static files.
    const staticDir = path.join("public", "__bench");
    await fs.mkdir(staticDir, { recursive: true });
    for (const [index, page] of pages.entries()) {
      const html = await (await fetch(BASE + page.path)).text();
      await fs.writeFile(path.join(staticDir, `page-${index}.html`), html);
      Object.assign(page, { staticPath: `/__bench/page-${index}.html`, html });
    }
    // Next.js serves the public files it found at start: restart (no rebuild) to serve the twins.
    await stopBenchApp(app);
    app = await startApp();

    for (const page of pages as (typeof pages[number] & { staticPath: string; html: string })[]) {
      const dynamic = await load(BASE + page.path);
      const still = await load(BASE + page.staticPath);
      const js = await javascriptBytes(page.html);
      console.log(
        `${page.name} (${page.path}): ${dynamic.rps.toFixed(0)} req/s, median ${dynamic.median} ms; static file ${still.rps.toFixed(0)} req/s, ` +
          `median ${still.median} ms → throughput ratio ${(still.rps / dynamic.rps).toFixed(2)}×, latency ratio ${(dynamic.median / Math.max(still.median, 0.5)).toFixed(2)}× (target ≤ 1.5×)`,
      );
      console.log(
        `  JavaScript shipped: ${(js.raw / 1024).toFixed(0)} KiB (${(js.gzip / 1024).toFixed(0)} KiB gzipped) in ${js.files} files; ` +
          `HTML ${(Buffer.byteLength(page.html) / 1024).toFixed(0)} KiB (${(servedBytes(page.html) / 1024).toFixed(0)} KiB as served, brotli)`,
      );
      const audits = [];
      for (let run = 0; run < LIGHTHOUSE_RUNS; run++) audits.push(await lighthouseAudit(BASE + page.path));
      const performance = audits.map((audit) => audit.performance);
      console.log(
        `  Lighthouse (median of ${audits.length}): performance ${median(performance).toFixed(2)} (target ≥ 0.95; runs ${performance.map((p) => p.toFixed(2)).join(" ")}), ` +
          `accessibility ${median(audits.map((audit) => audit.accessibility)).toFixed(2)} (target 1.0), LCP ${median(audits.map((audit) => audit.lcp)).toFixed(0)} ms, ` +
          `FCP ${median(audits.map((audit) => audit.fcp)).toFixed(0)} ms, TBT ${median(audits.map((audit) => audit.tbt)).toFixed(0)} ms; ` +
          // Lighthouse times the page on this CPU and scales it 4×: a slower or busier host scores lower.
          `this host's Lighthouse benchmark index ${median(audits.map((audit) => audit.benchmarkIndex)).toFixed(0)}`,
      );
    }
  } finally {
    await stopBenchApp(app);
    await fs.rm(path.join("public", "__bench"), { recursive: true, force: true });
  }
}

async function load(url: string): Promise<{ rps: number; median: number }> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { rps: result.requests.average, median: result.latency.p50 };
}

/** The HTML's size on the wire: scripts/serve-next.mjs compresses with brotli at quality 5. */
function servedBytes(html: string): number {
  return brotliCompressSync(html, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } }).length;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function javascriptBytes(html: string): Promise<{ raw: number; gzip: number; files: number }> {
  // Scripts marked nomodule (Next's polyfills) are never fetched by the browsers that run modules.
  const tags = [...html.matchAll(/<script[^>]+src="([^"]+)"[^>]*>/g)].filter((m) => !/\snomodule/i.test(m[0]));
  const sources = [...new Set(tags.map((m) => m[1]!))];
  let raw = 0;
  let gzip = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, BASE))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((sum, m) => sum + Buffer.byteLength(m[1]!), 0);
  return { raw: raw + inline, gzip, files: sources.length };
}

async function lighthouseAudit(url: string) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse gave no result for ${url}`);
    return {
      performance: lhr.categories.performance?.score ?? 0,
      accessibility: lhr.categories.accessibility?.score ?? 0,
      lcp: lhr.audits["largest-contentful-paint"]?.numericValue ?? NaN,
      fcp: lhr.audits["first-contentful-paint"]?.numericValue ?? NaN,
      tbt: lhr.audits["total-blocking-time"]?.numericValue ?? NaN,
      benchmarkIndex: lhr.environment.benchmarkIndex,
    };
  } finally {
    await chrome.kill();
  }
}

function startApp(): Promise<ChildProcess> {
  return startBenchApp({ port: PORT, dataDir: ".data/bench-app-postgres", dbPort: process.env.DUIZHAO_BENCH_APP_DB_PORT ?? "54346" });
}
