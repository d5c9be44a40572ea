import { openScaleDatabase, readScaleStamp } from "./corpus-at-scale-corpus";
import { SCALE_APP_PORT, SCALE_ROOT } from "./corpus-at-scale-settings";
import { spawnWebServer } from "./spawn-web-server";

/**
 * The corpus-at-scale tests' own app: the web server `npm start` runs, on the build the suite's app was started
 * from (spawn-web-server.ts says why), on the 300-essay database, on a port of its own.
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
  try {
    // Built at the start of the run, as the suite's build was: a migration added to the tree since is neither.
    const app = await spawnWebServer({ port: SCALE_APP_PORT, databaseUrl: database.url, name: "corpus at scale", waitFor: "live" });
    return {
      databaseUrl: database.url,
      stop: async () => {
        await app.stop();
        await database.stop();
      },
    };
  } catch (error) {
    await database.stop();
    throw error;
  }
}
