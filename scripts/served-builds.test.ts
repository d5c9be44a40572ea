import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BUILD_LOCK_DIR, holdingBuildLock, publishServedBuild, SERVED_BUILDS_DIR, stopServingBuild } from "./served-builds";

let root: string;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "served-builds-"));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** A pid no process has: one that has just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

/** What `next build` leaves: a build id, a server chunk, and the compiler cache a server never reads. */
async function writeBuild(buildId: string, chunk: string) {
  await fs.rm(path.join(root, ".next"), { recursive: true, force: true });
  await fs.mkdir(path.join(root, ".next", "server", "chunks"), { recursive: true });
  await fs.mkdir(path.join(root, ".next", "cache"), { recursive: true });
  await fs.writeFile(path.join(root, ".next", "server", "chunks", "page.js"), chunk);
  await fs.writeFile(path.join(root, ".next", "cache", "big"), "x".repeat(1000));
  await fs.writeFile(path.join(root, ".next", "BUILD_ID"), buildId);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("holdingBuildLock", () => {
  it("lets one start build at a time: the second waits, told who holds it, and runs after the first has finished", async () => {
    const events: string[] = [];
    const waitedFor: number[] = [];
    const build = (name: string) => async () => {
      events.push(`${name} starts`);
      await sleep(150);
      events.push(`${name} ends`);
    };
    const first = holdingBuildLock(root, build("first"));
    await sleep(20);
    const second = holdingBuildLock(root, build("second"), { onWait: (holder) => waitedFor.push(holder) });
    await Promise.all([first, second]);
    expect(events).toEqual(["first starts", "first ends", "second starts", "second ends"]);
    expect(waitedFor).toEqual([process.pid]);
    await expect(fs.access(path.join(root, BUILD_LOCK_DIR))).rejects.toThrow();
  });

  it("releases the lock when the build fails", async () => {
    await expect(holdingBuildLock(root, async () => Promise.reject(new Error("next build failed")))).rejects.toThrow("next build failed");
    await expect(holdingBuildLock(root, async () => "built")).resolves.toBe("built");
  });

  it("takes over a lock whose holder died (a start killed mid-build), and gives up after its wait on a live one", async () => {
    await fs.mkdir(path.join(root, BUILD_LOCK_DIR), { recursive: true });
    await fs.writeFile(path.join(root, BUILD_LOCK_DIR, "pid"), String(deadPid()));
    await expect(holdingBuildLock(root, async () => "built", { waitMs: 2000 })).resolves.toBe("built");

    await fs.mkdir(path.join(root, BUILD_LOCK_DIR), { recursive: true });
    await fs.writeFile(path.join(root, BUILD_LOCK_DIR, "pid"), String(process.pid));
    await expect(holdingBuildLock(root, async () => "built", { waitMs: 600 })).rejects.toThrow(/held the build lock/);
  });
});

describe("publishServedBuild", () => {
  it("serves a copy of the build without the compiler cache, which a later build in .next leaves as it was", async () => {
    await writeBuild("build-one", "one");
    const served = await publishServedBuild(root, process.pid);
    expect(served).toBe(path.join(SERVED_BUILDS_DIR, "build-one"));
    await expect(fs.readFile(path.join(root, served, "server", "chunks", "page.js"), "utf8")).resolves.toBe("one");
    await expect(fs.access(path.join(root, served, "cache"))).rejects.toThrow();

    // next build empties .next and writes it again: the copy being served is not touched.
    await fs.rm(path.join(root, ".next"), { recursive: true });
    await expect(fs.readFile(path.join(root, served, "server", "chunks", "page.js"), "utf8")).resolves.toBe("one");
    await writeBuild("build-two", "two");
    const next = await publishServedBuild(root, process.pid);
    expect(next).toBe(path.join(SERVED_BUILDS_DIR, "build-two"));
    await expect(fs.readFile(path.join(root, served, "server", "chunks", "page.js"), "utf8")).resolves.toBe("one");
    await expect(fs.readFile(path.join(root, next, "server", "chunks", "page.js"), "utf8")).resolves.toBe("two");
  });

  it("removes the copies no live start serves, and partial copies left by a start that died, but never the newest", async () => {
    await writeBuild("build-one", "one");
    const one = await publishServedBuild(root, deadPid());
    await writeBuild("build-two", "two");
    const two = await publishServedBuild(root, process.pid);
    await fs.mkdir(path.join(root, SERVED_BUILDS_DIR, `build-three.partial-${deadPid()}`), { recursive: true });
    await writeBuild("build-four", "four");
    const four = await publishServedBuild(root, deadPid());
    const left = (await fs.readdir(path.join(root, SERVED_BUILDS_DIR))).sort();
    expect(left).toEqual([path.basename(four), path.basename(two)].sort());
    expect(left).not.toContain(path.basename(one));

    // Once its start stops, the next publish removes it.
    await stopServingBuild(root, two, process.pid);
    await writeBuild("build-five", "five");
    await publishServedBuild(root, process.pid);
    expect(await fs.readdir(path.join(root, SERVED_BUILDS_DIR))).toEqual(["build-five"]);
  });

  it("refuses a .next whose BUILD_ID is no build id (it names the folder the copy goes to)", async () => {
    await writeBuild("../escape", "x");
    await expect(publishServedBuild(root, process.pid)).rejects.toThrow(/not a build id/);
  });
});
