import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { getDatabase, type Database } from "@/lib/db/prisma-client";
import { applyMigrations } from "@/lib/db/schema-engine";

export interface TestDatabase {
  name: string;
  url: string;
  db: Database;
  drop(): Promise<void>;
}

/**
 * A new database on the test server: a copy of the run's migrated template (global-setup.ts migrates it once;
 * migrating each test's database took ~5 s of the schema engine's WebAssembly apiece on a loaded host, against
 * ~0.2 s for PostgreSQL to copy the template), or of `template` when given (a loaded corpus:
 * corpus-with-synthetic-essays.ts). `migrate: false` leaves it without tables; migrations.test.ts migrates such a
 * database itself, so applying the migrations afresh stays tested.
 */
export async function createTestDatabase(options: { migrate?: boolean; template?: string } = {}): Promise<TestDatabase> {
  const adminUrl = inject("adminDatabaseUrl");
  const name = `duizhao_t_${randomBytes(5).toString("hex")}`;
  const template = options.migrate === false ? null : (options.template ?? inject("migratedTemplate"));
  await adminQuery(adminUrl, template ? `create database "${name}" template "${template}"` : `create database "${name}"`);
  const url = withDatabase(adminUrl, name);
  const db = getDatabase(url);
  return {
    name,
    url,
    db,
    async drop() {
      await db.$disconnect();
      await adminQuery(adminUrl, `drop database if exists "${name}" with (force)`);
    },
  };
}

/** Creates `name` as a migrated database, for global-setup.ts to copy into every test's database. */
export async function createMigratedTemplate(adminUrl: string, name: string): Promise<void> {
  await adminQuery(adminUrl, `create database "${name}"`);
  await applyMigrations(withDatabase(adminUrl, name));
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function adminQuery(adminUrl: string, sql: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: withDatabase(adminUrl, "postgres") });
  await client.connect();
  try {
    return await client.query(sql, values);
  } finally {
    await client.end();
  }
}
