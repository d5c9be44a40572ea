import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/database-server/embedded-postgres";
import { assertReachable } from "@/lib/database-server/open-database";
import { processIsAlive } from "@/lib/database-server/server-users";
import { adminQuery, createMigratedTemplate } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** A server where tests may create and drop their own databases. */
    adminDatabaseUrl: string;
    /** This run's migrated database, which createTestDatabase copies (test-database.ts). */
    migratedTemplate: string;
    /** How this run's template databases are named: dropped with the run (corpus-with-synthetic-essays.ts adds its own). */
    templatePrefix: string;
  }
}

/** Template databases are named for the run's process, so that runs sharing one server never use each other's. */
const TEMPLATE_NAME = /^duizhao_tpl_(\d+)_/;

/**
 * Database tests run against a real PostgreSQL: DATABASE_URL's server when set (external-database.test.ts proves that path
 * with Debian's PostgreSQL), otherwise an embedded server of their own under .data/test-postgres.
 */
export default async function setup(project: TestProject) {
  const external = process.env.DATABASE_URL;
  let adminUrl: string;
  let stopServer: () => Promise<void> = async () => undefined;
  if (external) {
    await assertReachable(external);
    adminUrl = external;
  } else {
    const server = await startEmbeddedPostgres({
      dataDir: path.resolve(".data/test-postgres"),
      port: Number(process.env.DUIZHAO_TEST_DB_PORT ?? 54330),
      database: "duizhao_test",
    });
    adminUrl = server.url;
    stopServer = () => server.stop();
    // The embedded server is this machine's: a run killed before its teardown left its templates, and its process is gone.
    await dropTemplates(adminUrl, (pid) => !processIsAlive(pid));
  }
  const prefix = `duizhao_tpl_${process.pid}_`;
  // A database of this prefix is left over by a run that had our process id: ours are yet to be made.
  await dropTemplates(adminUrl, (pid) => pid === process.pid);
  const migratedTemplate = `${prefix}migrated`;
  await createMigratedTemplate(adminUrl, migratedTemplate);
  project.provide("adminDatabaseUrl", adminUrl);
  project.provide("migratedTemplate", migratedTemplate);
  project.provide("templatePrefix", prefix);
  return async () => {
    await dropTemplates(adminUrl, (pid) => pid === process.pid);
    await stopServer();
  };
}

async function dropTemplates(adminUrl: string, whose: (pid: number) => boolean): Promise<void> {
  const names = (await adminQuery(adminUrl, `select datname from pg_database where starts_with(datname, 'duizhao_tpl_')`)).rows.map(
    (row: { datname: string }) => row.datname,
  );
  for (const name of names) {
    const pid = Number(TEMPLATE_NAME.exec(name)?.[1]);
    if (Number.isInteger(pid) && whose(pid)) await adminQuery(adminUrl, `drop database if exists "${name}" with (force)`);
  }
}
