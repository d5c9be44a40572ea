import { execFileSync } from "node:child_process";

/**
 * Essays the browser tests add to and take from the running app's database, the way a user would: ingested
 * with `npm run ingest`, removed through lib/db/remove-document.ts (the essay and exactly what derives from
 * it, its sources too, with the page cache told). Deleting the Document row alone would leave its sources
 * behind.
 */
export const E2E_DATABASE_URL =
  process.env.E2E_DATABASE_URL ?? `postgresql://duizhao:duizhao-local@127.0.0.1:${process.env.E2E_DB_PORT ?? "54331"}/duizhao`;

/**
 * The lock of a spec that changes the suite's corpus (an essay ingested, re-ingested or removed): Playwright's
 * built-in exclusive lock, so it runs only while no other test does. Its ingests empty the page caches and change
 * the corpus's tag, counts and lists, which a test in the other slot (playwright.config.ts) would be reading at
 * that moment were the desktop specs run two at a time. Each such spec declares it once, at its top:
 * `test.describe.configure({ lock: CHANGES_THE_SUITE_CORPUS })`.
 */
export const CHANGES_THE_SUITE_CORPUS = "-exclusive-";

export function ingestTestEssay(file: string): void {
  execFileSync("npm", ["run", "-s", "ingest", "--", file], { env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL }, stdio: "pipe" });
}

export function removeTestEssay(slug: string): void {
  execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/fixtures/remove-essay.ts", slug], {
    env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
    stdio: "pipe",
  });
}
