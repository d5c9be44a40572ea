import { type ChildProcess, spawn } from "node:child_process";

/**
 * A web server of a browser test's own, beside the suite's app: the one `npm start` runs
 * (scripts/serve-next.mjs), on a port of its own, reading the database at `databaseUrl`. It serves the build the
 * suite's app was started from: `npm start` itself would rebuild `.next` under the running suite whenever a source
 * changed meanwhile (a shared working tree), and would own its database, which a test that stops the database
 * (health) or shares the suite's (ingest-while-serving) cannot have.
 *
 * Started in a process group of its own, so that stopping it stops whatever it started too; returned once it
 * listens and answers (`waitFor`).
 */
export interface SpawnedWebServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  baseUrl: string;
  /** SIGTERM to the process group, waiting for the server to exit (SIGKILL after STOP_GRACE_MS). */
  stop(): Promise<void>;
}

export interface WebServerOptions {
  port: number;
  databaseUrl: string;
  /** Names the server in errors: which test's server failed. */
  name: string;
  /**
   * What the server must answer 200 to before it is returned: `ready` (the default), /api/health/ready: the
   * database reached and every migration in prisma/migrations applied; `live`, /api/health/live: the process
   * answers, for a database built earlier in the run, which a migration added to the working tree since would
   * make "behind" although the build being served predates it.
   */
  waitFor?: "ready" | "live";
}

/** Next loads the build and opens the page cache's listening connection before it listens: seconds, more on a busy host. */
const LISTEN_TIMEOUT_MS = 120_000;
/** From listening to a 200 from readiness: one database round trip and the migrations check. */
const READY_TIMEOUT_MS = 60_000;
const READY_POLL_MS = 250;
/** serve-next closes its connections and exits at once on SIGTERM; a server still there after this is stuck. */
const STOP_GRACE_MS = 10_000;
/** How much of the server's output an error quotes. */
const OUTPUT_TAIL_CHARS = 2000;

export async function spawnWebServer({ port, databaseUrl, name, waitFor = "ready" }: WebServerOptions): Promise<SpawnedWebServer> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ["scripts/serve-next.mjs", String(port), "127.0.0.1"], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  // Read for as long as the server runs (a full pipe would stall it), and only the tail kept, for errors.
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-OUTPUT_TAIL_CHARS));
  server.stdout!.on("data", keep);
  server.stderr!.on("data", keep);
  const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
  const stop = () => stopProcessGroup(server, exited);

  const health = `${baseUrl}/api/health/${waitFor}`;
  let lastAnswer = "no answer yet";
  const answers = async () => {
    const response = await fetch(health).catch((error: Error) => error);
    if (response instanceof Error) {
      lastAnswer = response.message;
      return false;
    }
    lastAnswer = `${response.status} ${await response.text()}`;
    return response.status === 200;
  };
  try {
    await waitUntil(() => output.includes("listening on"), exited, LISTEN_TIMEOUT_MS, () => "listen");
    await waitUntil(answers, exited, READY_TIMEOUT_MS, () => `answer 200 to ${health} (last: ${lastAnswer})`);
  } catch (error) {
    await stop();
    throw new Error(`${name}: the web server on port ${port} did not ${(error as Error).message}; its output:\n${output}`);
  }
  return { baseUrl, stop };
}

/** Polls `done` until it holds; rejects, saying what it waited for, when the server exits first or the time is up. */
async function waitUntil(done: () => boolean | Promise<boolean>, exited: Promise<number | null>, timeoutMs: number, what: () => string): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitCode !== undefined) throw new Error(`${what()}: it exited (code ${exitCode})`);
    if (await done()) return;
    if (Date.now() > deadline) throw new Error(`${what()} within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
  }
}

async function stopProcessGroup(server: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-server.pid!, signal);
    } catch {
      // The group is gone already.
    }
  };
  signalGroup("SIGTERM");
  const timer = setTimeout(() => signalGroup("SIGKILL"), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}
