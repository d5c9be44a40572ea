/**
 * `npm start`: the whole app in one command. Reads the environment, opens the database (DATABASE_URL's
 * server, or an embedded PostgreSQL under .data/), applies migrations, ingests what changed in corpus/,
 * builds the web app when its sources changed (one start at a time; each server on a copy of the build of its
 * own: scripts/served-builds.ts), serves it and prints the URL. Ctrl-C stops the web
 * server and the embedded database cleanly.
 */
import "./silence-known-warnings";
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { listCorpusTexts } from "@/lib/corpus/read-source-file";
import { ingestEachSource } from "@/lib/corpus/ingest-sources";
import { DatabaseStartError } from "@/lib/database-server/embedded-postgres";
import { openDatabase, type OpenDatabase } from "@/lib/database-server/open-database";
import { disconnectDatabases, getDatabase } from "@/lib/db/prisma-client";
import { applyMigrations } from "@/lib/db/schema-engine";
import { EnvironmentError, readEnvironment } from "@/lib/env";
import { hintEagerCompileOfStartupChunks } from "./compile-hints";
import { holdingBuildLock, publishServedBuild, stopServingBuild } from "./served-builds";

const root = process.cwd();
let appPidFile = path.join(root, ".data", "app.pid");
let database: OpenDatabase | undefined;
let web: ChildProcess | undefined;
/** The copy of the build this start's server serves (scripts/served-builds.ts), relative to the project. */
let servedBuild: string | undefined;
let stopping = false;

function say(message: string) {
  console.log(`duizhao: ${message}`);
}

/** One clear line and a non-zero exit: no stack traces for configuration problems. */
async function fail(message: string): Promise<never> {
  console.error(`duizhao: error: ${message}`);
  await shutdown(1);
  throw new Error("unreachable");
}

async function main() {
  const env = readEnvironment();
  // One pid file per port: a test server on another port never touches the reader's app.
  appPidFile = path.join(root, ".data", `app-${env.PORT}.pid`);
  await stopLeftoverApp();
  await assertPortFree(env.PORT, env.HOST);

  database = await openDatabase(env);
  say(
    database.kind === "external"
      ? "using the database at DATABASE_URL"
      : `embedded PostgreSQL ${database.reused ? "(sharing the server already running)" : "started"} on port ${env.DUIZHAO_DB_PORT}, data in ${env.DUIZHAO_DATA_DIR}`,
  );
  const applied = await applyMigrations(database.url);
  if (applied.length > 0) say(`applied migrations: ${applied.join(", ")}`);

  const db = getDatabase(database.url);
  const files = (await listCorpusTexts(path.resolve(env.DUIZHAO_CORPUS_DIR))).map((file) => ({ path: file }));
  // Reported one by one and not kept: a corpus of 1,000 essays is never in memory at once.
  await ingestEachSource(db, files, (result) => {
    const name = path.basename(result.file);
    if (!result.ok) console.error(`duizhao: could not ingest ${name}: ${result.error} (its previous version, if any, is kept)`);
    else if (result.outcome.status !== "unchanged") say(`ingested ${name} → ${result.outcome.slug} (${result.outcome.status})`);
  });
  await disconnectDatabases();

  // One build at a time, and each server on a copy of its own that no later build touches (served-builds.ts).
  servedBuild = await holdingBuildLock(
    root,
    async () => {
      await buildIfNeeded();
      return publishServedBuild(root);
    },
    { onWait: (holder) => say(`waiting for another start (pid ${holder}) to finish building the web app…`) },
  );
  await serve(env.PORT, env.HOST, database.url, servedBuild);
}

