import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/db/test-database";
import { getDatabase } from "./prisma-client";
import { listMigrationNames, MIGRATIONS_DIR, readReadiness } from "./read-readiness";
import { migrationsDir } from "./schema-engine";

describe("readReadiness", { timeout: 60_000 }, () => {
  let migrated: TestDatabase;
  let empty: TestDatabase;
  let aheadDir: string;
  beforeAll(async () => {
    [migrated, empty] = await Promise.all([createTestDatabase(), createTestDatabase({ migrate: false })]);
    // This code's migrations plus one it has not applied: a release newer than the database.
    aheadDir = await fs.mkdtemp(path.join(os.tmpdir(), "duizhao-migrations-"));
    for (const name of [...(await listMigrationNames(MIGRATIONS_DIR)), "29991231000000_not_yet"]) await fs.mkdir(path.join(aheadDir, name));
  });
  afterAll(async () => {
    await Promise.all([migrated.drop(), empty.drop(), fs.rm(aheadDir, { recursive: true, force: true })]);
  });

  it("reads the migrations where the schema engine applies them from", () => {
    expect(MIGRATIONS_DIR).toBe(migrationsDir);
  });

  it("is ready when the database answers and every migration is applied", async () => {
    const readiness = await readReadiness(MIGRATIONS_DIR, migrated.db);
    const expected = (await listMigrationNames(MIGRATIONS_DIR)).length;
    expect(readiness).toEqual({ ready: true, migrations: { applied: expected, expected, unknown: [] } });
  });

  it("is not ready, and says why, when migrations are behind", async () => {
    expect(await readReadiness(aheadDir, migrated.db)).toEqual({
      ready: false,
      reason: expect.stringMatching(/^migrations are behind: 1 of \d+ not applied \(29991231000000_not_yet\)$/),
    });
    expect(await readReadiness(MIGRATIONS_DIR, empty.db)).toEqual({ ready: false, reason: expect.stringMatching(/^migrations are behind: none of the \d+ applied$/) });
  });

  it("is not ready when the database cannot be reached, naming the failure without hosts or ports", async () => {
    // Nothing listens on port 1.
    const readiness = await readReadiness(MIGRATIONS_DIR, getDatabase("postgresql://nobody:nothing@127.0.0.1:1/none"));
    expect(readiness.ready).toBe(false);
    if (readiness.ready) return;
    expect(readiness.reason).toMatch(/^the database cannot be reached \(/);
    expect(readiness.reason).not.toMatch(/127\.0\.0\.1|:1\b/);
  });
});
