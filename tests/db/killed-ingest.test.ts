import { spawn } from "node:child_process";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadDocument } from "@/lib/db/load-document";
import { sampleDraft, sampleSource } from "./fixtures/sample-draft";
import { snapshotDatabase } from "./snapshot-database";
import { createTestDatabase, type TestDatabase } from "./test-database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await loadDocument(sampleDraft(), sampleSource, database.db);
});
afterAll(async () => database.drop());

it("a process killed in the middle of an ingest leaves the previous version intact", async () => {
  const before = await snapshotDatabase(database.url);
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/db/fixtures/load-then-hang.ts"], {
    env: { ...process.env, DATABASE_URL: database.url },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`child exited early (${code})`)));
  });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  child.kill("SIGKILL");
  await exited;
  // The server notices the dropped connection and rolls the open transaction back.
  for (let i = 0; i < 50; i++) {
    const open = await database.db.$queryRaw<{ n: bigint }[]>`
      select count(*) as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`;
    if (Number(open[0]?.n ?? 0) === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(await snapshotDatabase(database.url)).toEqual(before);
});