async function serve(port: number, host: string, databaseUrl: string, distDir: string) {
  web = spawn(process.execPath, [path.join(root, "scripts", "serve-next.mjs"), String(port), host], {
    stdio: ["ignore", "pipe", "inherit"],
    // next.config.ts and serve-next read the build's folder from DUIZHAO_NEXT_DIST_DIR.
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1", DUIZHAO_NEXT_DIST_DIR: distDir },
  });
  await fs.mkdir(path.dirname(appPidFile), { recursive: true });
  await fs.writeFile(appPidFile, String(web.pid));
  web.stdout?.on("data", (chunk: Buffer) => {
    if (process.env.DUIZHAO_VERBOSE) process.stdout.write(chunk);
  });
  web.on("exit", (code) => {
    if (!stopping) {
      console.error(`duizhao: error: the web server exited (code ${code ?? "?"})`);
      void shutdown(1);
    }
  });
  const url = `http://localhost:${port}`;
  for (let waited = 0; ; waited += 200) {
    if (await isServing(url)) break;
    if (waited > 60_000) await fail(`the web server did not answer at ${url} within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  say(`ready at ${url}  (Ctrl-C to stop)`);
}

async function isServing(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/health`);
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * `next build` only when the app's sources changed since the last build: a second start is quick. Called holding
 * the build lock (scripts/served-builds.ts): no other start builds or copies `.next` meanwhile.
 */
async function buildIfNeeded() {
  const stampFile = path.join(root, ".next", "duizhao-build-stamp");
  const stamp = await sourceStamp();
  const previous = await fs.readFile(stampFile, "utf8").catch(() => "");
  const built = await fs.access(path.join(root, ".next", "BUILD_ID")).then(() => true, () => false);
  if (built && previous === stamp) return;
  say("building the web app (first start, or the code changed)…");
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    // Into `.next`, whatever folder a server started from this shell was given.
    const { DUIZHAO_NEXT_DIST_DIR: _served, ...environment } = process.env;
    const build = spawn(path.join(root, "node_modules", ".bin", "next"), ["build"], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...environment, NEXT_TELEMETRY_DISABLED: "1" },
    });
    let output = "";
    build.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    build.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    build.on("exit", (code) => {
      if (code === 0) resolve();
      else {
        console.error(output.slice(-4000));
        reject(new Error(`next build failed (code ${code})`));
      }
    });
  });
  // Part of the build: Chrome compiles the startup chunks off the main thread (compile-hints.ts says why).
  await hintEagerCompileOfStartupChunks(path.join(root, ".next"));
  await fs.writeFile(stampFile, stamp);
  say(`built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

async function sourceStamp(): Promise<string> {
  const hash = createHash("sha256");
  const roots = ["app", "components", "lib", "public", "next.config.ts", "postcss.config.mjs", "package.json", "tsconfig.json", "scripts/compile-hints.ts"];
  for (const entry of roots) {
    const full = path.join(root, entry);
    const stat = await fs.stat(full).catch(() => null);
    if (!stat) continue;
    const files = stat.isDirectory()
      ? (await fs.readdir(full, { recursive: true, withFileTypes: true }))
          .filter((e) => e.isFile() && !e.name.endsWith(".test.ts"))
          .map((e) => path.join(e.parentPath, e.name))
      : [full];
    for (const file of files.sort()) {
      // Generated code and the page benchmark's static twins (public/__bench) are not the app's sources.
      if (file.includes(`${path.sep}generated${path.sep}`) || file.includes(`${path.sep}__bench${path.sep}`)) continue;
      hash.update(path.relative(root, file)).update(await fs.readFile(file));
    }
  }
  return hash.digest("hex");
}

/** A web server left running by a run that was killed (kill -9) would hold the port. */
async function stopLeftoverApp() {
  const pid = Number(await fs.readFile(appPidFile, "utf8").catch(() => ""));
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, "utf8");
    if (!/next/.test(cmdline)) return;
    process.kill(pid, "SIGTERM");
    for (let i = 0; i < 50; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      process.kill(pid, 0);
    }
    process.kill(pid, "SIGKILL");
  } catch {
    // Gone (or never ours): nothing to stop.
  }
  await fs.rm(appPidFile, { force: true });
}

async function assertPortFree(port: number, host: string) {
  const free = await new Promise<boolean>((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
  if (!free) await fail(`port ${port} is already in use by another program; set PORT to a free port`);
}

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (web && web.exitCode === null) {
    const exited = new Promise((resolve) => web!.once("exit", resolve));
    web.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  }
  await fs.rm(appPidFile, { force: true }).catch(() => undefined);
  if (servedBuild) await stopServingBuild(root, servedBuild).catch(() => undefined);
  await disconnectDatabases().catch(() => undefined);
  await database?.close().catch(() => undefined);
  process.exit(code);
}

// embedded-postgres installs an exit hook that calls process.exit() as soon as the servers it started
// have stopped, cutting our own shutdown short (the web server, an adopted leftover server): ours runs alone.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.removeAllListeners(signal);
process.on("SIGINT", () => {
  say("stopping…");
  void shutdown(0);
});
process.on("SIGTERM", () => void shutdown(0));

main().catch(async (error: unknown) => {
  if (error instanceof EnvironmentError || error instanceof DatabaseStartError) await fail(error.message);
  else await fail(error instanceof Error ? error.message : String(error));
});
