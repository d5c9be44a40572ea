// @ts-check
/**
 * Static files (Next's hashed build output under /_next/static, and the files of public/) kept in memory with
 * their compressed forms, made once per process, as kept pages are (rendered-response-cache.mjs, with
 * kept-answer-coding.mjs choosing the coding). Before, every request for a script or a stylesheet was
 * compressed afresh by the `compression` middleware: brotli at quality 5 of the reader's largest chunk
 * (420 KiB) is ~40 ms of CPU, for bytes that never change while the process runs. A file server or a CDN
 * sends such files precompressed; this does the same for the files the server has.
 *
 * Kept: a plain GET's 200 answer of a compressible type. Left to Next as before: HEAD, a Range request (Next
 * answers it from the file), a conditional request (Next answers 304 from the file's Last-Modified), and
 * anything not of a compressible type (images, fonts: already compressed, nothing to gain).
 *
 * Keyed by path alone: Next serves a static file whatever the query says, so `?v=…` variants share one entry
 * (and a flood of invented queries costs no more than one file).
 *
 * Pure (no Node or Next imports); unit-tested.
 */
import { IMMUTABLE_PREFIX } from "../http/http-caching.mjs";
import { MAX_KEY_LENGTH } from "./rendered-response-cache.mjs";

/**
 * Memory for kept static files, in bytes of body and compressed forms: the build's client files are
 * ~1.3 MiB, each kept with its brotli and gzip (~ 1.6× its size in all), so this holds every one of them
 * several times over, and a build twice this size too; the least recently served go first.
 */
export const STATIC_FILE_BYTE_BUDGET = 16 * 1024 * 1024;

/**
 * Static files never change while the process runs (hashed names; public/ is listed by Next at start), so
 * their entries belong to one generation that no ingest advances.
 */
export const STATIC_FILE_GENERATION = 0;

/** Request headers under which Next answers something other than the whole file. */
const PARTIAL_OR_CONDITIONAL = ["range", "if-range", "if-none-match", "if-modified-since", "if-match", "if-unmodified-since"];

/**
 * The key of a request for a static file to be kept, or null when Next answers it as it would anyway.
 * @param {{ method: string | undefined, url: string | undefined, headers: Record<string, string | string[] | undefined> }} request
 * @param {ReadonlySet<string>} publicPaths the paths of the files in public/ ("/favicon.ico"), as Next serves them
 */
export function staticFileKey(request, publicPaths) {
  if (request.method !== "GET" || !request.url || request.url.length > MAX_KEY_LENGTH) return null;
  if (PARTIAL_OR_CONDITIONAL.some((name) => request.headers[name] !== undefined)) return null;
  const path = request.url.split(/[?#]/u, 1)[0] ?? "/";
  if (path.startsWith(IMMUTABLE_PREFIX) && path.length > IMMUTABLE_PREFIX.length) return path;
  return publicPaths.has(path) ? path : null;
}

/**
 * Types worth compressing (text, scripts, JSON, SVG, WebAssembly); images, fonts and archives are compressed already.
 * With charset or other parameters after a semicolon.
 */
const COMPRESSIBLE_TYPE = /^(?:text\/[a-z0-9.+-]+|application\/(?:javascript|json|xml|wasm|manifest\+json|[a-z0-9.-]+\+(?:json|xml))|image\/svg\+xml)$/u;

/**
 * Whether Next's answer for a static file is one to keep: a whole 200 answer of a compressible type.
 * @param {number} status
 * @param {string | number | string[] | undefined} contentType
 */
export function isKeptStaticFile(status, contentType) {
  return status === 200 && COMPRESSIBLE_TYPE.test(String(contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "");
}

/**
 * The request paths of the files under public/, given their paths relative to it ("icons/a.svg"), each
 * segment percent-encoded as a browser would ask for it (a space as %20), as Next matches them.
 * @param {Iterable<string>} relativePaths with "/" between segments
 */
export function publicPathsOf(relativePaths) {
  const paths = new Set();
  for (const relative of relativePaths) paths.add(`/${relative.split("/").map(encodeURIComponent).join("/")}`);
  return paths;
}
