import fs from "node:fs/promises";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { createRequire } from "node:module";
import type { MigrationDirectory, MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { readSetting } from "@/lib/env";

/**
 * Prisma's own schema engine, as WebAssembly, driven through the pg driver adapter. The CLI's native
 * engine is downloaded at run time, which these machines cannot do; the wasm engine applies the same
 * `prisma/migrations/` folder into the same `_prisma_migrations` table, so `prisma migrate deploy`
 * works unchanged wherever the native engine is available.
 */

const projectRoot = process.cwd();
export const migrationsDir = path.join(projectRoot, "prisma", "migrations");
export const schemaPath = path.join(projectRoot, "prisma", "schema.prisma");
const noFilters = { externalTables: [], externalEnums: [] };

type EngineModule = typeof import("@prisma/schema-engine-wasm");
let engineModule: Promise<EngineModule> | undefined;

/**
 * The package's entry imports its .wasm as an ES module, which Node 20 cannot do without a flag;
 * instantiate the same binary by hand against the package's own JS glue instead.
 */
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const require = createRequire(import.meta.url);
    const packageDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const glue = (await import(
      path.join(packageDir, "schema_engine_bg.js")
    )) as EngineModule & { __wbg_set_wasm(exports: WebAssembly.Exports): void };
    const binary = await fs.readFile(path.join(packageDir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(binary, { "./schema_engine_bg.js": glue as never });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return engineModule;
}

export async function withSchemaEngine<T>(databaseUrl: string, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  // The engine opens connections through the factory but never closes them; one left open keeps
  // Prisma's migration advisory lock, and the next engine would wait 10 s for it. Track and close them.
  const factory = new PrismaPg({ connectionString: databaseUrl });
  const opened: { dispose(): Promise<void> }[] = [];
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const connection = await connect();
    opened.push(connection);
    return connection;
  };
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const schema = await fs.readFile(schemaPath, "utf8");
  const engine = await SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    (log: string) => {
      if (readSetting("DUIZHAO_DEBUG_MIGRATIONS")) console.error(log);
    },
    adapter,
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((connection) => connection.dispose().catch(() => undefined)));
  }
}

export async function readMigrationList(): Promise<MigrationList> {
  const entries = await fs.readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const directories: MigrationDirectory[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(migrationsDir, entry.name, "migration.sql");
    const content = await fs.readFile(file, "utf8").then(
      (sql) => ({ tag: "ok" as const, value: sql }),
      (error: Error) => ({ tag: "error" as const, value: error.message }),
    );
    directories.push({ path: entry.name, migrationFile: { path: "migration.sql", content } });
  }
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const lockContent = await fs.readFile(lockPath, "utf8").catch(() => null);
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    migrationDirectories: directories,
    shadowDbInitScript: "",
  } as MigrationList;
}

/** Applies every migration not yet applied; returns the names applied now. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  return withSchemaEngine(databaseUrl, async (engine) => {
    const result = await engine.applyMigrations({
      migrationsList: await readMigrationList(),
      filters: noFilters,
    });
    return result.appliedMigrationNames;
  });
}


/**
 * SQL taking the schema as of the last migration (the `schema.prisma` snapshot kept beside each
 * migration.sql) to the current schema.prisma; empty when they agree. Diffing two datamodels needs no
 * database introspection, which the wasm engine cannot do through the pg adapter on PostgreSQL 18
 * ("Column type 'char' could not be deserialized").
 */
export async function diffSnapshotToSchema(databaseUrl: string): Promise<{ sql: string; schema: string }> {
  const schema = await fs.readFile(schemaPath, "utf8");
  const list = await readMigrationList();
  const last = list.migrationDirectories.at(-1);
  const snapshot = last
    ? await fs.readFile(path.join(migrationsDir, last.path, snapshotFileName), "utf8")
    : null;
  return withSchemaEngine(databaseUrl, async (engine) => {
    const result = await engine.diff({
      from: snapshot === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: schemaPath, content: snapshot }] },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return { sql: result.stdout ?? "", schema };
  });
}

/** The schema a migration brings the database to, kept beside its migration.sql. */
export const snapshotFileName = "schema.prisma";
