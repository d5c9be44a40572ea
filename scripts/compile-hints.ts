/**
 * Marks the client chunks every page runs at startup with V8's explicit compile hint, so that Chrome (136 and
 * later) compiles their functions on the thread that streams the script in, instead of one by one on the main
 * thread as each is first called (issue 16: a reader's first load on a slow phone).
 *
 * Why: V8 compiles a function lazily, on its first call, on the main thread. The startup chunks (React DOM,
 * Next's router and Turbopack's runtime: `rootMainFiles` in the build manifest) call most of their functions
 * while the app boots and hydrates, so their compilation was the largest single part of the boot task: in a
 * CPU profile of the reader's load, ~98 of 497 ms of script time was Turbopack's module loader, which is where a
 * module's code is first compiled. With the hint on these chunks (added to the responses by interception, 5
 * loads each, alternated, load 15–21 on 2 cores), the reader's main-thread CPU per load fell from 877 to 644 ms,
 * the part after first paint from 380 to 271 ms, and its tasks' blocking time at 4× from 495 to 220 ms.
 *
 * Only the startup chunks: the hint makes V8 compile every function of a file, also those never called, which
 * costs memory and background CPU; a page's own chunks (popovers, dialogs) are left to lazy compilation.
 * Browsers without the hint read a comment. Next has no option for it (vercel/next.js discussion 101287), so it
 * is added to the build's files after `next build` (scripts/start.ts), before the build is copied to be served:
 * every answer for a chunk (whole, ranged, conditional) then comes from the same bytes.
 */
import fs from "node:fs/promises";
import path from "node:path";

/** V8's magic comment (v8.dev/blog/explicit-compile-hints), first in the file. */
export const EAGER_COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

/** Where Next lists the chunks every page loads at startup, relative to its build folder. */
const BUILD_MANIFEST = "build-manifest.json";
/** The startup chunks are client scripts under this folder of the build; anything else the manifest named is refused. */
const CLIENT_CHUNKS = /^static\/chunks\/[\w.-]+\.js$/u;

/**
 * Puts EAGER_COMPILE_HINT first in each startup chunk of the build at `distDir` that lacks it (so a second call
 * changes nothing), and returns the chunks it names, as the manifest lists them.
 */
export async function hintEagerCompileOfStartupChunks(distDir: string): Promise<string[]> {
  const manifest = JSON.parse(await fs.readFile(path.join(distDir, BUILD_MANIFEST), "utf8")) as { rootMainFiles?: unknown };
  const chunks = manifest.rootMainFiles;
  if (!Array.isArray(chunks) || !chunks.every((chunk): chunk is string => typeof chunk === "string" && CLIENT_CHUNKS.test(chunk))) {
    throw new Error(`${BUILD_MANIFEST}: rootMainFiles is not a list of client chunks: ${JSON.stringify(chunks)?.slice(0, 200)}`);
  }
  for (const chunk of chunks) {
    const file = path.join(distDir, chunk);
    const code = await fs.readFile(file, "utf8");
    if (code.startsWith(EAGER_COMPILE_HINT)) continue;
    // Written beside the chunk and renamed over it: a reader of the file never sees it half written.
    const partial = `${file}.hinting-${process.pid}`;
    await fs.writeFile(partial, EAGER_COMPILE_HINT + code);
    await fs.rename(partial, file);
  }
  return chunks;
}
