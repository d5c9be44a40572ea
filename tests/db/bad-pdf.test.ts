import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestSources } from "@/lib/corpus/ingest-sources";
import { MAX_PDF_BYTES } from "@/lib/ingest/pdf/read-pdf-text";
import { snapshotDatabase } from "./snapshot-database";
import { createTestDatabase, type TestDatabase } from "./test-database";

/**
 * A good PDF is ingested like a text (and again unchanged, as a no-op); a bad PDF gets one clear message and a
 * non-zero exit, and the database is as it was: encrypted, image-only (needs OCR), damaged, over the size
 * limit, with embedded JavaScript (never run).
 */
const FIXTURES = path.join(process.cwd(), "tests", "fixtures", "pdf");
const GOOD = path.join(FIXTURES, "circled-16k.pdf");

let database: TestDatabase;
let dir: string;
const cases: { name: string; file: string; message: RegExp }[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "duizhao-bad-pdf-"));
  const huge = path.join(dir, "huge.pdf");
  const bytes = new Uint8Array(MAX_PDF_BYTES + 1);
  bytes.set(new TextEncoder().encode("%PDF-1.4\n"));
  await fs.writeFile(huge, bytes);
  cases.push(
    { name: "an encrypted PDF", file: path.join(FIXTURES, "bad-encrypted.pdf"), message: /password-protected/ },
    { name: "an image-only PDF", file: path.join(FIXTURES, "bad-image-only.pdf"), message: /no text layer.*OCR/ },
    { name: "a truncated PDF", file: path.join(FIXTURES, "bad-truncated.pdf"), message: /cannot be read \(damaged or truncated\)/ },
    { name: "a PDF with JavaScript", file: path.join(FIXTURES, "bad-scripted.pdf"), message: /JavaScript.*nothing in it was run/ },
    { name: "a PDF over the size limit", file: huge, message: /limit is 32 MiB/ },
  );
});
afterAll(async () => {
  await database.drop();
  await fs.rm(dir, { recursive: true, force: true });
});

describe("PDF input", () => {
  it("ingests a typeset PDF, and the same bytes again as a no-op", async () => {
    const [first] = await ingestSources(database.db, [{ path: GOOD }]);
    expect(first?.ok, first && !first.ok ? first.error : "").toBe(true);
    if (first?.ok) {
      expect(first.outcome.status).not.toBe("unchanged");
      expect(first.draft.footnotes.every((note) => note.status === "present")).toBe(true);
    }
    const [again] = await ingestSources(database.db, [{ path: GOOD }]);
    expect(again?.ok && again.outcome.status).toBe("unchanged");
  });

  it("refuses each bad PDF with a clear message, and the database is unchanged", async () => {
    for (const bad of cases) {
      const before = await snapshotDatabase(database.url);
      const [result] = await ingestSources(database.db, [{ path: bad.file }]);
      expect(result?.ok, bad.name).toBe(false);
      if (result && !result.ok) expect(result.error, bad.name).toMatch(bad.message);
      expect(await snapshotDatabase(database.url), bad.name).toEqual(before);
    }
  });

  // Five CLI runs, each starting tsx: slow on a loaded 2-core machine.
  it("makes `npm run ingest` exit non-zero with one line, not a stack trace", { timeout: 180_000 }, () => {
    for (const bad of cases) {
      const run = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/ingest.ts", bad.file, "--dry-run"], { encoding: "utf8" });
      expect(run.status, bad.name).not.toBe(0);
      const lines = run.stderr.split("\n").filter((line) => line.trim() !== "" && !/nodedir|npm warn/.test(line));
      expect(lines, bad.name).toHaveLength(1);
      expect(lines[0], bad.name).toMatch(bad.message);
      expect(run.stderr, bad.name).not.toMatch(/\n\s+at /);
    }
  });
});
