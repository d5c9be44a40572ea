import fs from "node:fs/promises";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, schemaPath, withSchemaEngine } from "@/lib/db/schema-engine";
import { createTestDatabase, type TestDatabase } from "./test-database";

/**
 * The schema of a database as PostgreSQL's catalog describes it, minus Prisma's bookkeeping table:
 * enough to tell whether two databases have the same tables, columns, types, defaults, keys and indexes.
 */
async function describeSchema(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query(sql)).rows.map((row) => JSON.stringify(row)).sort();
    return {
      columns: await q(`select table_name, column_name, data_type, udt_name, is_nullable, column_default
                        from information_schema.columns where table_schema = 'public' and table_name <> '_prisma_migrations'`),
      constraints: await q(`select conrelid::regclass::text as table_name, conname, pg_get_constraintdef(oid) as def
                            from pg_constraint where connamespace = 'public'::regnamespace
                            and conrelid::regclass::text <> '_prisma_migrations'`),
      indexes: await q(`select tablename, indexname, indexdef from pg_indexes
                        where schemaname = 'public' and tablename <> '_prisma_migrations'`),
      enums: await q(`select t.typname, array_agg(e.enumlabel order by e.enumsortorder) as labels
                      from pg_type t join pg_enum e on e.enumtypid = t.oid group by t.typname`),
      extensions: await q(`select extname from pg_extension`),
    };
  } finally {
    await client.end();
  }
}

describe("migrations", () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => Promise.all(databases.map((d) => d.drop())));

  it("applied to an empty database yield exactly the schema in schema.prisma (no drift)", async () => {
    const migrated = await createTestDatabase({ migrate: false });
    const direct = await createTestDatabase({ migrate: false });
    databases.push(migrated, direct);

    expect((await applyMigrations(migrated.url)).length).toBeGreaterThan(0);

    // The database schema.prisma describes, created straight from it by Prisma's engine.
    const schema = await fs.readFile(schemaPath, "utf8");
    const sql = await withSchemaEngine(direct.url, async (engine) => {
      const result = await engine.diff({
        from: { tag: "empty" },
        to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
        script: true,
        exitCode: null,
        filters: { externalTables: [], externalEnums: [] },
      });
      return result.stdout ?? "";
    });
    const client = new pg.Client({ connectionString: direct.url });
    await client.connect();
    await client.query(sql);
    await client.end();

    const fromMigrations = await describeSchema(migrated.url);
    const fromSchema = await describeSchema(direct.url);
    expect(fromMigrations.columns.length).toBeGreaterThan(10);
    // Extensions and their indexes come from hand-written SQL in migrations; Prisma's schema cannot
    // express them all, so they are compared only for columns, keys and enums.
    const prismaIndexes = (indexes: string[]) => indexes.filter((row) => !/USING (gin|gist)/i.test(row));
    expect(fromMigrations.columns).toEqual(fromSchema.columns);
    expect(fromMigrations.constraints).toEqual(fromSchema.constraints);
    expect(fromMigrations.enums).toEqual(fromSchema.enums);
    expect(prismaIndexes(fromMigrations.indexes)).toEqual(prismaIndexes(fromSchema.indexes));
  });

  it("are applied once: a second run applies nothing", async () => {
    const database = await createTestDatabase();
    databases.push(database);
    expect(await applyMigrations(database.url)).toEqual([]);
  });
});
