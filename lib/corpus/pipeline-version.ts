import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

/**
 * A fingerprint of everything that turns a source file into rows: the parser, the citation and concept
 * code, the concept dictionary, and the code and schema that write the rows (a new column, such as a note's
 * attachment, is filled by ingesting again). Stored with each document; when it changes, unchanged files are
 * ingested again so that no row was made by an older pipeline.
 */
export async function computePipelineVersion(root = process.cwd()): Promise<string> {
  const hash = createHash("sha256");
  const files = [
    ...(await listSources(path.join(root, "lib", "ingest"))),
    ...(await listSources(path.join(root, "lib", "citations"))),
    ...(await listSources(path.join(root, "lib", "concepts"))),
    path.join(root, "corpus", "concepts.json"),
    path.join(root, "lib", "db", "load-document.ts"),
    path.join(root, "lib", "db", "write-search-blocks.ts"),
    path.join(root, "prisma", "schema.prisma"),
  ].sort();
  for (const file of files) {
    const content = await fs.readFile(file).catch(() => null);
    if (content === null) continue;
    hash.update(path.relative(root, file)).update("\0").update(content).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

async function listSources(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && !entry.name.endsWith(".test.ts"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}
