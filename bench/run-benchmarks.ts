/**
 * `npm run bench`: runs every `bench/*.bench.ts` module (search first, then by name), one after another.
 * A benchmark module default-exports `async function run(): Promise<void>` and prints its own report;
 * `npm run bench -- search` runs only the modules whose file name contains "search". The corpus benchmark
 * (1,000 essays, some 10 minutes) runs only when named: `npm run bench -- corpus [--essays N]`; so does the font A/B
 * (`npm run bench -- first-layout-fonts`, a diagnostic of some 5 minutes), and so does the route fuzz
 * (`npm run bench -- fuzz`, a check of some 10 minutes rather than a timing).
 */
import "../scripts/silence-known-warnings";
import fs from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const benchDir = path.join(process.cwd(), "bench");
const ONLY_WHEN_NAMED = ["corpus.bench.ts", "first-layout-fonts.bench.ts", "route-fuzz.bench.ts"];
const filter = process.argv[2];
const files = (await fs.readdir(benchDir))
  .filter((name) => name.endsWith(".bench.ts") && (filter === undefined ? !ONLY_WHEN_NAMED.includes(name) : name.includes(filter)))
  .sort((a, b) => Number(b.startsWith("search-")) - Number(a.startsWith("search-")) || a.localeCompare(b));

if (files.length === 0) {
  console.error(`no bench/*.bench.ts module${filter ? ` matching "${filter}"` : ""}`);
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const started = performance.now();
  try {
    const benchmark = (await import(pathToFileURL(path.join(benchDir, file)).href)) as { default?: () => Promise<void> };
    if (typeof benchmark.default !== "function") throw new Error("does not default-export a run() function");
    await benchmark.default();
    console.log(`=== ${file}: ${((performance.now() - started) / 1000).toFixed(1)} s ===`);
  } catch (error) {
    failed += 1;
    console.error(`=== ${file} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
// Prisma clients and pools keep the event loop alive; every module has reported by now.
process.exit(failed > 0 ? 1 : 0);
