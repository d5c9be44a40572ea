import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import ts from "typescript";
import { afterEach, describe, expect, it } from "vitest";
import {
  NOT_ROW_SHAPING,
  ROW_SHAPING_DATA,
  ROW_WRITING_ENTRY_POINTS,
  computePipelineVersion,
  importSpecifiersOf,
  listPipelineFiles,
  listPipelinePackages,
} from "./pipeline-version";

const root = process.cwd();

describe("the pipeline version", () => {
  it("covers the files that shape stored rows, wherever they live", async () => {
    const files = await listPipelineFiles(root);
    for (const file of [
      // The search text of every block (SearchBlock.folded and its offsets).
      "lib/search/fold-for-search.ts",
      // Moved and orphaned anchors (AnchorAlias).
      "lib/anchoring/remap-anchors.ts",
      "lib/anchoring/match-quote.ts",
      // Concept mentions, sources and the passage index (links between documents are derived on read from
      // these, so find-concept-overlap.ts and the pairing code shape no stored row).
      "lib/derivations/find-mentions.ts",
      "lib/derivations/find-shared-passages.ts",
      "lib/derivations/passage-fingerprints.ts",
      "lib/citations/group-sources.ts",
      "lib/concepts/fold-for-matching.ts",
      // The parser and the shape it is validated against.
      "lib/ingest/parse-document.ts",
      "lib/ingest/match-notes.ts",
      "lib/model/document-model.ts",
      // The row writers.
      "lib/db/load-document.ts",
      "lib/db/write-search-blocks.ts",
      "lib/db/record-moved-anchors.ts",
      "lib/db/rebuild-corpus-derivations.ts",
      "lib/db/citation-columns.ts",
      "corpus/concepts.json",
      "prisma/schema.prisma",
    ]) {
      expect(files, file).toContain(file);
    }
  });

  it("leaves out tests, generated code and what only reads or shows rows", async () => {
    const files = await listPipelineFiles(root);
    expect(files.filter((file) => /\.test\.tsx?$/u.test(file))).toEqual([]);
    expect(files.filter((file) => file.startsWith("lib/generated/") || file.startsWith("components/") || file.startsWith("app/"))).toEqual([]);
    for (const file of ["lib/db/get-document.ts", "lib/ingest/quality-report.ts", "lib/reader/segment-block.ts", "lib/citations/export-sources.ts"]) {
      expect(files, file).not.toContain(file);
    }
  });

  it("follows the same import graph as TypeScript", async () => {
    // TypeScript's own reading of the imports (comments, strings and path aliases included), from the same
    // entry points: a file the pipeline version misses would show up here.
    const config = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    const options = config!.options;
    const reached = new Set<string>();
    const pending: string[] = [...ROW_WRITING_ENTRY_POINTS];
    const skipped = Object.keys(NOT_ROW_SHAPING);
    while (pending.length > 0) {
      const file = pending.pop()!;
      if (reached.has(file) || skipped.some((entry) => (entry.endsWith("/") ? file.startsWith(entry) : file === entry))) continue;
      reached.add(file);
      if (file.endsWith(".json")) continue;
      for (const specifier of runtimeImportsByTypeScript(file, await fs.readFile(path.join(root, file), "utf8"))) {
        const resolved = ts.resolveModuleName(specifier, path.join(root, file), options, ts.sys).resolvedModule;
        if (!resolved || resolved.isExternalLibraryImport) continue;
        const relative = path.relative(root, resolved.resolvedFileName).split(path.sep).join("/");
        // A .mjs module resolves to its .d.mts declarations; the code is what runs.
        pending.push(relative.replace(/\.d\.mts$/u, ".mjs"));
      }
    }
    const expected = [...new Set([...reached, ...ROW_SHAPING_DATA])].sort();
    expect(await listPipelineFiles(root)).toEqual(expected);
  });

  it("names the packages the pipeline runs, at their installed versions", async () => {
    const packages = await listPipelinePackages(root);
    const version = async (name: string) => (JSON.parse(await fs.readFile(path.join(root, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
    expect(packages).toContain(`pdfjs-dist@${await version("pdfjs-dist")}`);
    expect(packages).toContain(`zod@${await version("zod")}`);
    expect(packages.filter((entry) => entry.startsWith("node:") || entry.startsWith("fs@"))).toEqual([]);
  });

  it("names only files that exist in its exclusions", async () => {
    for (const entry of Object.keys(NOT_ROW_SHAPING)) {
      await expect(fs.stat(path.join(root, entry))).resolves.toBeTruthy();
    }
  });
});

/**
 * The modules a file imports at run time, as TypeScript's parser reads them: import and export declarations
 * that are not type-only, `import x = require()`, and dynamic `import()` calls.
 */
function runtimeImportsByTypeScript(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    else if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) found.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("importSpecifiersOf", () => {
  it("reads static, multi-line, re-exported, side-effect and dynamic imports, and leaves out type-only ones", () => {
    const source = [
      'import "server-only";',
      'import { a } from "./a";',
      "import {",
      "  b,",
      "  type C,",
      '} from "@/lib/b";',
      'import type { D } from "../d";',
      "import type {",
      "  D2,",
      '} from "../d2";',
      'import type Whole from "../whole";',
      'export type { G } from "./g";',
      'export { e } from "./e";',
      'const f = await import("./f.mjs");',
    ].join("\n");
    expect(importSpecifiersOf(source)).toEqual(["server-only", "./a", "@/lib/b", "./e", "./f.mjs"]);
  });
});

describe("computePipelineVersion on a small tree", () => {
  let tree: string | null = null;
  afterEach(async () => {
    if (tree) await fs.rm(tree, { recursive: true, force: true });
    tree = null;
  });

  async function makeTree(): Promise<string> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "pipeline-version-"));
    const files: Record<string, string> = {
      "lib/corpus/ingest-sources.ts": 'import { load } from "@/lib/db/load-document";\nimport "server-only";\n',
      "lib/db/load-document.ts": 'import { fold } from "../search/fold";\nimport { db } from "./prisma-client";\n',
      "lib/db/record-moved-anchors.ts": "",
      "lib/db/write-search-blocks.ts": 'export { fold } from "@/lib/search/fold";\n',
      "lib/db/rebuild-corpus-derivations.ts": "",
      "lib/db/prisma-client.ts": "",
      "lib/search/fold.ts": 'import { table } from "./fold-table";\nexport const fold = 1;\n',
      "lib/search/fold-table.ts": "export const table = 1;\n",
      "lib/search/fold.test.ts": 'import { fold } from "./fold";\n',
      "lib/search/unused.ts": "export const unused = 1;\n",
      "corpus/concepts.json": "{}\n",
      "prisma/schema.prisma": "// schema\n",
    };
    for (const [file, content] of Object.entries(files)) {
      await fs.mkdir(path.join(dir, path.dirname(file)), { recursive: true });
      await fs.writeFile(path.join(dir, file), content);
    }
    return dir;
  }

  it("changes when a file reached through the imports changes, and only then", async () => {
    tree = await makeTree();
    expect(await listPipelineFiles(tree)).toEqual([
      "corpus/concepts.json",
      "lib/corpus/ingest-sources.ts",
      "lib/db/load-document.ts",
      "lib/db/rebuild-corpus-derivations.ts",
      "lib/db/record-moved-anchors.ts",
      "lib/db/write-search-blocks.ts",
      "lib/search/fold-table.ts",
      "lib/search/fold.ts",
      "prisma/schema.prisma",
    ]);
    const before = await computePipelineVersion(tree);
    expect(before).toMatch(/^[0-9a-f]{16}$/u);
    await fs.writeFile(path.join(tree, "lib/search/unused.ts"), "export const unused = 2;\n");
    await fs.writeFile(path.join(tree, "lib/search/fold.test.ts"), "// changed\n");
    await fs.writeFile(path.join(tree, "lib/db/prisma-client.ts"), "// changed\n");
    expect(await computePipelineVersion(tree)).toBe(before);
    await fs.writeFile(path.join(tree, "lib/search/fold-table.ts"), "export const table = 2;\n");
    const afterCode = await computePipelineVersion(tree);
    expect(afterCode).not.toBe(before);
    await fs.writeFile(path.join(tree, "corpus/concepts.json"), '{"concepts": []}\n');
    expect(await computePipelineVersion(tree)).not.toBe(afterCode);
  });

  it("refuses a local import that names no file rather than fingerprinting less", async () => {
    tree = await makeTree();
    await fs.writeFile(path.join(tree, "lib/search/fold.ts"), 'import { gone } from "./gone";\n');
    await expect(computePipelineVersion(tree)).rejects.toThrow(/lib\/search\/fold\.ts imports \.\/gone/u);
  });
});
