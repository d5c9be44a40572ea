import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/database-server/embedded-postgres";
import { freePort } from "@/tests/free-port";
import { spawnWebServer, type SpawnedWebServer } from "./spawn-web-server";

/**
 * Health that tells the truth: a second web server of its own (own port, own PostgreSQL in its own data
 * directory, reached as an external DATABASE_URL so the test may stop it) loses its database and gets it
 * back (spawn-web-server.ts: the build the suite's app serves). Liveness stays 200 throughout; readiness says
 * 503 with the reason, and pages say plainly, with a 503, that the corpus is unavailable; both recover when the
 * database is back.
 */

const DATA_DIR = ".data/e2e-health-postgres";

/** The corpus ingested (migrations first) into the given database, then the web server on it. */
async function startApp(port: number, databaseUrl: string): Promise<SpawnedWebServer> {
  execFileSync("npm", ["run", "-s", "ingest"], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: "pipe" });
  return spawnWebServer({ port, databaseUrl, name: "health" });
}

test.describe("health", () => {
  let database: RunningPostgres | undefined;
  let app: SpawnedWebServer | undefined;
  let dbPort: number;
  let base: string;

  test.afterAll(async () => {
    await app?.stop();
    await database?.stop().catch(() => undefined);
  });

  test("readiness and pages answer 503 while the database is gone, and 200 again when it is back", async ({ request }) => {
    test.setTimeout(300_000);
    dbPort = await freePort();
    database = await startEmbeddedPostgres({ dataDir: DATA_DIR, port: dbPort, database: "duizhao" });
    app = await startApp(await freePort(), database.url);
    base = app.baseUrl;

    const readiness = async () => {
      const response = await request.get(`${base}/api/health/ready`);
      return { status: response.status(), body: (await response.json()) as { ready: boolean; reason?: string } };
    };
    expect((await request.get(`${base}/api/health/live`)).status()).toBe(200);
    expect(await readiness()).toMatchObject({ status: 200, body: { ready: true } });
    expect((await request.get(`${base}/api/health`)).status()).toBe(200);
    expect((await request.get(`${base}/`)).status()).toBe(200);

    await database.stop();
    database = undefined;

    await expect.poll(async () => (await readiness()).status, { timeout: 30_000 }).toBe(503);
    expect((await readiness()).body).toMatchObject({ ready: false, reason: expect.stringMatching(/^the database cannot be reached/) });
    expect((await request.get(`${base}/api/health`)).status()).toBe(503);
    expect((await request.get(`${base}/api/health/live`)).status()).toBe(200);
    for (const path of ["/", "/bibliography", "/concepts"]) {
      const page = await request.get(`${base}${path}`);
      expect(page.status(), path).toBe(503);
      expect(page.headers()["retry-after"], path).toBeTruthy();
      expect(page.headers()["content-security-policy"], path).toBeTruthy();
      expect(await page.text(), path).toContain("The corpus is unavailable");
    }
    expect((await request.get(`${base}/api/documents`)).status()).toBe(503);

    database = await startEmbeddedPostgres({ dataDir: DATA_DIR, port: dbPort, database: "duizhao" });
    await expect.poll(async () => (await readiness()).status, { timeout: 30_000 }).toBe(200);
    await expect.poll(async () => (await request.get(`${base}/`)).status(), { timeout: 30_000 }).toBe(200);
    expect((await request.get(`${base}/api/documents`)).status()).toBe(200);
  });
});
