import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The database test files that took longest in a whole db run (seconds of their tests at host load 11-14,
 * 2026-12-07: 351, 188, 251, 120, 121, 98, 75, 72, 59, 55, 53, 51, 43), started first so that the two workers end
 * together instead of one running a long file alone at the end. Without a cached run (a clean clone, as in CI)
 * vitest starts the largest files first, which put several of these last. The first two build no corpus and
 * build the 12-essay one (list-parallels) side by side, so that neither waits for the other's corpus
 * (corpus-with-synthetic-essays.ts). A file missing from the list only runs in vitest's own order.
 */
const SLOWEST_FIRST = [
  "lib/db/list-parallels.db.test.ts",
  "tests/db/bad-pdf.test.ts",
  "lib/db/incremental-derivations.db.test.ts",
  "lib/db/reads-during-ingest.db.test.ts",
  "lib/db/incremental-derivations-shared-works.db.test.ts",
  "tests/db/bad-input.test.ts",
  "lib/db/update-sources.db.test.ts",
  "lib/db/search-corpus.db.test.ts",
  "lib/db/incremental-derivations-load-order.db.test.ts",
  "lib/db/import-annotations.db.test.ts",
  "lib/db/update-parallel-counts.db.test.ts",
  "lib/db/source-pdf.db.test.ts",
  "tests/db/external-database.test.ts",
];

/** vitest's order, with the db project's files listed above moved to its front, in the list's order. */
export default class SlowestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const at = SLOWEST_FIRST.indexOf(path.relative(this.ctx.config.root, file.moduleId));
      return at === -1 ? SLOWEST_FIRST.length : at;
    };
    const db = sorted.filter((file) => file.project.name === "db");
    const reordered = db.map((file, index) => ({ file, index })).sort((a, b) => rank(a.file) - rank(b.file) || a.index - b.index);
    // The db files take the places they had, so the projects' order is vitest's.
    let next = 0;
    return sorted.map((file) => (file.project.name === "db" ? reordered[next++]!.file : file));
  }
}
