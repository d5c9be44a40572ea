import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/database-server/embedded-postgres";
import { assertReachable } from "@/lib/database-server/open-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** A server where tests may create and drop their own databases. */
    adminDatabaseUrl: string;
  }
}

/**
 * Database tests run against a real PostgreSQL: DATABASE_URL's server when set (external-database.test.ts proves that path
 * with Debian's PostgreSQL), otherwise an embedded server of their own under .data/test-postgres.
 */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    await assertReachable(process.env.DATABASE_URL);
    project.provide("adminDatabaseUrl", process.env.DATABASE_URL);
    return;
  }
  const server = await startEmbeddedPostgres({
    dataDir: path.resolve(".data/test-postgres"),
    port: Number(process.env.DUIZHAO_TEST_DB_PORT ?? 54330),
    database: "duizhao_test",
  });
  project.provide("adminDatabaseUrl", server.url);
  return async () => {
    await server.stop();
  };
}
