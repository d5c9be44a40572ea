import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listCorpusTexts } from "@/lib/corpus/read-source-file";
import { canConnect } from "@/lib/database-server/embedded-postgres";
import { disconnectDatabases, getDatabase } from "@/lib/db/prisma-client";
import { getDocumentStructure } from "@/lib/db/get-document";
import { listDocuments } from "@/lib/db/list-documents";
import { freePort } from "@/tests/free-port";

/**
 * DATABASE_URL switches the app to any external PostgreSQL and nothing embedded starts: Debian's own PostgreSQL
 * (installed by .ci/run's apt line) is set up in a temporary directory, the app's real path (`npm run ingest`:
 * openDatabase, migrations, ingest of corpus/, as `npm start` does before it builds) is pointed at it, and the
 * corpus is read back through lib/db. The embedded path would have created its data directory and listened on its
 * port: neither may happen.
 */

const run = promisify(execFile);
/** Where Debian installs each PostgreSQL major version's server binaries. */
const DEBIAN_POSTGRES_ROOT = "/usr/lib/postgresql";
/** Debian's package that provides them (the README's Quick start lists it with the browser tests' packages). */
const DEBIAN_POSTGRES_PACKAGE = "postgresql";
/** The OS user Debian's package creates; initdb and postgres refuse to run as root. */
const DEBIAN_POSTGRES_USER = "postgres";
/** initdb, a first start and the migrations and ingest of both essays took ~40 s on a host a quarter as fast. */
const EXTERNAL_PATH_TIMEOUT_MS = 240_000;

const runningAsRoot = os.userInfo().uid === 0;
let pgBin = "";
let workDir = "";
let pgData = "";
let started = false;

/** The newest major version's bin folder, or a failure that says what to install: never a silent skip. */
async function debianPostgresBin(): Promise<string> {
  const versions = await fs.readdir(DEBIAN_POSTGRES_ROOT).catch(() => [] as string[]);
  const installed: string[] = [];
  for (const version of versions) {
    const bin = path.join(DEBIAN_POSTGRES_ROOT, version, "bin");
    if (await fs.access(path.join(bin, "pg_ctl")).then(() => true, () => false)) installed.push(version);
  }
  installed.sort((a, b) => Number(a) - Number(b));
  const newest = installed.at(-1);
  if (!newest) {
    throw new Error(
      `Debian's PostgreSQL is not installed (no ${DEBIAN_POSTGRES_ROOT}/*/bin/pg_ctl): this test runs the app on it ` +
        `through DATABASE_URL. Install it with \`apt-get install ${DEBIAN_POSTGRES_PACKAGE}\` (.ci/run does).`,
    );
  }
  return path.join(DEBIAN_POSTGRES_ROOT, newest, "bin");
}

/** Runs a server binary as the `postgres` user when we are root (as CI is), else as ourselves. */
async function asServerUser(binary: string, args: string[]) {
  if (!runningAsRoot) return run(path.join(pgBin, binary), args);
  const quoted = [path.join(pgBin, binary), ...args].map((arg) => `'${arg.replaceAll("'", `'\\''`)}'`).join(" ");
  return run("su", [DEBIAN_POSTGRES_USER, "-s", "/bin/sh", "-c", quoted]);
}

beforeAll(async () => {
  pgBin = await debianPostgresBin();
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), "duizhao-external-pg-"));
  pgData = path.join(workDir, "data");
  await fs.mkdir(pgData, { mode: 0o700 });
  if (runningAsRoot) {
    const { stdout: uid } = await run("id", ["-u", DEBIAN_POSTGRES_USER]);
    const { stdout: gid } = await run("id", ["-g", DEBIAN_POSTGRES_USER]);
    // The work folder too: the server user must reach its data directory through it.
    await fs.chown(pgData, Number(uid), Number(gid));
    await fs.chmod(workDir, 0o755);
  }
  await asServerUser("initdb", ["-D", pgData, "--encoding=UTF8", "--locale=C.UTF-8", "--auth=trust", "-U", "postgres"]);
}, EXTERNAL_PATH_TIMEOUT_MS);

afterAll(async () => {
  await disconnectDatabases();
  if (started) await asServerUser("pg_ctl", ["-D", pgData, "-m", "fast", "-w", "stop"]).catch(() => undefined);
  if (workDir) await fs.rm(workDir, { recursive: true, force: true });
}, EXTERNAL_PATH_TIMEOUT_MS);

describe("the app on an external PostgreSQL (Debian's) through DATABASE_URL", () => {
  it(
    "migrates, ingests the corpus and reads it back through lib/db, with nothing embedded started",
    async () => {
      const port = await freePort();
      await asServerUser("pg_ctl", [
        "-D", pgData, "-o", `-p ${port} -c listen_addresses=127.0.0.1 -k ${pgData}`, "-l", path.join(pgData, "log"), "-w", "start",
      ]);
      started = true;
      const adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database duizhao`);
      await admin.end();
      const url = `postgresql://postgres@127.0.0.1:${port}/duizhao`;

      // Where the embedded path would put its server: a data directory (and its users folder beside it) in a
      // folder of its own that must stay empty, and a port of its own that must stay closed.
      const embeddedParent = await fs.mkdtemp(path.join(os.tmpdir(), "duizhao-no-embedded-"));
      // Reachable by the server user, so that the embedded path, if taken, would start rather than be refused.
      await fs.chmod(embeddedParent, 0o755);
      const embeddedPort = await freePort();
      try {
        const ingest = await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/ingest.ts"], {
          env: {
            ...process.env,
            DATABASE_URL: url,
            DUIZHAO_CORPUS_DIR: "corpus",
            DUIZHAO_DATA_DIR: path.join(embeddedParent, "postgres"),
            DUIZHAO_DB_PORT: String(embeddedPort),
          },
          maxBuffer: 16 * 1024 * 1024,
        });
        // A refused file makes it exit non-zero (execFile rejects); every essay is new to this database.
        expect(ingest.stdout.match(/→ created;/g)?.length).toBe((await listCorpusTexts(path.resolve("corpus"))).length);
        expect(await fs.readdir(embeddedParent)).toEqual([]);
        expect(await canConnect(`postgresql://duizhao:duizhao-local@127.0.0.1:${embeddedPort}/duizhao`)).toBe(false);
      } finally {
        await fs.rm(embeddedParent, { recursive: true, force: true });
      }

      // The rows are on Debian's server, in the data directory this test made.
      const db = getDatabase(url);
      const [where] = await db.$queryRaw<{ data_directory: string }[]>`select current_setting('data_directory') as data_directory`;
      expect(await fs.realpath(where!.data_directory)).toBe(await fs.realpath(pgData));

      const texts = await listCorpusTexts(path.resolve("corpus"));
      expect(texts.length).toBeGreaterThan(0);
      const documents = await listDocuments(db);
      expect(documents.map((document) => path.basename(document.sourceFile)).sort()).toEqual(
        texts.map((text) => path.basename(text)).sort(),
      );
      for (const document of documents) {
        expect(document.counts.paragraphs).toBeGreaterThan(0);
        const structure = await getDocumentStructure(document.slug, db);
        expect(structure?.slug).toBe(document.slug);
      }
    },
    EXTERNAL_PATH_TIMEOUT_MS,
  );
});
