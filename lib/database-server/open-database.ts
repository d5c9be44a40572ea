import path from "node:path";
import pg from "pg";
import type { Environment } from "@/lib/env";
import { DatabaseStartError, startEmbeddedPostgres } from "./embedded-postgres";

export interface OpenDatabase {
  url: string;
  /** "external" when DATABASE_URL was given; nothing embedded is started then. */
  kind: "external" | "embedded";
  reused: boolean;
  close(): Promise<void>;
}

/** The database Duizhao runs on: DATABASE_URL's server, or its own embedded PostgreSQL. */
export async function openDatabase(env: Environment, onLog?: (line: string) => void): Promise<OpenDatabase> {
  if (env.DATABASE_URL) {
    await assertReachable(env.DATABASE_URL);
    return { url: env.DATABASE_URL, kind: "external", reused: false, close: async () => {} };
  }
  const server = await startEmbeddedPostgres({
    dataDir: path.resolve(env.DUIZHAO_DATA_DIR),
    port: env.DUIZHAO_DB_PORT,
    database: "duizhao",
    onLog,
  });
  return { url: server.url, kind: "embedded", reused: server.reused, close: () => server.stop() };
}

/** Connects once and turns the driver's failure into one line that says what to fix. */
export async function assertReachable(url: string): Promise<void> {
  const parsed = new URL(url);
  const where = `${parsed.hostname}:${parsed.port || "5432"}`;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { code?: string };
    const reason =
      e.code === "ECONNREFUSED"
        ? "connection refused (is the server running, and is the port right?)"
        : e.code === "ENOTFOUND" || e.code === "EAI_AGAIN"
          ? `unknown host ${parsed.hostname}`
          : e.code === "28P01" || e.code === "28000"
            ? `authentication failed for user "${decodeURIComponent(parsed.username)}"`
            : e.code === "3D000"
              ? `database "${parsed.pathname.slice(1)}" does not exist`
              : /timeout/i.test(e.message)
                ? "no answer within 5 s"
                : e.message.split("\n")[0];
    throw new DatabaseStartError(`cannot reach the database at ${where} (DATABASE_URL): ${reason}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
