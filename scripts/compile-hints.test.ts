import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EAGER_COMPILE_HINT, hintEagerCompileOfStartupChunks } from "./compile-hints";

let dist: string;

async function writeBuild(files: Record<string, string>, manifest: unknown): Promise<void> {
  await fs.mkdir(path.join(dist, "static", "chunks"), { recursive: true });
  for (const [name, code] of Object.entries(files)) await fs.writeFile(path.join(dist, name), code);
  await fs.writeFile(path.join(dist, "build-manifest.json"), JSON.stringify(manifest));
}

const read = (name: string) => fs.readFile(path.join(dist, name), "utf8");

beforeEach(async () => {
  dist = await fs.mkdtemp(path.join(os.tmpdir(), "compile-hints-"));
});
afterEach(async () => {
  await fs.rm(dist, { recursive: true, force: true });
});

describe("hintEagerCompileOfStartupChunks", () => {
  it("puts the hint first in each startup chunk, once, and leaves the page's chunks and the polyfills alone", async () => {
    const framework = "(globalThis.TURBOPACK||[]).push([1,(e)=>{}]);\n//# sourceMappingURL=a.js.map";
    await writeBuild(
      { "static/chunks/a.js": framework, "static/chunks/b.js": "b()", "static/chunks/page.js": "page()", "static/chunks/polyfill.js": "poly()" },
      { rootMainFiles: ["static/chunks/a.js", "static/chunks/b.js"], polyfillFiles: ["static/chunks/polyfill.js"] },
    );
    expect(await hintEagerCompileOfStartupChunks(dist)).toEqual(["static/chunks/a.js", "static/chunks/b.js"]);
    expect(await read("static/chunks/a.js")).toBe(EAGER_COMPILE_HINT + framework);
    expect(await read("static/chunks/b.js")).toBe(`${EAGER_COMPILE_HINT}b()`);
    expect(await read("static/chunks/page.js")).toBe("page()");
    expect(await read("static/chunks/polyfill.js")).toBe("poly()");
    // Idempotent: a second start on the same build adds nothing, and leaves no partial file behind.
    await hintEagerCompileOfStartupChunks(dist);
    expect(await read("static/chunks/a.js")).toBe(EAGER_COMPILE_HINT + framework);
    expect((await fs.readdir(path.join(dist, "static", "chunks"))).sort()).toEqual(["a.js", "b.js", "page.js", "polyfill.js"]);
  });

  it("is V8's magic comment, alone on the first line", () => {
    expect(EAGER_COMPILE_HINT).toBe("//# allFunctionsCalledOnLoad\n");
  });

  it("refuses a manifest naming anything but client chunks (a path out of the build, a stylesheet)", async () => {
    await writeBuild({ "static/chunks/a.js": "a()" }, { rootMainFiles: ["../outside.js"] });
    await expect(hintEagerCompileOfStartupChunks(dist)).rejects.toThrow(/rootMainFiles/);
    await writeBuild({ "static/chunks/a.js": "a()" }, { rootMainFiles: ["static/chunks/a.css"] });
    await expect(hintEagerCompileOfStartupChunks(dist)).rejects.toThrow(/rootMainFiles/);
    await writeBuild({ "static/chunks/a.js": "a()" }, {});
    await expect(hintEagerCompileOfStartupChunks(dist)).rejects.toThrow(/rootMainFiles/);
    expect(await read("static/chunks/a.js")).toBe("a()");
  });
});
