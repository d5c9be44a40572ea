// @ts-check
/**
 * Whole rendered pages kept by address, in front of Next.js, for the addresses Next cannot cache: a page
 * whose query changes what the server renders (a shared passage link, a search hit, a trail, side by
 * side with concepts, the catalogue's facets, a search). Next's own cache (corpus-page-cache.mjs) keeps a
 * route's one render per path; these are rendered per query, and a class opening one shared link at once
 * made as many renders as readers. Here the first request renders, the others wait for it and are
 * served its bytes, and every later request for that address is served from memory until the corpus
 * changes.
 *
 * Kept: status 200 HTML answers to plain page requests (no React Server Component headers, which ask for
 * another body), and status 200 JSON answers of the corpus's API (never health, which must say what is true
 * now), as Next wrote them: the body still carries the process's placeholder nonce, which
 * scripts/serve-next.mjs replaces per response, as for any page. Keyed by the whole address: a page is a
 * function of its path, its query and the corpus (nothing reads cookies or other request headers; Next's
 * metadata is rendered the same for every client, `htmlLimitedBots` in next.config.ts).
 *
 * Pure (no Node or Next imports): scripts/serve-next.mjs gives it requests and answers; unit-tested.
 */

/**
 * What the cache may hold, in bytes of body: a reader page is ~100–400 KiB uncompressed, so this keeps a
 * few hundred distinct addresses, which is what a class or a seminar shares in a day; the least recently
 * served go first. DUIZHAO_RESPONSE_CACHE_BYTES overrides it.
 */
export const DEFAULT_BYTE_BUDGET = 96 * 1024 * 1024;

/** Longer addresses are rendered each time: no one shares them, and a key should not cost more than a page. */
export const MAX_KEY_LENGTH = 4096;

/**
 * Request headers under which Next answers with something other than the page's HTML (an RSC payload,
 * a prefetch, a segment): such requests are never served from or stored in this cache.
 */
const OTHER_BODY_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url", "next-action"];

/** Headers that belong to one response, not to the page: set again (or left out) on every answer. */
const PER_RESPONSE_HEADERS = new Set([
  "content-security-policy",
  "content-security-policy-report-only",
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "etag",
  "set-cookie",
]);

/**
 * Whether a path is one of the API's answers derived from the corpus alone (`/api/…`), which may be kept as
 * pages are; health checks answer for the present moment and never are.
 * @param {string} path
 */
export function isCorpusApi(path) {
  return path.startsWith("/api/") && !/^\/api\/health(?:\/|$)/u.test(path);
}

/**
 * The cache key of a request, or null when its answer must be rendered for it.
 * @param {{ method: string | undefined, url: string | undefined, headers: Record<string, string | string[] | undefined> }} request
 * @param {(path: string) => boolean} isPage which paths are pages rendered from the corpus
 */
