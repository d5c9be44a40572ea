/**
 * `npm run db:migration -- <name>`: writes the migration that takes the committed migrations to the
 * current prisma/schema.prisma, as prisma/migrations/<timestamp>_<name>/migration.sql.
 * Works offline: Prisma's wasm schema engine diffs the schema snapshot kept with the last migration
 * against the current schema (it still wants a connection, so a throw-away embedded PostgreSQL is
 * started, or DATABASE_URL's server is used). Hand-written SQL (extensions, special indexes) may be
 * appended to the generated migration.sql before committing it.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/database-server/embedded-postgres";
import { diffSnapshotToSchema, migrationsDir, snapshotFileName } from "@/lib/db/schema-engine";

const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
if (!name) {
  console.error("usage: npm run db:migration -- <name>   (e.g. add_search_index)");
  process.exit(2);
}

const scratch = await fs.mkdtemp(path.join(os.tmpdir(), "duizhao-migration-"));
await fs.chmod(scratch, 0o755);
const server = process.env.DATABASE_URL
  ? null
  : await startEmbeddedPostgres({ dataDir: path.join(scratch, "pg"), port: 54398, database: "shadow" });
try {
  const { sql, schema } = await diffSnapshotToSchema(process.env.DATABASE_URL ?? server!.url);
  if (sql.trim() === "" || /^-- This is an empty migration\.?\s*$/.test(sql.trim())) {
    console.log("The migrations already match prisma/schema.prisma: nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, "migration.sql"), sql);
    await fs.writeFile(path.join(dir, snapshotFileName), schema);
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await server?.stop();
  await fs.rm(scratch, { recursive: true, force: true });
}
