import { defineConfig, devices } from "@playwright/test";
import { SCALE_BASE_URL } from "./tests/e2e/corpus-at-scale-settings";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Browser tests drive Debian's Chromium against a production build served by `npm start`, on a
 * database of their own (embedded, under .data/e2e-postgres): the same path a reader takes.
 */
export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "desktop", testIgnore: /corpus-at-scale/, use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 } } },
    // A 300-essay corpus in a database and app of its own (tests/e2e/corpus-at-scale-*.ts), built by its setup
    // project once per run, and only when the code or essays it was built from changed.
    { name: "corpus-at-scale setup", testMatch: /corpus-at-scale\.setup\.ts$/ },
    {
      name: "corpus-at-scale",
      testMatch: /corpus-at-scale\.spec\.ts$/,
      dependencies: ["corpus-at-scale setup"],
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 }, baseURL: SCALE_BASE_URL },
    },
  ],
  webServer: {
    command: "node --conditions=react-server --import tsx scripts/start.ts",
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: "",
      DUIZHAO_DATA_DIR: ".data/e2e-postgres",
      DUIZHAO_DB_PORT: process.env.E2E_DB_PORT ?? "54331",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
