/**
 * `npm run bench -- first-layout-fonts`: what the fonts the first screen names cost the first layout of the
 * reader and of side by side (issue 16: after framework startup the longest main-thread task Lighthouse sees is
 * the first layout, and it is font work — finding and opening the CJK faces — not text layout).
 *
 * An A/B of font declarations, each linked from the served HTML (a render-blocking same-origin stylesheet after the
 * app's, so it is in force for the very first style and layout and passes the app's CSP; a style tag added by
 * script after navigation would come too late, an inline one is refused by the CSP):
 *   A  as the product ships;
 *   B  generic families only (`serif`, `sans-serif`), left to the platform's CJK defaults for `lang="zh-Hans"`;
 *   C  the named faces, but nothing bold (the bold serif is a third face on the first screen);
 *   D  one named family (the serif) for interface and text;
 *   E  B and C together; F  C and D together (a single face on the first screen), to tell whether each face
 *      adds its own cost.
 * Each sample is a fresh browser (no font cache carried over in the process), the CPU throttled 4× through CDP as
 * Lighthouse does, the variants alternating so a change in the host's load falls on all of them alike. From a
 * performance trace it takes the longest Layout event before load (the first screen's full layout), every Layout before the load event summed, and
 * the longest main-thread task before load. Printed: median and range per variant and page, with the load average.
 * `FONT_SAMPLES` (default 10) samples per variant and page; `FONT_VARIANTS` (e.g. "A,B") to run only some.
 */
import os from "node:os";
import { chromium, type Browser } from "playwright";
import { readerAndSideBySide, startBenchApp, stopBenchApp } from "./bench-app";

