/**
 * `npm run ingest -- [<file>] [--manifest <json>] [--corrections <json>] [--dry-run] [--json]`
 * Ingests one source text or PDF (or every `*.txt` and `*.pdf` in corpus/ when no file is given) and prints a quality report
 * per document. With --dry-run nothing touches a database; --json prints the parsed structure (the
 * same shape as GET /api/documents/<slug>). A refused file exits non-zero and leaves the database as it was.
 * The manifest and corrections file default to `name.manifest.json` and `name.corrections.json` beside the text.
 */
import "./silence-known-warnings";
import path from "node:path";
import { parseArgs } from "node:util";
import { ingestEachSource, parseSourceFile } from "@/lib/corpus/ingest-sources";
import { listCorpusTexts, readSourceFile, type CompanionPaths } from "@/lib/corpus/read-source-file";
import { openDatabase } from "@/lib/database-server/open-database";
import { disconnectDatabases, getDatabase } from "@/lib/db/prisma-client";
import { applyMigrations } from "@/lib/db/schema-engine";
import { readEnvironment } from "@/lib/env";
import { formatQualityReport } from "@/lib/ingest/quality-report";

const usage = "usage: npm run ingest -- [<file>] [--manifest <file.json>] [--corrections <file.json>] [--dry-run] [--json]";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      manifest: { type: "string" },
      corrections: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (positionals.length > 1) throw new Error(`give at most one file\n${usage}`);
  if (values.manifest && positionals.length === 0) throw new Error(`--manifest needs a file to go with\n${usage}`);
  if (values.corrections && positionals.length === 0) throw new Error(`--corrections needs a file to go with\n${usage}`);
  const files: ({ path: string } & CompanionPaths)[] = positionals[0]
    ? [
        {
          path: path.resolve(positionals[0]),
          manifestPath: values.manifest ? path.resolve(values.manifest) : undefined,
          correctionsPath: values.corrections ? path.resolve(values.corrections) : undefined,
        },
      ]
    : (await listCorpusTexts(path.resolve(readEnvironment().DUIZHAO_CORPUS_DIR))).map((file) => ({ path: file }));

  if (values["dry-run"]) {
    let failed = 0;
    for (const file of files) {
      try {
        const draft = await parseSourceFile(await readSourceFile(file.path, file));
        console.log(values.json ? JSON.stringify(draft, null, 2) : formatQualityReport(draft));
      } catch (error) {
        failed++;
        console.error(`duizhao ingest: ${path.basename(file.path)}: ${(error as Error).message}`);
      }
    }
    return failed > 0 ? 1 : 0;
  }

  const env = readEnvironment();
  const database = await openDatabase(env);
  try {
    await applyMigrations(database.url);
    const db = getDatabase(database.url);
    let failed = 0;
    // Each document is reported as soon as it is loaded, and not kept: a folder of 1,000 essays is never in memory at once.
    await ingestEachSource(db, files, (result) => {
      if (!result.ok) {
        failed++;
        console.error(`duizhao ingest: ${path.basename(result.file)}: ${result.error} (database unchanged)`);
        return;
      }
      const { outcome } = result;
      const summary =
        outcome.status === "unchanged"
          ? "unchanged: nothing written"
          : `${outcome.status}; parse ${result.parseMs.toFixed(0)} ms, load ${result.loadMs.toFixed(0)} ms; ` +
            `${outcome.moved} earlier anchors moved, ${outcome.orphaned.length} orphaned` +
            (outcome.orphaned.length > 0 ? `: ${outcome.orphaned.join(", ")}` : "");
      console.log(values.json ? JSON.stringify(result.draft, null, 2) : `${formatQualityReport(result.draft)}\n  → ${summary}\n`);
    }, (message) => console.error(`duizhao ingest: ${message}`));
    return failed > 0 ? 1 : 0;
  } finally {
    await disconnectDatabases();
    await database.close();
  }
}

main().then(
  (code) => exitWhenWritten(code),
  (error: unknown) => {
    console.error(`duizhao ingest: error: ${error instanceof Error ? error.message : String(error)}`);
    exitWhenWritten(1);
  },
);

/** Exits once stdout has taken everything: into a pipe, `--json` output is written asynchronously and cut at 64 KiB otherwise. */
function exitWhenWritten(code: number): void {
  process.stdout.write("", () => process.exit(code));
}
