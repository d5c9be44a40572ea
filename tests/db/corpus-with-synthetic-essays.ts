import { createHash } from "node:crypto";
import path from "node:path";
import { expect } from "vitest";
import { ingestSources } from "@/lib/corpus/ingest-sources";
import { loadDocument } from "@/lib/db/load-document";
import type { Database } from "@/lib/db/prisma-client";
import { parseDocument } from "@/lib/ingest/parse-document";
import type { DocumentStructure } from "@/lib/model/document-model";
import { createTestDatabase, type TestDatabase } from "@/tests/db/test-database";
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

export function syntheticEssays(count: number): SyntheticEssay[] {
  const synthetic = syntheticCorpus(SYNTHETIC_SEED);
  return Array.from({ length: count }, (_, i) => synthetic.essay(i));
}

/** The two corpus essays through the ingest `npm run ingest` runs (`reversed`: the later one first). */
export async function ingestCorpusEssays(db: Database, { reversed = false } = {}): Promise<void> {
  const files = reversed ? [...CORPUS_ESSAYS].reverse() : CORPUS_ESSAYS;
  expect((await ingestSources(db, files)).every((result) => result.ok)).toBe(true);
}

/** A fresh database holding the corpus essays, then `essays` loaded one by one. */
export async function createCorpusDatabase(essays: SyntheticEssay[]): Promise<TestDatabase> {
  const database = await createTestDatabase();
  await ingestCorpusEssays(database.db);
  for (const essay of essays) await loadSyntheticEssay(database.db, essay);
  return database;
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
