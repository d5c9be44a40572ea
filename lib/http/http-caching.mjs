// @ts-check
/**
 * What browsers and shared caches may keep, and for how long. Pure: scripts/serve-next.mjs applies it.
 *
 * Pages are rendered from the corpus, which an ingest changes at any moment, so a page is never fresh
 * without asking: `private, no-cache` with an entity tag that names the corpus as this server knows it
 * (the build, this process, and the page cache's generation, which every ingest's NOTIFY advances). A
 * conditional request whose tag is still current is answered 304 without rendering anything; after an
 * ingest the tag has changed and the new page is sent. `private`: each response carries its own script
 * nonce (security-headers.mjs), which a shared cache would hand to everyone. Next's hashed assets never
 * change under their names and stay immutable for a year.
 */

/** Next's build output under content-hashed names. */
export const IMMUTABLE_PREFIX = "/_next/static/";
export const IMMUTABLE = "public, max-age=31536000, immutable";
/** Pages and React Server Component payloads: keep if you like, but ask before every use. */
export const REVALIDATE = "private, no-cache";

/**
 * The entity tag of every page while the corpus is as it is now, or null when this server cannot vouch
 * for that (the page cache is not listening for ingests: a change could go unseen). Weak: two responses
 * with the same tag differ in their script nonce.
 * @param {{ buildId: string, processId: string, generation: number | null }} corpus
 */
export function pageEntityTag({ buildId, processId, generation }) {
  if (generation === null) return null;
  return `W/"${buildId}.${processId}.${generation}"`;
}

/**
 * Whether an If-None-Match header names `tag` (weak comparison, as RFC 9110 13.1.2 asks of it; `*` is
 * not honoured: it means "any version", and a page not yet seen has none).
 * @param {string | string[] | undefined} ifNoneMatch
 * @param {string | null} tag
 */
export function namesCurrentTag(ifNoneMatch, tag) {
  if (!ifNoneMatch || !tag) return false;
  const opaque = (/** @type {string} */ value) => value.trim().replace(/^W\//u, "");
  const wanted = opaque(tag);
  return [ifNoneMatch]
    .flat()
    .flatMap((header) => header.split(","))
    .some((candidate) => opaque(candidate) === wanted);
}

/**
 * The Cache-Control a response leaves with, and whether it carries the page tag.
 * @param {{ path: string, status: number, contentType: string | undefined, cacheControl: string | undefined }} response
 * @returns {{ cacheControl: string | undefined, tagged: boolean }} cacheControl undefined: leave as it is
 */
export function cachingFor({ path, status, contentType, cacheControl }) {
  if (path.startsWith(IMMUTABLE_PREFIX) && status === 200) return { cacheControl: IMMUTABLE, tagged: false };
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  if (type === "text/html") return { cacheControl: REVALIDATE, tagged: status === 200 };
  if (type === "text/x-component") return { cacheControl: REVALIDATE, tagged: false };
  // Anything else Next marked as fresh for a shared cache or forever is corpus-derived (link-preview
  // images, exports): it must be asked for again after an ingest.
  if (cacheControl && /s-maxage|immutable/iu.test(cacheControl)) return { cacheControl: "no-cache", tagged: false };
  return { cacheControl: undefined, tagged: false };
}

/**
 * 304 for a page whose tag is current. No Content-Security-Policy: a browser merges a 304's headers into
 * the response it kept, and that response's body carries the nonce of its own policy, not of this one.
 * @param {import("node:http").ServerResponse} response
 * @param {string} tag
 */
export function answerNotModified(response, tag) {
  response.statusCode = 304;
  response.removeHeader("Content-Security-Policy");
  response.setHeader("ETag", tag);
  response.setHeader("Cache-Control", REVALIDATE);
  response.end();
}
