import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { getDatabase, type Database } from "./prisma-client";

/**
 * Whether this instance can serve the corpus: the database answers, and every migration in
 * prisma/migrations has been applied to it. What /api/health/ready (and /api/health) report, so that a
 * load balancer stops sending readers to an instance whose pages would fail.
 */

/** prisma/migrations, as lib/db/schema-engine.ts names it (a test keeps the two equal; that module loads the migration engine). */
export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

/**
 * How long the database may take to answer before it counts as unreachable. A refused connection fails at
 * once; this bounds a host that swallows packets, well inside the 5 s a load balancer's probe usually waits.
 */
export const DATABASE_ANSWER_TIMEOUT_MS = 2000;

export type Readiness =
  | { ready: true; migrations: { applied: number; expected: number; unknown: string[] } }
  | { ready: false; reason: string };

export async function readReadiness(migrationsDir: string = MIGRATIONS_DIR, db: Database = getDatabase()): Promise<Readiness> {
  const expected = await listMigrationNames(migrationsDir);
  let applied: string[];
  try {
    applied = await withTimeout(appliedMigrationNames(db), DATABASE_ANSWER_TIMEOUT_MS);
  } catch (error) {
    if (error instanceof TimeoutError) return { ready: false, reason: `the database did not answer within ${DATABASE_ANSWER_TIMEOUT_MS} ms` };
    if (errorCode(error) === "42P01") return { ready: false, reason: `migrations are behind: none of the ${expected.length} applied` };
    return { ready: false, reason: `the database cannot be reached (${errorCode(error) ?? "no answer"})` };
  }
  const done = new Set(applied);
  const missing = expected.filter((name) => !done.has(name));
  if (missing.length > 0) {
    return { ready: false, reason: `migrations are behind: ${missing.length} of ${expected.length} not applied (${missing.join(", ")})` };
  }
  // Migrations this code does not know come from a newer release sharing the database: it still works.
  const known = new Set(expected);
  return { ready: true, migrations: { applied: applied.length, expected: expected.length, unknown: applied.filter((name) => !known.has(name)) } };
}

async function appliedMigrationNames(db: Database): Promise<string[]> {
  const rows = await db.$queryRaw<{ migration_name: string }[]>`
    select migration_name from _prisma_migrations where finished_at is not null and rolled_back_at is null`;
  return rows.map((row) => row.migration_name);
}

/** The migration folders, as the schema engine reads them (each holds a migration.sql). */
export async function listMigrationNames(migrationsDir: string): Promise<string[]> {
  const entries = await fs.readdir(migrationsDir, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

class TimeoutError extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError()), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The most specific code a failed query carries, never its message (that names hosts and ports): the
 * driver's PostgreSQL SQLSTATE (42P01), else its kind (DatabaseNotReachable), else a code (ECONNREFUSED,
 * Prisma's P2010). Prisma keeps the driver adapter's error under meta.driverAdapterError.
 */
function errorCode(error: unknown): string | undefined {
  const found: Record<"originalCode" | "kind" | "code", string | undefined> = { originalCode: undefined, kind: undefined, code: undefined };
  const pending: unknown[] = [error];
  for (let visited = 0; pending.length > 0 && visited < 12; visited += 1) {
    const current = pending.shift();
    if (!(current instanceof Object)) continue;
    const fields = current as { cause?: unknown; meta?: { driverAdapterError?: unknown }; [key: string]: unknown };
    for (const key of ["originalCode", "kind", "code"] as const) {
      const value = fields[key];
      if (found[key] === undefined && typeof value === "string" && /^[A-Za-z0-9_]{2,40}$/u.test(value)) found[key] = value;
    }
    pending.push(fields.cause, fields.meta?.driverAdapterError);
  }
  return found.originalCode ?? found.kind ?? found.code;
}
