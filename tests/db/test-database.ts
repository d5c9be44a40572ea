import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { getDatabase, type Database } from "@/lib/db/prisma-client";
import { applyMigrations } from "@/lib/db/schema-engine";

export interface TestDatabase {
  url: string;
  db: Database;
  drop(): Promise<void>;
}

/** A new, empty database on the test server; `migrate: false` leaves it without tables. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = inject("adminDatabaseUrl");
  const name = `duizhao_t_${randomBytes(5).toString("hex")}`;
  await adminQuery(adminUrl, `create database "${name}"`);
  const url = withDatabase(adminUrl, name);
  if (options.migrate !== false) await applyMigrations(url);
  const db = getDatabase(url);
  return {
    url,
    db,
    async drop() {
      await db.$disconnect();
      await adminQuery(adminUrl, `drop database if exists "${name}" with (force)`);
    },
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(adminUrl, "postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
