/**
 * Builds the web app serves, each apart from the one `next build` writes. `next build` empties `.next` and writes
 * it again file by file: a server started from `.next` while a build runs (a second `npm start`, a test run, a
 * benchmark) would load a half-built app, and one already serving from it would find its own chunks gone or
 * replaced mid-flight (500s; `next build` itself refuses a second build with "Another next build process is already
 * running"). So:
 * - one build at a time: `holdingBuildLock` around deciding whether to build, building and publishing; a second
 *   start waits for it (and then usually finds the build it needs already made);
 * - a finished build is copied once, under the lock, to `.data/next-builds/<BUILD_ID>` (to a partial name first, then
 *   renamed: a server never sees a build being copied), and each server serves its own copy (next.config.ts reads
 *   the folder from DUIZHAO_NEXT_DIST_DIR). A later build never touches a copy that a running start still serves;
 *   a copy no running start serves is removed at the next publish.
 */
import fs from "node:fs/promises";
import path from "node:path";

/** Where the served copies live, under the project's folder (Next requires its distDir inside the project). */
export const SERVED_BUILDS_DIR = path.join(".data", "next-builds");
/** The build lock: a folder (mkdir is atomic on every file system this runs on) naming its holder's pid. */
export const BUILD_LOCK_DIR = path.join(".data", "next-build.lock");
/**
 * How long a start waits for another's build before giving up with a reason. A build takes 20–140 s on this
 * 2-core machine (140 s measured under a load of 15); fifteen minutes is several of the slowest in a row.
 */
export const BUILD_LOCK_WAIT_MS = 15 * 60_000;
/** How often a waiting start looks at the lock again: a build lasts tens of seconds, so a quarter second is plenty. */
const LOCK_POLL_MS = 250;
/**
 * A lock folder whose holder never wrote its pid (killed between mkdir and the write, microseconds apart) is taken
 * for abandoned after this long.
 */
const OWNERLESS_LOCK_MS = 10_000;
/** What `next build` keeps in `.next` that a server never reads: its compiler cache (75 MB here) and dev output. */
const NOT_SERVED = new Set(["cache", "dev", "trace", "diagnostics", "types"]);

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, another user's.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Runs `work` holding the build lock of the project at `root`, waiting for another holder (calling `onWait` once
 * with its pid). A lock whose holder has died is taken over.
 */
export async function holdingBuildLock<T>(
  root: string,
  work: () => Promise<T>,
  options: { onWait?: (holder: number) => void; waitMs?: number; pid?: number } = {},
): Promise<T> {
  const lock = path.join(root, BUILD_LOCK_DIR);
  const owner = path.join(lock, "pid");
  const pid = options.pid ?? process.pid;
  const deadline = Date.now() + (options.waitMs ?? BUILD_LOCK_WAIT_MS);
  let told = false;
  await fs.mkdir(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      await fs.mkdir(lock);
      await fs.writeFile(owner, String(pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = Number(await fs.readFile(owner, "utf8").catch(() => ""));
    const age = Date.now() - ((await fs.stat(lock).catch(() => null))?.mtimeMs ?? Date.now());
    if (holder > 0 ? !isAlive(holder) : age > OWNERLESS_LOCK_MS) {
      // Renamed away first, so that of two starts finding it abandoned only one removes it.
      const abandoned = `${lock}.abandoned-${pid}`;
      if (await fs.rename(lock, abandoned).then(() => true, () => false)) await fs.rm(abandoned, { recursive: true, force: true });
      continue;
    }
    if (!told && holder > 0) {
      told = true;
      options.onWait?.(holder);
    }
    if (Date.now() > deadline) {
      throw new Error(`another start (pid ${holder}) has held the build lock ${BUILD_LOCK_DIR} for over ${Math.round((options.waitMs ?? BUILD_LOCK_WAIT_MS) / 60_000)} min`);
    }
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
  try {
    return await work();
  } finally {
    await fs.rm(lock, { recursive: true, force: true });
  }
}

/**
 * Call holding the build lock, with `.next` complete: copies it (once per build) to the served builds, marks the
 * copy as served by `pid` (the start that will serve it, alive as long as its server), removes the copies no live
 * start serves, and returns the copy's folder relative to `root` (Next's distDir for the server).
 */
export async function publishServedBuild(root: string, pid: number = process.pid): Promise<string> {
  const built = path.join(root, ".next");
  const buildId = (await fs.readFile(path.join(built, "BUILD_ID"), "utf8")).trim();
  if (!/^[\w-]+$/u.test(buildId)) throw new Error(`.next/BUILD_ID is not a build id: ${JSON.stringify(buildId.slice(0, 40))}`);
  const builds = path.join(root, SERVED_BUILDS_DIR);
  const copy = path.join(builds, buildId);
  await fs.mkdir(builds, { recursive: true });
  if (!(await fs.access(path.join(copy, "BUILD_ID")).then(() => true, () => false))) {
    const partial = `${copy}.partial-${pid}`;
    await fs.rm(partial, { recursive: true, force: true });
    await fs.cp(built, partial, { recursive: true, filter: (source) => !NOT_SERVED.has(path.relative(built, source).split(path.sep)[0]!) });
    await fs.rename(partial, copy);
  }
  await fs.mkdir(path.join(copy, SERVED_BY), { recursive: true });
  await fs.writeFile(path.join(copy, SERVED_BY, String(pid)), "");
  await removeUnservedBuilds(root, buildId);
  return path.relative(root, copy);
}

/** The folder in a served copy where each start serving it leaves a file named by its pid. */
const SERVED_BY = "served-by";

/** Removes the served copies (and partial copies) no live start serves, except `keep`. */
export async function removeUnservedBuilds(root: string, keep: string): Promise<void> {
  const builds = path.join(root, SERVED_BUILDS_DIR);
  for (const entry of await fs.readdir(builds).catch(() => [] as string[])) {
    if (entry === keep) continue;
    const partialOf = entry.match(/\.partial-(\d+)$/u);
    const serving = partialOf
      ? [Number(partialOf[1])]
      : (await fs.readdir(path.join(builds, entry, SERVED_BY)).catch(() => [] as string[])).map(Number);
    if (!serving.some(isAlive)) await fs.rm(path.join(builds, entry), { recursive: true, force: true });
  }
}

/** Called when a start stops serving `distDir` (its copy is removed by a later publish, unless another serves it). */
export async function stopServingBuild(root: string, distDir: string, pid: number = process.pid): Promise<void> {
  await fs.rm(path.join(root, distDir, SERVED_BY, String(pid)), { force: true });
}
