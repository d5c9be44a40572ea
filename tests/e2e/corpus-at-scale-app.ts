import { type ChildProcess, spawn } from "node:child_process";
import type { RunningPostgres } from "@/lib/database-server/embedded-postgres";
import { openScaleDatabase, readScaleStamp } from "./corpus-at-scale-corpus";
import { SCALE_APP_PORT, SCALE_ROOT } from "./corpus-at-scale-settings";

/**
 * The corpus-at-scale tests' own app: the web server `npm start` runs (scripts/serve-next.mjs, on the build
 * the suite's app was started from: `npm start` itself would rebuild under the running suite when a source
 * changed meanwhile) on the 300-essay database, on a port of its own.
 */
export interface ScaleApp {
  /** The database the app reads, for the tests' own queries. */
  databaseUrl: string;
  stop(): Promise<void>;
}

export async function startScaleApp(): Promise<ScaleApp> {
  // The setup project (a dependency of these tests) makes the database current at the start of every run; the
  // code is not compared again here, as a source edited while the run goes on (a shared working tree) would
  // fail a run whose database was current when it began. Only a build never finished is refused.
  if ((await readScaleStamp()) === null) {
    throw new Error(`corpus at scale: no complete database in ${SCALE_ROOT}; run the "corpus-at-scale setup" project first`);
  }
  const database = await openScaleDatabase();
  let app: ChildProcess;
  try {
    app = await startWebServer(database);
  } catch (error) {
    await database.stop();
    throw error;
  }
  return {
    databaseUrl: database.url,
    stop: async () => {
      if (app.exitCode === null) {
        const exited = new Promise((resolve) => app.once("exit", resolve));
        app.kill("SIGTERM");
        await exited;
      }
      await database.stop();
    },
  };
}

async function startWebServer(database: RunningPostgres): Promise<ChildProcess> {
  const app = spawn(process.execPath, ["scripts/serve-next.mjs", String(SCALE_APP_PORT), "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    app.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("listening on")) resolve();
    });
    app.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    app.once("exit", (code) => reject(new Error(`corpus at scale: the web server exited before it listened (code ${code}):\n${output.slice(-2000)}`)));
  });
  // Nobody reads its output from here on: drained, so that a full pipe never stalls the server.
  app.stdout!.removeAllListeners("data").resume();
  app.stderr!.removeAllListeners("data").resume();
  return app;
}
