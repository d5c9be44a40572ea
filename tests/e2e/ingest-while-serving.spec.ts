import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { spawnWebServer, type SpawnedWebServer } from "./spawn-web-server";
import { CHANGES_THE_SUITE_CORPUS, E2E_DATABASE_URL, removeTestEssay } from "./test-essays";

test.describe.configure({ lock: CHANGES_THE_SUITE_CORPUS });

/**
 * Adding essays while readers read, and more than one app process on one database (issue 15): `npm run ingest`
 * beside the running app adds an essay without a single failed page; a second app process, started on the
 * same database as a load balancer's second machine would be, serves the new essay too, and after a re-ingest
 * neither process serves the old page (each empties its caches on the ingest's notification).
 */
const run = promisify(execFile);
const DATABASE_URL = E2E_DATABASE_URL;
const SECOND_PORT = Number(process.env.E2E_SECOND_APP_PORT ?? 3101);
const SLUG = "e2e-ingest-while-serving";
const dir = path.resolve("test-results", "ingest-while-serving-corpus");
const FIRST_WORDS = "平台治理的第一版正文，用来检验两个进程是否同时更新。";
const REVISED_WORDS = "修订之后才有的一句话，旧的页面里不会出现。";

/** A short essay as extracted text is laid out (an indent opens a paragraph), with no notes. */
function essay(revised: boolean): string {
  const paragraphs = [FIRST_WORDS, "规则与技术相互塑造，治理者需要理解两者的关系。", ...(revised ? [REVISED_WORDS] : [])];
  return `\n两个进程检验用的短文\n\n孙　八\n\n${paragraphs.map((paragraph) => `　　${paragraph}\n`).join("\n")}`;
}

async function ingest(revised: boolean): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "essay.txt");
  fs.writeFileSync(file, essay(revised));
  fs.writeFileSync(path.join(dir, "essay.manifest.json"), JSON.stringify({ slug: SLUG, title: "两个进程检验用的短文" }));
  await run("npm", ["run", "-s", "ingest", "--", file], { env: { ...process.env, DATABASE_URL } });
}

async function removeEssay(): Promise<void> {
  removeTestEssay(SLUG);
}

/** Asks for pages over and over until stopped, keeping every status: a reader's view of the app during an ingest. */
function keepReading(base: string, paths: string[]) {
  const statuses: number[] = [];
  let reading = true;
  const done = (async () => {
    while (reading) {
      for (const address of paths) statuses.push((await fetch(base + address)).status);
    }
  })();
  return {
    statuses,
    stop: async () => {
      reading = false;
      await done;
      return statuses;
    },
  };
}

test.describe.configure({ mode: "serial" });

test.describe("ingest while serving, on one app process and on two", () => {
  let second: SpawnedWebServer | undefined;
  let base: string;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    base = test.info().project.use.baseURL!;
    await removeEssay();
    // The second machine: another app process (the web server `npm start` runs, on the build the first one
    // serves) on the same PostgreSQL, as each machine behind a load balancer runs it.
    second = await spawnWebServer({ port: SECOND_PORT, databaseUrl: DATABASE_URL, name: "ingest while serving" });
  });

  test.afterAll(async () => {
    await second?.stop();
    await removeEssay();
  });

  test("an essay added and then revised with npm run ingest: every page answers throughout, and both processes serve the new text", async () => {
    test.setTimeout(180_000);
    const reader = `/read/${SLUG}`;
    // Both processes have rendered the pages before the ingest (so both have something to forget).
    for (const server of [base, second!.baseUrl]) {
      expect((await fetch(server + "/")).status).toBe(200);
      expect((await fetch(server + reader)).status).toBe(404);
    }

    const reading = keepReading(base, ["/", "/api/documents", "/bibliography"]);
    await ingest(false);
    for (const server of [base, second!.baseUrl]) {
      await expect.poll(async () => (await fetch(server + reader)).status, { timeout: 10_000 }).toBe(200);
      expect(await (await fetch(server + reader)).text()).toContain(FIRST_WORDS);
      await expect.poll(async () => (await (await fetch(server + "/")).text()).includes(reader), { timeout: 10_000 }).toBe(true);
    }

    await ingest(true);
    for (const server of [base, second!.baseUrl]) {
      await expect.poll(async () => (await (await fetch(server + reader)).text()).includes(REVISED_WORDS), { timeout: 10_000 }).toBe(true);
    }
    const statuses = await reading.stop();
    expect(statuses.length).toBeGreaterThan(10);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
  });
});
