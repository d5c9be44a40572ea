/**
 * `npm run annotations -- import <file.json>`: imports W3C Web Annotations, or Hypothesis's JSON export (or
 * its API rows), that target Duizhao reader pages. Each annotation is anchored in its document's current text
 * (lib/exchange/web-annotation-anchor.ts) and stored; the reader lists them under "Imported annotations".
 * Prints one line per orphan (and per skipped entry) and a summary. Exits non-zero only when the file is
 * malformed (not JSON, not an annotation file, an entry that is not an annotation): then nothing is imported.
 * Importing the same file again updates its annotations rather than adding copies.
 */
import "./silence-known-warnings";
import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "@/lib/database-server/open-database";
import { importAnnotations } from "@/lib/db/import-annotations";
import { disconnectDatabases, getDatabase } from "@/lib/db/prisma-client";
import { applyMigrations } from "@/lib/db/schema-engine";
import { readEnvironment } from "@/lib/env";
import { readAnnotationFile } from "@/lib/exchange/web-annotation-import";

const usage = "usage: npm run annotations -- import <file.json>";
/** Quotes are cut in the report to keep each orphan on one readable line. */
const REPORTED_QUOTE_LENGTH = 40;

class UsageError extends Error {}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { help: { type: "boolean", short: "h", default: false } } });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const [command, file, ...rest] = positionals;
  if (command !== "import" || !file || rest.length > 0) throw new UsageError(usage);

  const name = path.basename(file);
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(path.resolve(file), "utf8"));
  } catch (error) {
    console.error(`duizhao annotations: ${name}: ${error instanceof SyntaxError ? `not JSON: ${error.message}` : (error as Error).message} (nothing imported)`);
    return 1;
  }
  const reading = readAnnotationFile(json);
  if (!reading.ok) {
    console.error(`duizhao annotations: ${name}: malformed: ${reading.error} (nothing imported)`);
    return 1;
  }

  const database = await openDatabase(readEnvironment());
  try {
    await applyMigrations(database.url);
    const outcomes = await importAnnotations(reading.annotations, getDatabase(database.url));
    for (const skipped of reading.skipped) console.log(`skipped ${skipped.externalId}: ${skipped.reason}`);
    for (const outcome of outcomes) {
      if (outcome.status === "no-document") console.log(`skipped ${outcome.externalId}: no document "${outcome.slug}" in the corpus`);
      if (outcome.status === "orphaned") {
        const quote = outcome.quote === null ? "" : ` “${cut(outcome.quote)}”`;
        console.log(`orphan ${outcome.externalId} in ${outcome.slug}:${quote} ${outcome.reason}`);
      }
    }
    const count = (status: string) => outcomes.filter((outcome) => outcome.status === status).length;
    const skipped = reading.skipped.length + count("no-document");
    console.log(
      `${name}: ${count("anchored")} anchored, ${count("orphaned")} orphaned, ${count("document")} on a whole document, ${skipped} skipped`,
    );
    return 0;
  } finally {
    await disconnectDatabases();
    await database.close();
  }
}

function cut(quote: string): string {
  const flat = quote.replace(/\s+/gu, " ");
  return flat.length > REPORTED_QUOTE_LENGTH ? `${flat.slice(0, REPORTED_QUOTE_LENGTH)}…` : flat;
}

main().then(
  (code) => process.stdout.write("", () => process.exit(code)),
  (error: unknown) => {
    console.error(`duizhao annotations: ${error instanceof UsageError ? error.message : `error: ${error instanceof Error ? error.message : String(error)}`}`);
    process.stdout.write("", () => process.exit(error instanceof UsageError ? 2 : 1));
  },
);
