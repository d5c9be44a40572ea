import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestSources } from "@/lib/corpus/ingest-sources";
import { snapshotDatabase } from "./snapshot-database";
import { createTestDatabase, type TestDatabase } from "./test-database";

/** Bad input gets one clear message and a non-zero exit, and loses nothing: the database is as it was. */
const GOOD = path.join(process.cwd(), "corpus", "001_dd40619b11185e85.txt");

let database: TestDatabase;
let dir: string;
const cases: { name: string; file: string; manifest?: string; corrections?: string; message: RegExp }[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await ingestSources(database.db, [{ path: GOOD }]);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "duizhao-bad-input-"));
  const write = async (name: string, content: string | Uint8Array) => {
    const file = path.join(dir, name);
    await fs.writeFile(file, content);
    return file;
  };
  cases.push(
    { name: "an empty file", file: await write("empty.txt", ""), message: /empty/i },
    { name: "a binary file", file: await write("binary.txt", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0])), message: /binary/i },
    // "中文网络空间治理" and more, encoded as GBK.
    { name: "a GBK-encoded file", file: await write("gbk.txt", new Uint8Array(Array(40).fill([0xd6, 0xd0, 0xce, 0xc4, 0xcd, 0xf8, 0xc2, 0xe7, 0x0a]).flat())), message: /UTF-8/ },
    { name: "a file over the size limit", file: await write("huge.txt", "网络空间治理。\n\n".repeat(300_000)), message: /MiB|too large|limit/i },
    { name: "a text with no recognisable structure", file: await write("one-line.txt", "只有一行文字，没有任何结构。"), message: /single line|no .*structure|no body/i },
    {
      name: "a manifest that fails validation",
      file: await write("fine.txt", await fs.readFile(GOOD)),
      manifest: await write("fine.manifest.json", JSON.stringify({ slug: "Not A Slug!" })),
      message: /manifest .*slug/,
    },
    {
      name: "a corrections file that is not JSON",
      file: await write("corrected.txt", await fs.readFile(GOOD)),
      corrections: await write("corrected.corrections.json", '{"corrections": [{"kind": "debris", "line": 3,}]}'),
      message: /corrections file \S*corrected\.corrections\.json is not valid JSON: /,
    },
    {
      name: "a corrections file beside the text that fails validation",
      file: await write("beside.txt", await fs.readFile(GOOD)),
      // No --corrections: the file beside the text is read. Its third entry names an impossible label.
      message: /corrections file \S*beside\.corrections\.json is invalid at corrections\[2\]\.label: /,
    },
  );
  await write(
    "beside.corrections.json",
    JSON.stringify({
      corrections: [
        { kind: "debris", line: 1 },
        { kind: "heading-level", line: 2, level: 2 },
        { kind: "attach-note", noteLine: 40, markerLine: 12, label: "note 1" },
      ],
    }),
  );
});
afterAll(async () => {
  await database.drop();
  await fs.rm(dir, { recursive: true, force: true });
});

describe("bad input", () => {
  it("is refused with a clear message, and the database is unchanged", async () => {
    for (const bad of cases) {
      const before = await snapshotDatabase(database.url);
      const [result] = await ingestSources(database.db, [{ path: bad.file, manifestPath: bad.manifest, correctionsPath: bad.corrections }]);
      expect(result?.ok, bad.name).toBe(false);
      if (result && !result.ok) expect(result.error, bad.name).toMatch(bad.message);
      expect(await snapshotDatabase(database.url), bad.name).toEqual(before);
    }
  });

  // Eight CLI runs, each starting tsx (~3 s of CPU apiece): 142 s on a 2-core host at load 15, past the 60 s default.
  it("makes `npm run ingest` exit non-zero with one line, not a stack trace", { timeout: 180_000 }, () => {
    for (const bad of cases) {
      const args = ["--conditions=react-server", "--import", "tsx", "scripts/ingest.ts", bad.file, "--dry-run"];
      if (bad.manifest) args.push("--manifest", bad.manifest);
      if (bad.corrections) args.push("--corrections", bad.corrections);
      const run = spawnSync(process.execPath, args, { encoding: "utf8" });
      expect(run.status, bad.name).not.toBe(0);
      const lines = run.stderr.split("\n").filter((line) => line.trim() !== "" && !/nodedir|npm warn/.test(line));
      expect(lines, bad.name).toHaveLength(1);
      expect(lines[0], bad.name).toMatch(bad.message);
      expect(run.stderr, bad.name).not.toMatch(/\n\s+at /);
    }
  });
});
