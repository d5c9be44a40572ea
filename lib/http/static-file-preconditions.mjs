// @ts-check
/**
 * Range and the preconditions If-Match and If-Unmodified-Since on a static file (Next's hashed assets under
 * /_next/static/, the files of public/), settled before Next.js sees the request. Next's static server (the
 * `send` module) evaluates them, but answers its 412 and 416 by rendering an error page that an App Router
 * build does not have: `Range: bytes=5-1` or `If-Match: "x"` on a script answered 500 (found by the route
 * fuzz, bench/route-fuzz.bench.ts). Plain JavaScript: scripts/serve-next.mjs loads it outside any bundler.
 */
import fs from "node:fs";
import path from "node:path";
import { IMMUTABLE_PREFIX } from "./http-caching.mjs";

/** The request headers settled here; none is left for Next. */
export const SETTLED_HEADERS = ["range", "if-range", "if-match", "if-unmodified-since"];

/**
 * The file on disk a static path names, or null when the path is no static file (or tries to leave its folder).
 * @param {string} pathname the request's path, still percent-encoded
 * @param {string} root the app's folder
 * @param {Set<string>} publicPaths public/'s files as paths (kept-static-files.mjs `publicPathsOf`)
 * @param {string} [distDir] the build served (its `static` folder holds /_next/static/), by default root's `.next`
 * @returns {string | null}
 */
export function staticFileOnDisk(pathname, root, publicPaths, distDir = path.join(root, ".next")) {
  const [folder, relative] = pathname.startsWith(IMMUTABLE_PREFIX)
    ? [path.join(distDir, "static"), pathname.slice(IMMUTABLE_PREFIX.length)]
    : publicPaths.has(pathname)
      ? [path.join(root, "public"), pathname.slice(1)]
      : [null, ""];
  if (folder === null || relative === "") return null;
  let segments;
  try {
    segments = relative.split("/").map(decodeURIComponent);
  } catch {
    return null;
  }
  if (segments.some((segment) => segment === "" || segment === "." || segment === ".." || /[\\/\0]/u.test(segment))) return null;
  return path.join(folder, ...segments);
}

/**
 * Settles a static file's Range and preconditions, removing those headers from the request: null when the
 * request may go on (to be answered 200, whole), or the 412 to answer.
 *
 * - A Range of one satisfiable byte range goes on to Next with its If-Range (a 206 of the file's bytes, as a
 *   client resuming a download expects). Any other Range (several ranges, another unit, malformed, past the
 *   file's end: what Next answered 416 or 500) is ignored with its If-Range, as a server may (RFC 9110 §14.2):
 *   the file is sent whole; every one of these files is a few hundred KiB at most.
 * - If-Match holds only for `*`: static files are sent with no entity tag (next.config.ts `generateEtags: false`),
 *   so no tag a client names can match one (RFC 9110 §13.1.1).
 * - If-Unmodified-Since (ignored with If-Match, or when not a date, §13.1.4) fails when the file changed after it.
 * When the file cannot be read, the headers stay and Next answers (its 404).
 * @param {import("node:http").IncomingHttpHeaders} headers the request's headers, changed in place
 * @param {string | null} file what staticFileOnDisk named
 * @returns {{ status: 412, reason: string } | null}
 */
export function settleStaticFilePreconditions(headers, file) {
  if (file === null || !SETTLED_HEADERS.some((name) => headers[name] !== undefined)) return null;
  let modifiedMs;
  let size;
  try {
    ({ mtimeMs: modifiedMs, size } = fs.statSync(file));
  } catch {
    return null;
  }
  const ifMatch = headers["if-match"];
  const ifUnmodifiedSince = Date.parse(String(headers["if-unmodified-since"] ?? ""));
  const rangeGoesOn = ifMatch === undefined && isOneSatisfiableRange(headers.range, size);
  for (const name of SETTLED_HEADERS) if (!(rangeGoesOn && (name === "range" || name === "if-range"))) delete headers[name];
  if (ifMatch !== undefined) {
    return ifMatch.trim() === "*" ? null : { status: 412, reason: "If-Match names an entity tag, and static files carry none" };
  }
  // HTTP dates have whole seconds: a file written within the second named is not after it.
  if (Number.isFinite(ifUnmodifiedSince) && Math.floor(modifiedMs / 1000) * 1000 > ifUnmodifiedSince) {
    return { status: 412, reason: "the file changed after the If-Unmodified-Since date" };
  }
  return null;
}

/**
 * `bytes=first-last`, `bytes=first-` or `bytes=-suffix`, one range that overlaps a file of `size` bytes: the
 * only form Next's static server answers 206 without going through its missing error page.
 * @param {string | string[] | undefined} value
 * @param {number} size
 * @returns {boolean}
 */
export function isOneSatisfiableRange(value, size) {
  const match = typeof value === "string" ? /^bytes=(\d*)-(\d*)$/u.exec(value.trim()) : null;
  if (!match || (match[1] === "" && match[2] === "")) return false;
  if (match[1] === "") return Number(match[2]) > 0 && size > 0;
  const first = Number(match[1]);
  return first < size && (match[2] === "" || first <= Number(match[2]));
}
