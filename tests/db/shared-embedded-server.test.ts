import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { canConnect, startEmbeddedPostgres, type RunningPostgres } from "@/lib/database-server/embedded-postgres";
import { usersFolder } from "@/lib/database-server/server-users";
import { freePort } from "@/tests/free-port";

/**
 * One embedded server shared by the app and an ingest run beside it: nobody stops the server while another
 * live process uses it, and the last one out does stop it. A real server in its own data directory.
 */

const dataDir = path.resolve(".data/test-shared-postgres");
// The database `npm run ingest` writes to on an embedded server.
const database = "duizhao";
const opened: RunningPostgres[] = [];

async function open(port: number): Promise<RunningPostgres> {
  const server = await startEmbeddedPostgres({ dataDir, port, database });
  opened.push(server);
  return server;
}

afterAll(async () => {
  for (const server of opened) await server.stop().catch(() => undefined);
});

// About the embedded server only: on the DATABASE_URL path (`DATABASE_URL=… npm run test:db`) nothing embedded may start.
describe.skipIf(Boolean(process.env.DATABASE_URL))("a shared embedded server", { timeout: 180_000 }, () => {
  it("keeps running while another user remains, and stops when the last one leaves", async () => {
    const port = await freePort();
    const first = await open(port);
    const second = await open(port);
    expect(second.reused).toBe(true);

    await first.stop();
    expect(await canConnect(second.url)).toBe(true);

    await second.stop();
    expect(await canConnect(second.url)).toBe(false);
  });

  it("does not count a user that was killed without leaving", async () => {
    const port = await freePort();
    const server = await open(port);
    // A process that has exited: its pid is free, as after a kill -9.
    const gone = await promisify(execFile)(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
    await fs.writeFile(path.join(usersFolder(dataDir), `${gone.stdout}-deadbeef`), "");

    await server.stop();
    expect(await canConnect(server.url)).toBe(false);
  });

  it("survives `npm run ingest` beside it: the command adds the essay and stops nothing it did not start", async () => {
    const port = await freePort();
    const app = await open(port);
    const essay = path.resolve("corpus/001_dd40619b11185e85.txt");
    const run = await promisify(execFile)(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/ingest.ts", essay],
      { env: { ...process.env, DATABASE_URL: "", DUIZHAO_DATA_DIR: dataDir, DUIZHAO_DB_PORT: String(port) }, maxBuffer: 16 * 1024 * 1024 },
    );
    expect(run.stdout).toMatch(/created|replaced|unchanged/);

    expect(await canConnect(app.url)).toBe(true);
    const client = new pg.Client({ connectionString: app.url });
    await client.connect();
    try {
      const found = await client.query(`select count(*)::int as n from "Document"`);
      expect(found.rows[0].n).toBeGreaterThanOrEqual(1);
    } finally {
      await client.end();
    }

    await app.stop();
    expect(await canConnect(app.url)).toBe(false);
  });
});
