/**
 * `npm run bench -- page-main-thread`: what loading the reader and side by side costs the browser's main thread,
 * measured so that a busy shared host does not drown it. Lighthouse's TBT is wall time on a throttled CPU, and
 * on this 2-core machine at load 20 the same page ranged from 155 to 1,229 ms; this bench reads instead the
 * main thread's CPU time from a Chromium trace (each event's thread time, which does not count the time the
 * thread waited for a core), unthrottled, over several loads (the spread is printed: a few ms).
 *
 * Per page: CPU ms in all tasks, in script, in React's scheduled work (hydration), in HTML parsing, style and
 * layout; how many React fibers the page holds once hydrated (each one hydrated from a server-rendered element);
 * the HTML's size and the part of it that is the RSC payload (React's copy of the page, inline in scripts).
 * Runs the production app (`scripts/start.ts`) on a port and an embedded database of its own; or, with
 * `MAIN_THREAD_BASES` (comma-separated addresses of apps already running, e.g. two builds of a change), loads
 * each in turn, load by load, so that their figures are taken under the same load of the host and compare.
 */
import os from "node:os";
import { chromium, type Browser } from "@playwright/test";
import { readerAndSideBySide, startBenchApp, stopBenchApp } from "./bench-app";

const PORT = Number(process.env.DUIZHAO_BENCH_MAIN_THREAD_PORT ?? 3311);
const BASE = `http://localhost:${PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Thread times vary by a few ms from load to load; the median of five is steady to about that. */
const LOADS = Number(process.env.MAIN_THREAD_LOADS ?? 5);
/** Lighthouse's mobile viewport: what the first layout lays out. */
const VIEWPORT = { width: 412, height: 823 };
/** Time after `load` for hydration and the reader's effects to finish before the trace stops. */
const SETTLE_MS = 1500;

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  tdur?: number;
}

const KINDS = {
  tasks: ["ThreadControllerImpl::RunTask", "RunTask"],
  script: ["EvaluateScript", "FunctionCall"],
  scheduler: ["MessagePort::Accept"],
  parseHTML: ["ParseHTML"],
  style: ["UpdateLayoutTree"],
  layout: ["Layout"],
} as const;
type Kind = keyof typeof KINDS;

export default async function run(): Promise<void> {
  const given = process.env.MAIN_THREAD_BASES?.split(",").filter(Boolean);
  const app = given ? null : await startBenchApp({ port: PORT, dataDir: ".data/bench-main-thread-postgres", dbPort: process.env.DUIZHAO_BENCH_MAIN_THREAD_DB_PORT ?? "54364" });
  const bases = given ?? [BASE];
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const pages = await readerAndSideBySide(bases[0]!);
    for (const page of pages) {
      const samples = bases.map(() => [] as Record<Kind, number>[]);
      const fibers = bases.map(() => 0);
      // Alternated load by load: a change in the host's load shifts every base's figures alike.
      for (let i = 0; i < LOADS; i++) {
        for (const [b, base] of bases.entries()) {
          const load = await traceLoad(browser, base + page.path);
          samples[b]!.push(load.cpu);
          fibers[b] = load.fibers;
        }
      }
      console.log(`${page.name} (${page.path}), load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} on ${os.cpus().length} cores:`);
      for (const [b, base] of bases.entries()) {
        const html = await (await fetch(base + page.path)).text();
        const of = (kind: Kind) => {
          const values = samples[b]!.map((sample) => sample[kind]).sort((x, y) => x - y);
          return `${values[Math.floor(values.length / 2)]!.toFixed(0)} [${values[0]!.toFixed(0)}–${values[values.length - 1]!.toFixed(0)}]`;
        };
        const label = bases.length > 1 ? `  ${base}:\n  ` : "  ";
        console.log(`${label}main-thread CPU ms, median [range] of ${LOADS} loads: ${(Object.keys(KINDS) as Kind[]).map((kind) => `${kind} ${of(kind)}`).join(", ")}`);
        console.log(`  React fibers after hydration: ${fibers[b]}; HTML ${kib(Buffer.byteLength(html))} KiB, of which the inline RSC payload ${kib(rscPayloadBytes(html))} KiB`);
      }
    }
  } finally {
    await browser.close();
    if (app) await stopBenchApp(app);
  }
}

/** One load in a fresh context, traced: the page's main thread's CPU time by kind, and the fibers React holds. */
async function traceLoad(browser: Browser, url: string): Promise<{ cpu: Record<Kind, number>; fibers: number }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await browser.startTracing(page, { categories: ["devtools.timeline", "toplevel", "v8.execute", "blink"] });
    await page.goto(url, { waitUntil: "load" });
    await page.waitForTimeout(SETTLE_MS);
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    const timed = trace.traceEvents.filter((event) => event.ph === "X" && typeof event.tdur === "number");
    // The page's main thread: the one that parsed its HTML and laid it out.
    const work = new Map<string, number>();
    for (const event of timed) if (event.name === "ParseHTML" || event.name === "Layout") work.set(`${event.pid}:${event.tid}`, (work.get(`${event.pid}:${event.tid}`) ?? 0) + event.tdur!);
    const main = [...work].sort((a, b) => b[1] - a[1])[0]?.[0];
    const onMain = timed.filter((event) => `${event.pid}:${event.tid}` === main);
    const cpu = Object.fromEntries(
      (Object.keys(KINDS) as Kind[]).map((kind) => [kind, onMain.filter((event) => (KINDS[kind] as readonly string[]).includes(event.name)).reduce((sum, event) => sum + event.tdur!, 0) / 1000]),
    ) as Record<Kind, number>;
    const fibers = await page.evaluate(() => {
      const key = Object.keys(document).find((name) => name.startsWith("__reactContainer$"));
      const stack: unknown[] = [key ? (document as unknown as Record<string, unknown>)[key] : null];
      let count = 0;
      while (stack.length > 0) {
        const fiber = stack.pop() as { child?: unknown; sibling?: unknown } | null;
        if (!fiber) continue;
        count += 1;
        stack.push(fiber.sibling, fiber.child);
      }
      return count;
    });
    return { cpu, fibers };
  } finally {
    await context.close();
  }
}

/** The RSC payload Next inlines in the page (`self.__next_f.push([1, "…"])`), decoded. */
function rscPayloadBytes(html: string): number {
  let bytes = 0;
  for (const match of html.matchAll(/<script[^>]*>self\.__next_f\.push\((.*?)\)<\/script>/gs)) {
    try {
      const [, chunk] = JSON.parse(match[1]!) as [number, unknown];
      if (typeof chunk === "string") bytes += Buffer.byteLength(chunk);
    } catch {
      // Not a payload chunk (the bootstrap's own pushes carry no string).
    }
  }
  return bytes;
}

const kib = (bytes: number) => (bytes / 1024).toFixed(1);
