import { createHash } from "node:crypto";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { expect, inject } from "vitest";
import { ingestSources } from "@/lib/corpus/ingest-sources";
import { loadDocument } from "@/lib/db/load-document";
import type { Database } from "@/lib/db/prisma-client";
import { parseDocument } from "@/lib/ingest/parse-document";
import type { DocumentStructure } from "@/lib/model/document-model";
import { adminQuery, createTestDatabase, withDatabase, type TestDatabase } from "@/tests/db/test-database";
import { syntheticCorpus, type SyntheticEssay } from "@/tests/synthetic-corpus/synthetic-corpus";

/**
 * The corpus the database tests of the corpus-wide derivations check against their from-scratch oracles: the two
 * corpus essays and the first synthetic essays of one seed, which quote and cite a shared pool of works, so
 * passages, sources and concepts are shared across many pairs and most blocks' parallel counts are written by
 * the loads of other essays. Loaded one by one, as `npm run ingest` loads a folder.
 */

const CORPUS_ESSAYS = ["000_1322acf3015bdc34.txt", "001_dd40619b11185e85.txt"].map((file) => ({ path: path.join("corpus", file) }));
/** A seed whose first dozen essays share passages, sources and concepts of every kind (the tests assert they do). */
const SYNTHETIC_SEED = 5;

/** Loading a dozen essays, or twice that, on a shared 2-core machine. */
export const CORPUS_LOAD_TIMEOUT_MS = 600_000;

/** The seed's essays generated so far in this file, as their content read when generated (`isSeedPrefix`). */
const generated: string[] = [];

export function syntheticEssays(count: number): SyntheticEssay[] {
  const synthetic = syntheticCorpus(SYNTHETIC_SEED);
  return Array.from({ length: count }, (_, i) => {
    const essay = synthetic.essay(i);
    generated[i] = essayContent(essay);
    return essay;
  });
}

function essayContent(essay: SyntheticEssay): string {
  return JSON.stringify([essay.stem, essay.text, essay.manifest]);
}

/** The two corpus essays through the ingest `npm run ingest` runs (`reversed`: the later one first). */
export async function ingestCorpusEssays(db: Database, { reversed = false } = {}): Promise<void> {
  const files = reversed ? [...CORPUS_ESSAYS].reverse() : CORPUS_ESSAYS;
  expect((await ingestSources(db, files)).every((result) => result.ok)).toBe(true);
}

/**
 * A database holding the corpus essays, then `essays` loaded one by one. The first `n` essays of the seed are
 * loaded once per run, not once per test file: the corpus after each essay is kept as a template database
 * (`corpusTemplate`), and a test's database is PostgreSQL's copy of the one it asks for, which holds exactly the
 * rows those loads wrote (they are deterministic, and a copy keeps rows as written). Other essays are loaded here.
 */
export async function createCorpusDatabase(essays: SyntheticEssay[]): Promise<TestDatabase> {
  if (!isSeedPrefix(essays)) {
    const database = await createTestDatabase();
    await ingestCorpusEssays(database.db);
    for (const essay of essays) await loadSyntheticEssay(database.db, essay);
    return database;
  }
  return createTestDatabase({ template: await corpusTemplate(essays) });
}

/** Whether `essays` are the seed's first ones, unchanged since `syntheticEssays` made them. */
function isSeedPrefix(essays: readonly SyntheticEssay[]): boolean {
  return essays.every((essay, i) => generated[i] !== undefined && essayContent(essay) === generated[i]);
}

/**
 * How often a test file waiting for the corpus another file is loading looks for the template it needs: well under
 * one essay's load (1-3 s), so it starts soon after, and seldom enough that the looks cost nothing.
 */
const TEMPLATE_POLL_MS = 500;

/**
 * The name of this run's template database holding the corpus essays and `essays`, the seed's first ones. One
 * file at a time (a PostgreSQL advisory lock named for the run) extends the chain from the longest corpus kept,
 * keeping the corpus after each essay; the others wait for theirs to appear. Templates go with the run
 * (global-setup.ts drops them).
 */
async function corpusTemplate(essays: readonly SyntheticEssay[]): Promise<string> {
  const count = essays.length;
  const adminUrl = inject("adminDatabaseUrl");
  const prefix = inject("templatePrefix");
  const templateOf = (loaded: number) => `${prefix}corpus_${loaded}`;
  const exists = async (name: string) => (await adminQuery(adminUrl, "select 1 from pg_database where datname = $1", [name])).rowCount === 1;
  const lock = new pg.Client({ connectionString: withDatabase(adminUrl, "postgres") });
  await lock.connect();
  try {
    for (;;) {
      if (await exists(templateOf(count))) return templateOf(count);
      const { got } = (await lock.query<{ got: boolean }>("select pg_try_advisory_lock(hashtext($1)) as got", [prefix])).rows[0]!;
      if (!got) {
        await sleep(TEMPLATE_POLL_MS);
        continue;
      }
      try {
        let kept = count - 1;
        while (kept >= 0 && !(await exists(templateOf(kept)))) kept -= 1;
        for (let next = kept + 1; next <= count; next += 1) {
          const work = await createTestDatabase(next === 0 ? {} : { template: templateOf(next - 1) });
          try {
            if (next === 0) await ingestCorpusEssays(work.db);
            else await loadSyntheticEssay(work.db, essays[next - 1]!);
            await work.db.$disconnect();
            await adminQuery(adminUrl, `alter database "${work.name}" rename to "${templateOf(next)}"`);
          } catch (error) {
            await work.drop();
            throw error;
          }
        }
      } finally {
        await lock.query("select pg_advisory_unlock(hashtext($1))", [prefix]);
      }
    }
  } finally {
    await lock.end();
  }
}

export interface LoadEssayOptions {
  /** Changes the parsed draft before it is loaded: an edited file, so it gets another checksum. */
  edit?: (draft: DocumentStructure) => void;
  /** Another pipeline version: the same text loaded again by new code. */
  parserVersion?: string;
}

export async function loadSyntheticEssay(db: Database, essay: SyntheticEssay, { edit, parserVersion = "test" }: LoadEssayOptions = {}) {
  const bytes = new TextEncoder().encode(essay.text);
  const draft = parseDocument({ bytes, fileName: `${essay.stem}.txt`, manifest: essay.manifest });
  const sha = createHash("sha256").update(bytes).digest("hex");
  edit?.(draft);
  const sourceSha256 = edit ? createHash("sha256").update(sha + JSON.stringify(draft)).digest("hex") : sha;
  return loadDocument(draft, { sourceFile: `${essay.stem}.txt`, sourceSha256, parserVersion, manifest: essay.manifest }, db);
}

/**
 * The edit both oracles are tested with: every paragraph that quotes a work goes, with the notes those paragraphs
 * call, so the essay's shared passages and sources go and the rest stays.
 */
export function dropQuotingParagraphs(draft: DocumentStructure): void {
  const quoting = draft.paragraphs.filter((p) => p.text.includes("指出：“"));
  expect(quoting.length).toBeGreaterThan(0);
  const notes = new Set(quoting.flatMap((p) => p.markers.map((m) => m.footnoteAnchor)));
  draft.paragraphs = draft.paragraphs.filter((p) => !quoting.includes(p));
  draft.footnotes = draft.footnotes.filter((n) => !notes.has(n.anchor));
}