export function renderedResponseKey(request, isPage) {
  if (request.method !== "GET" || !request.url || request.url.length > MAX_KEY_LENGTH) return null;
  if (OTHER_BODY_HEADERS.some((name) => request.headers[name] !== undefined)) return null;
  const path = request.url.split(/[?#]/u, 1)[0] ?? "/";
  return isPage(path) || isCorpusApi(path) ? request.url : null;
}

/** What is kept: whole pages, and the API's JSON (not files, images or PDFs, which are served as they are). */
const KEPT_TYPES = new Set(["text/html", "application/json"]);

/**
 * Whether an answer is one to keep: a whole HTML page or an API's JSON.
 * @param {number} status
 * @param {string | number | string[] | undefined} contentType
 */
export function isKeptAnswer(status, contentType) {
  return status === 200 && KEPT_TYPES.has(String(contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "");
}

/**
 * The headers of an answer worth keeping with its body.
 * @param {Record<string, string | number | string[] | undefined>} headers
 * @returns {[string, string | string[]][]}
 */
export function keptHeaders(headers) {
  /** @type {[string, string | string[]][]} */
  const kept = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || PER_RESPONSE_HEADERS.has(name.toLowerCase())) continue;
    kept.push([name, typeof value === "number" ? String(value) : value]);
  }
  return kept;
}

/**
 * The body as Next wrote it, and its compressed forms made once (scripts/serve-next.mjs, when it keeps it):
 * gzip to be spliced with each response's nonce (nonce-spliced-gzip.mjs), and brotli when the body has no
 * nonce to replace (the API's JSON).
 * @typedef {{ gzip: import("./nonce-spliced-gzip.mjs").SplicedGzip, brotli: Uint8Array | null }} KeptEncodings
 * @typedef {{ status: number, headers: [string, string | string[]][], body: Uint8Array, encodings?: KeptEncodings }} KeptAnswer
 */

/**
 * The memory an answer holds: its body and the compressed forms kept with it.
 * @param {KeptAnswer} answer
 */
export function answerBytes(answer) {
  const encodings = answer.encodings;
  return answer.body.byteLength + (encodings ? encodings.gzip.compressedLength + (encodings.brotli?.byteLength ?? 0) : 0);
}

/**
 * A claimed render's key: its corpus generation and address (one key per claim; a claim keyed by address alone was
 * replaced by a newer generation's, and the requests waiting for the older render then waited forever).
 * @param {string} key
 * @param {number} generation
 */
function renderKey(key, generation) {
  return `${generation} ${key}`;
}

export class RenderedResponseCache {
  /** @param {{ byteBudget?: number }} [options] */
  constructor(options = {}) {
    this.byteBudget = options.byteBudget ?? DEFAULT_BYTE_BUDGET;
    /** @type {Map<string, { answer: KeptAnswer, generation: number }>} */
    this.entries = new Map();
    this.bytes = 0;
    /** The newest corpus generation seen: everything kept is from it. */
    this.generation = -1;
    /**
     * Renders under way, by generation and address (renderKey): a render for a newer corpus, claimed while an older
     * one runs (an ingest committed meanwhile), is a claim of its own, and the older one still releases its waiters.
     * @type {Map<string, { settled: Promise<void>, settle: () => void }>}
     */
    this.rendering = new Map();
  }

  /**
   * The kept answer for `key` rendered from corpus `generation`, or null. A newer generation than any
   * seen empties the cache: the corpus has changed since anything in it was rendered.
   * @param {string} key
   * @param {number} generation
   */
  get(key, generation) {
    this.#advanceTo(generation);
    const entry = this.entries.get(key);
    if (!entry || entry.generation !== generation) return null;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.answer;
  }

  /**
   * Claims the render of `key`: null when this request is to render it (and then `finish` it), else a
   * promise settled when the request rendering it has finished (look again then).
   * @param {string} key
   * @param {number} generation
   * @returns {Promise<void> | null}
   */
  claim(key, generation) {
    const current = this.rendering.get(renderKey(key, generation));
    if (current) return current.settled;
    /** @type {() => void} */
    let settle = () => {};
    const settled = new Promise((resolve) => (settle = () => resolve(undefined)));
    this.rendering.set(renderKey(key, generation), { settled, settle });
    return null;
  }

  /**
   * Ends a claimed render, keeping its answer when there is one (null: not an answer to keep, or the
   * render failed). An answer is kept only if the corpus is still the one it was rendered from.
   * @param {string} key
   * @param {number} generation the generation when the render began
   * @param {KeptAnswer | null} answer
   * @param {number | null} generationNow
   */
  finish(key, generation, answer, generationNow) {
    const current = this.rendering.get(renderKey(key, generation));
    if (current) {
      this.rendering.delete(renderKey(key, generation));
      current.settle();
    }
    if (!answer || generationNow !== generation || answerBytes(answer) > this.byteBudget) return;
    this.#advanceTo(generation);
    if (generation !== this.generation) return;
    const previous = this.entries.get(key);
    if (previous) {
      this.bytes -= answerBytes(previous.answer);
      this.entries.delete(key);
    }
    this.entries.set(key, { answer, generation });
    this.bytes += answerBytes(answer);
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.byteBudget) break;
      this.entries.delete(oldest);
      this.bytes -= answerBytes(entry.answer);
    }
  }

  /**
   * Keeps a smaller brotli for a kept answer (smallest-brotli.mjs), when that very answer is still the one kept for
   * `key` and `generation` (a newer render, or a newer corpus, is never given an older page's bytes). Its place in
   * the least-recently-served order stays. An answer kept without brotli (a page that keeps its nonce: its bytes
   * differ in every response) is never given one. Returns the answer kept now, or null when there was none to change.
   * @param {string} key
   * @param {number} generation
   * @param {KeptAnswer} answer
   * @param {Uint8Array} brotli
   * @returns {KeptAnswer | null}
   */
  replaceBrotli(key, generation, answer, brotli) {
    const entry = this.entries.get(key);
    if (!entry || entry.generation !== generation || entry.answer !== answer || !answer.encodings?.brotli) return null;
    const smaller = { ...answer, encodings: { ...answer.encodings, brotli } };
    this.bytes += answerBytes(smaller) - answerBytes(answer);
    entry.answer = smaller;
    return smaller;
  }

  /** @param {number} generation */
  #advanceTo(generation) {
    if (generation <= this.generation) return;
    this.generation = generation;
    this.entries.clear();
    this.bytes = 0;
  }
}
