import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import SlowestFirstSequencer from "./tests/db/slowest-first-sequencer";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@/": root,
      // Server-only modules are what these tests exercise; outside React's server build the marker
      // package throws on import, so give the tests its empty server entry.
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    // Only the db project's files are reordered (a sequencer is the whole run's, not a project's).
    sequence: { sequencer: SlowestFirstSequencer },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts", "tests/layout-simulator/**/*.test.ts", "tests/pdf-typesetter/**/*.test.ts", "tests/synthetic-corpus/**/*.test.ts", "tests/lint/**/*.test.ts"],
          exclude: ["**/*.db.test.ts", "node_modules/**"],
          environment: "node",
          // A limit for a hung test, not a speed check (speed is in `npm run bench`): parsing a typeset PDF took
          // 3.4-4.7 s alone on a slow CI host, against vitest's default of 5 s.
          testTimeout: 60_000,
          // The same limit for a hung hook: a beforeAll parsing a typeset PDF ran past vitest's default 10 s at load 19.
          hookTimeout: 60_000,
          // Two cores, two files at a time. Left unset, vitest runs with one worker fewer than the cores outside
          // watch mode: one file at a time on a 2-core CI host, the other core idle.
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          name: "db",
          include: ["lib/**/*.db.test.ts", "tests/db/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/db/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two cores: files run two at a time, each in its own database.
          maxWorkers: 2,
        },
      },
    ],
  },
});
