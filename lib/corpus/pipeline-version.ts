import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { BUNDLED_CONCEPT_DICTIONARY, conceptDictionaryPath } from "@/lib/concepts/load-concept-dictionary";

/**
 * The code that turns a source file into rows: parse and load (ingest-sources), and what the load runs in its
 * transaction (document rows, moved-anchor aliases, search blocks, corpus-wide derivations). Everything these
 * import, directly or not, shapes stored rows, so the pipeline version follows their import graph rather than a
 * list of folders that a new dependency (such as lib/search/fold-for-search.ts) silently falls outside of.
 */
export const ROW_WRITING_ENTRY_POINTS = [
  "lib/corpus/ingest-sources.ts",
  "lib/db/load-document.ts",
  "lib/db/record-moved-anchors.ts",
  "lib/db/write-search-blocks.ts",
  "lib/db/rebuild-corpus-derivations.ts",
] as const;

/** Read at run time rather than imported, yet shaping rows: the concept dictionary, and the tables rows fill. */
export const ROW_SHAPING_DATA = ["corpus/concepts.json", "prisma/schema.prisma"] as const;

/**
 * Reached from the entry points but shaping no row, so neither they nor what they import are fingerprinted
 * (a change there should not re-ingest the corpus). Each entry says why.
 */
export const NOT_ROW_SHAPING: Readonly<Record<string, string>> = {
  "lib/generated/": "Prisma's generated client: made from prisma/schema.prisma, which is fingerprinted",
  "lib/db/prisma-client.ts": "opens the connection; writes nothing",
  "lib/env.ts": "reads settings; the concept dictionary it locates is fingerprinted itself",
  "lib/page-cache/corpus-page-cache.mjs": "only the name of the channel that announces a changed corpus",
};

const SOURCE_EXTENSIONS = [".ts", ".tsx", ".mts", ".mjs", ".js", ".json"];

// Static imports and re-exports (`… from "x"`, across lines), side-effect imports (`import "x"`) and dynamic
// imports (`import("x")`). Only relative and `@/` specifiers are followed: packages are pinned by the lockfile.
const IMPORT_SPECIFIER = /\bfrom\s*["']([^"']+)["']|\bimport\s*\(?\s*["']([^"']+)["']/gu;

// `import type … from "x"` and `export type … from "x"` are erased when the code runs: what they name can shape
// no row, and following them would fingerprint display code that merely shares a type (an export format, a query).
const TYPE_ONLY_STATEMENT = /\b(?:import|export)\s+type\s+(?:\{[^}]*\}|[\w$]+|\*\s+as\s+[\w$]+)\s*from\s*["'][^"']+["']/gu;

/** The specifiers a module imports at run time, as written (type-only imports are left out). */
export function importSpecifiersOf(source: string): string[] {
  return [...source.replace(TYPE_ONLY_STATEMENT, "").matchAll(IMPORT_SPECIFIER)].map((match) => (match[1] ?? match[2])!);
}

/**
 * Every file whose change alters stored rows, relative to `root` with `/` separators, sorted: the modules
 * reached from ROW_WRITING_ENTRY_POINTS through relative and `@/` imports (tests never are), less
 * NOT_ROW_SHAPING, plus ROW_SHAPING_DATA.
 */
export async function listPipelineFiles(root = process.cwd()): Promise<string[]> {
  return (await walkPipeline(root)).files;
}

/**
 * The packages the pipeline's files import at run time, as `name@version` of the copy installed: a new pdf.js
 * may read a PDF's text differently, a new citation parser may group sources differently. Node's own modules
 * and packages with no version to read (none installed) are left out.
 */
export async function listPipelinePackages(root = process.cwd()): Promise<string[]> {
  return installedVersions(root, (await walkPipeline(root)).packages);
}

/**
 * A fingerprint of everything that turns a source file into rows (see listPipelineFiles and
 * listPipelinePackages). Stored with each document; when it changes, unchanged files are ingested again so
 * that no row was made by an older pipeline (a new column, such as a note's attachment, is filled by
 * ingesting again).
 */
export async function computePipelineVersion(root = process.cwd()): Promise<string> {
  const hash = createHash("sha256");
  const { files, packages } = await walkPipeline(root);
  for (const file of files) {
    // The dictionary entry stands for the one in use: the corpus folder's own when it has one.
    const content = await fs.readFile(file === BUNDLED_CONCEPT_DICTIONARY ? conceptDictionaryPath(root) : path.join(root, file));
    hash.update(file).update("\0").update(content).update("\0");
  }
  for (const pkg of await installedVersions(root, packages)) hash.update(pkg).update("\0");
  return hash.digest("hex").slice(0, 16);
}

/** One walk of the import graph: the files reached, and the packages they name. */
async function walkPipeline(root: string): Promise<{ files: string[]; packages: Set<string> }> {
  const reached = new Set<string>();
  const packages = new Set<string>();
  const pending: string[] = [...ROW_WRITING_ENTRY_POINTS];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (reached.has(file) || isNotRowShaping(file)) continue;
    reached.add(file);
    if (file.endsWith(".json")) continue;
    const source = await fs.readFile(path.join(root, file), "utf8");
    for (const specifier of importSpecifiersOf(source)) {
      const target = resolveSpecifier(root, file, specifier);
      if (target !== null) pending.push(target);
      else if (!specifier.startsWith("node:")) packages.add(packageName(specifier));
    }
  }
  return { files: [...new Set([...reached, ...ROW_SHAPING_DATA])].sort(), packages };
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

async function installedVersions(root: string, names: ReadonlySet<string>): Promise<string[]> {
  const packages: string[] = [];
  for (const name of [...names].sort()) {
    const manifest = await fs.readFile(path.join(root, "node_modules", name, "package.json"), "utf8").catch(() => null);
    if (manifest === null) continue;
    packages.push(`${name}@${(JSON.parse(manifest) as { version?: string }).version ?? "?"}`);
  }
  return packages;
}

function isNotRowShaping(file: string): boolean {
  return Object.keys(NOT_ROW_SHAPING).some((entry) => (entry.endsWith("/") ? file.startsWith(entry) : file === entry));
}

/** The root-relative file a specifier names, or null for a package; throws when a local import names no file. */
function resolveSpecifier(root: string, importer: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith("./") || specifier.startsWith("../")) base = path.posix.join(path.posix.dirname(importer), specifier);
  else return null;
  const candidates = [base, ...SOURCE_EXTENSIONS.map((extension) => base + extension), `${base}/index.ts`];
  const found = candidates.find((candidate) => SOURCE_EXTENSIONS.includes(path.extname(candidate)) && existsSync(path.join(root, candidate)));
  if (!found) throw new Error(`pipeline version: ${importer} imports ${specifier}, which names no file`);
  return found;
}
