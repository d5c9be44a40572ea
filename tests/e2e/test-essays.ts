import { execFileSync } from "node:child_process";

/**
 * Essays the browser tests add to and take from the running app's database, the way a user would: ingested
 * with `npm run ingest`, removed through lib/db/remove-document.ts (the essay and exactly what derives from
 * it, its sources too, with the page cache told). Deleting the Document row alone would leave its sources
 * behind.
 */
export const E2E_DATABASE_URL =
  process.env.E2E_DATABASE_URL ?? `postgresql://duizhao:duizhao-local@127.0.0.1:${process.env.E2E_DB_PORT ?? "54331"}/duizhao`;

export function ingestTestEssay(file: string): void {
  execFileSync("npm", ["run", "-s", "ingest", "--", file], { env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL }, stdio: "pipe" });
}

export function removeTestEssay(slug: string): void {
  execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/fixtures/remove-essay.ts", slug], {
    env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
    stdio: "pipe",
  });
}