const PORT = Number(process.env.DUIZHAO_BENCH_FONTS_PORT ?? 3390);
const BASE = `http://127.0.0.1:${PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Lighthouse's mobile CPU slowdown, so the figures compare with its Total Blocking Time. */
const CPU_SLOWDOWN = 4;
/** Ten samples a variant: on a shared 2-core host a single page load varies by a factor of two or more. */
const SAMPLES = Number(process.env.FONT_SAMPLES ?? 10);
const VIEWPORT = { width: 1280, height: 900 };
/** Where the variant's stylesheet is linked from; answered by the bench's route, never by the app. */
const VARIANT_SHEET_PATH = "/__bench-font-variant.css";

/** Each variant's CSS, appended at the end of <head>: unlayered, it overrides the theme's font variables. */
export const FONT_VARIANTS: Record<string, { label: string; css: string }> = {
  A: { label: "as shipped (named Noto CJK serif + sans, bold serif title)", css: "" },
  B: { label: "generic serif / sans-serif only", css: ":root{--font-serif:serif;--font-sans:sans-serif}" },
  C: { label: "named faces, nothing bold", css: "*{font-weight:400!important}" },
  D: { label: "one named family (serif) for interface and text", css: ":root{--font-sans:var(--font-serif)}" },
  F: { label: "a single face: the serif at regular weight for everything (C + D)", css: ":root{--font-sans:var(--font-serif)}*{font-weight:400!important}" },
  E: { label: "generic families and nothing bold (B + C)", css: ":root{--font-serif:serif;--font-sans:sans-serif}*{font-weight:400!important}" },
};

interface Sample {
  /** The longest Layout before load: the first screen's full layout (a near-empty layout of a few µs may come first). */
  firstLayoutMs: number;
  layoutBeforeLoadMs: number;
  layoutCount: number;
  longestTaskMs: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { frame?: string; isMainFrame?: boolean } };
}

export default async function run(): Promise<void> {
  const chosen = (process.env.FONT_VARIANTS ?? "A,B,C,D").split(",").filter((name) => name in FONT_VARIANTS);
  const app = await startBenchApp({ port: PORT, dataDir: ".data/bench-fonts-postgres", dbPort: process.env.DUIZHAO_BENCH_FONTS_DB_PORT ?? "54390" });
  try {
    const pages = await readerAndSideBySide(BASE);
    for (const page of pages) {
      // One request first, so the page cache holds the page as it would for every reader after the first.
      await (await fetch(BASE + page.path)).text();
      const loadBefore = os.loadavg()[0] ?? 0;
      const samples: Record<string, Sample[]> = Object.fromEntries(chosen.map((name) => [name, []]));
      for (let i = 0; i < SAMPLES; i++) {
        // Alternating, and in a rotating order, so neither load drift nor "who goes first" favours one variant.
        const order = chosen.map((_, k) => chosen[(k + i) % chosen.length] as string);
        for (const name of order) samples[name]?.push(await measure(BASE + page.path, name, FONT_VARIANTS[name]?.css ?? ""));
      }
      const loadAfter = os.loadavg()[0] ?? 0;
      console.log(`${page.name} (${page.path}), ${SAMPLES} samples a variant, CPU ${CPU_SLOWDOWN}× slower, load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)} on ${os.cpus().length} cores:`);
      for (const name of chosen) {
        const list = samples[name] ?? [];
        const show = (pick: (s: Sample) => number) => {
          const values = list.map(pick).sort((a, b) => a - b);
          return `${median(values).toFixed(0)} (${values[0]?.toFixed(0)}–${values.at(-1)?.toFixed(0)})`;
        };
        console.log(
          `  ${name} ${FONT_VARIANTS[name]?.label}: first-screen layout ${show((s) => s.firstLayoutMs)} ms, ` +
            `all layout before load ${show((s) => s.layoutBeforeLoadMs)} ms in ${median(list.map((s) => s.layoutCount)).toFixed(0)} layouts, ` +
            `longest task ${show((s) => s.longestTaskMs)} ms`,
        );
      }
    }
  } finally {
    await stopBenchApp(app);
  }
}

/** One page load in a fresh browser, with the variant's CSS in the served HTML, traced. */
async function measure(url: string, name: string, css: string): Promise<Sample> {
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    // The app's CSP allows only same-origin stylesheets (no inline <style>): the variant is a render-blocking
    // <link> to a same-origin address answered here. Every variant, the shipped one too (an empty sheet), goes
    // through the same interception and the same extra request, so their cost is alike.
    const sheet = new URL(VARIANT_SHEET_PATH, url).href;
    await page.route(sheet, (route) => route.fulfill({ contentType: "text/css", body: `:root{--font-variant:${name}}${css}` }));
    await page.route(url, async (route) => {
      const response = await route.fetch();
      const html = await response.text();
      await route.fulfill({ response, body: html.replace("</head>", `<link rel="stylesheet" href="${VARIANT_SHEET_PATH}"></head>`) });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
    await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
    await page.goto(url, { waitUntil: "load" });
    const lang = await page.evaluate(() => document.documentElement.lang);
    if (lang !== "zh-Hans") throw new Error(`<html lang> is "${lang}", not zh-Hans: generic families would not resolve to CJK faces`);
    const inForce = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--font-variant").trim());
    if (inForce !== name) throw new Error(`variant ${name}'s stylesheet is not in force (got "${inForce}")`);
    const trace = JSON.parse((await browser.stopTracing()).toString("utf8")) as { traceEvents: TraceEvent[] };
    return fromTrace(trace.traceEvents);
  } finally {
    await browser.close();
  }
}

/** The renderer main thread's Layout events and tasks up to the page's load event. */
export function fromTrace(events: TraceEvent[]): Sample {
  const layouts = events.filter((e) => e.name === "Layout" && e.ph === "X" && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const first = layouts[0];
  if (!first) throw new Error("the trace holds no Layout event");
  const onMain = (e: TraceEvent) => e.pid === first.pid && e.tid === first.tid;
  const load = events.filter((e) => onMain(e) && (e.name === "MarkLoad" || e.name === "loadEventEnd")).sort((a, b) => a.ts - b.ts)[0];
  const end = load?.ts ?? Number.POSITIVE_INFINITY;
  const before = layouts.filter((e) => onMain(e) && e.ts <= end);
  const tasks = events.filter((e) => onMain(e) && e.ph === "X" && e.name === "RunTask" && e.ts <= end);
  return {
    firstLayoutMs: Math.max(0, ...before.map((e) => e.dur ?? 0)) / 1000,
    layoutBeforeLoadMs: before.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000,
    layoutCount: before.length,
    longestTaskMs: Math.max(0, ...tasks.map((e) => e.dur ?? 0)) / 1000,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
