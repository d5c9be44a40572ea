// @ts-check
/**
 * The web server `npm start` runs: Next.js's request handler behind brotli (or gzip) compression.
 *
 * `next start` compresses with gzip only, whose 32 KiB window cannot see that a page's React payload
 * repeats its text; brotli's can, and the reader's HTML travels at less than half the gzip size
 * (measured: 106 → ~50 KiB). Quality 5 keeps the work per response close to gzip's. Kept answers
 * (lib/page-cache/rendered-response-cache.mjs) are compressed once when kept, not per response: see
 * lib/page-cache/kept-answer-coding.mjs for which coding each response gets.
 *
 * Plain JavaScript run by Node itself: Next's server must not load through the tsx loader.
 * Usage: node scripts/serve-next.mjs <port> <host>
 */
import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import fs from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import compression from "compression";
import next from "next";
import { answerCorpusUnavailable, isCorpusPage, prepareUnavailable, UNAVAILABLE_PAGE } from "../lib/http/corpus-unavailable.mjs";
import { answerNotModified, cachingFor, namesCurrentTag, pageEntityTag } from "../lib/http/http-caching.mjs";
import { answerMalformedRequest, answerUnmetExpectation, findMalformedRequest, originFormOf, socketRefusal } from "../lib/http/malformed-request.mjs";
import { settleStaticFilePreconditions, staticFileOnDisk } from "../lib/http/static-file-preconditions.mjs";
import { createNonce, createNonceRewriter, hashOnlyPolicy, placeholderPolicyForNext, scriptHashSource, securityHeaders } from "../lib/http/security-headers.mjs";
import { whenResponseSent } from "../lib/http/when-response-sent.mjs";
import { corpusGeneration, databaseUnreachable, startListening } from "../lib/page-cache/corpus-page-cache.mjs";
import { hashAllowedPage } from "../lib/page-cache/hash-allowed-page.mjs";
import { acceptedCodings, FreshBrotliBudget, keptAnswerCoding } from "../lib/page-cache/kept-answer-coding.mjs";
import { prepareSplicedGzip, splicedGzip } from "../lib/page-cache/nonce-spliced-gzip.mjs";
import { isKeptStaticFile, publicPathsOf, STATIC_FILE_BYTE_BUDGET, STATIC_FILE_GENERATION, staticFileKey } from "../lib/page-cache/kept-static-files.mjs";
import { isKeptAnswer, keptHeaders, RenderedResponseCache, renderedResponseKey } from "../lib/page-cache/rendered-response-cache.mjs";
import { SMALLEST_BROTLI_QUALITY, SmallestBrotliQueue } from "../lib/page-cache/smallest-brotli.mjs";
import { APPLY_SAVED_THEME_SCRIPT } from "../lib/theme/apply-saved-theme.mjs";

/** @typedef {import("../lib/page-cache/rendered-response-cache.mjs").KeptAnswer} KeptAnswer */

const [port, host] = [Number(process.argv[2]), process.argv[3] ?? "localhost"];
if (!Number.isInteger(port) || port <= 0) {
  console.error("usage: node scripts/serve-next.mjs <port> <host>");
  process.exit(2);
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/**
 * The build served: the copy `npm start` made for this server (scripts/served-builds.ts; next.config.ts reads the
 * same variable), or `.next` itself when run directly (the e2e helper that serves the build the tests made).
 */
const distDir = path.resolve(root, process.env.DUIZHAO_NEXT_DIST_DIR || ".next");

process.title = `next-server duizhao (${port})`;
// Next adds an `upgrade` listener to the server of the first request it handles (for its dev server's
// websocket), and in production that listener drops the connection: any request with `Upgrade: websocket` or
// `h2c` went unanswered. Given an emitter of its own to listen on, it leaves this server without one, and Node
// then answers such a request as any other (a server may ignore Upgrade).
const app = next({ dev: false, dir: root, hostname: host, port, httpServer: /** @type {any} */ (new EventEmitter()) });
await app.prepare();
const handle = app.getRequestHandler();
const BROTLI = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } };
const compress = compression({ brotli: BROTLI });

/**
 * The nonce Next renders into every page, cached or not: a secret of this process, replaced in every
 * response by that response's own nonce (lib/http/security-headers.mjs says why this is safe).
 */
const placeholder = createNonce();
const placeholderBytes = Buffer.from(placeholder);
const scriptHashes = [scriptHashSource(APPLY_SAVED_THEME_SCRIPT)];
/** Page entity tags name the build and this process: a restart (an empty page cache) changes every tag. */
const buildId = (await fs.readFile(path.join(distDir, "BUILD_ID"), "utf8")).trim();
const processId = randomBytes(6).toString("hex");
// Learn at once whether the database answers, rather than at the first page.
startListening();
const budget = Number(process.env.DUIZHAO_RESPONSE_CACHE_BYTES);
const keptRenders = new RenderedResponseCache(Number.isFinite(budget) && budget > 0 ? { byteBudget: budget } : {});
/** How much of kept pages may still be compressed with brotli per response this second (kept-answer-coding.mjs). */
const freshBrotli = new FreshBrotliBudget();
/** Scripts, stylesheets and public/'s files, compressed once (lib/page-cache/kept-static-files.mjs). */
const keptStaticFiles = new RenderedResponseCache({ byteBudget: STATIC_FILE_BYTE_BUDGET });
/** What Next serves from public/: the files there at start, as Next lists them then. */
const publicPaths = publicPathsOf(await filesUnder(path.join(root, "public")));

// A request without Host is refused by findMalformedRequest, with a reason and the security headers.
const server = http.createServer({ requireHostHeader: false }, (request, response) => {
  const nonce = createNonce();
  for (const [name, value] of securityHeaders(nonce, scriptHashes)) response.setHeader(name, value);
  request.url = originFormOf(request.url);
  // No route reads a body: one sent anyway is read and dropped as it comes, so that closing the connection after
  // the answer does not reset it with the body unread (a reset can discard the answer before the client reads it).
  if (request.headers["content-length"] || request.headers["transfer-encoding"]) {
    request.resume();
    lingerBeforeClosing(request.socket);
    closeWhenBodyOutlastsAnswer(request, response);
  }
  const problem = findMalformedRequest(request.method, request.url, { httpVersion: request.httpVersion, host: request.headers.host });
  if (problem) return answerMalformedRequest(response, problem, request.url, request.method);
  const pathname = (request.url ?? "/").split(/[?#]/u, 1)[0] ?? "/";
  const failedPrecondition = settleStaticFilePreconditions(request.headers, staticFileOnDisk(pathname, root, publicPaths, distDir));
  if (failedPrecondition) return answerMalformedRequest(response, failedPrecondition, request.url, request.method);
  // Taken before rendering: a page rendered while an ingest commits carries the older tag, and is asked for again.
  const tag = pageEntityTag({ buildId, processId, generation: corpusGeneration() });
  if (!request.headers.rsc && namesCurrentTag(request.headers["if-none-match"], tag) && tag) return answerNotModified(response, tag);
  if (isCorpusPage(pathname) && databaseUnreachable()) return answerCorpusUnavailable(response, request.method);
  request.headers["content-security-policy"] = placeholderPolicyForNext(placeholder);
  delete request.headers["content-security-policy-report-only"];
  const context = { nonce, pathname, tag };
  const staticKey = staticFileKey(request, publicPaths);
  if (staticKey !== null) return void answerWithKeptRender(request, response, context, staticKey, STATIC_FILE_GENERATION, STATIC_FILES);
  const key = renderedResponseKey(request, isCorpusPage);
  const generation = corpusGeneration();
  if (key !== null && generation !== null) return void answerWithKeptRender(request, response, context, key, generation, RENDERS);
  compress(request, response, () => {
    finishResponses(request, response, context);
    void handle(request, response);
  });
});

/**
 * What is kept where: a cache, which answers it keeps, and the generation to keep them for once made.
 * @typedef {{ cache: RenderedResponseCache, keeps: (status: number, contentType: string | number | string[] | undefined) => boolean, generationNow: () => number | null }} Keeping
 */
/** Pages and the API's JSON, for the corpus generation they were rendered from. */
/** @type {Keeping} */
const RENDERS = { cache: keptRenders, keeps: isKeptAnswer, generationNow: corpusGeneration };
/** Static files, for the life of the process. */
/** @type {Keeping} */
const STATIC_FILES = { cache: keptStaticFiles, keeps: isKeptStaticFile, generationNow: () => STATIC_FILE_GENERATION };

/**
 * A page from the kept renders (lib/page-cache/rendered-response-cache.mjs), or a static file kept as they are
 * (kept-static-files.mjs): served from memory when kept already (for this corpus); else rendered (read) once
 * while other requests for the same address wait.
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 * @param {{ nonce: string, pathname: string, tag: string | null }} context
 * @param {string} key
 * @param {number} generation
 * @param {Keeping} keeping
 */
async function answerWithKeptRender(request, response, context, key, generation, keeping) {
  const { cache } = keeping;
  let kept = cache.get(key, generation);
  const waiting = kept ? null : cache.claim(key, generation);
  if (waiting) {
    await waiting;
    kept = cache.get(key, generation);
  }
  if (kept?.encodings) {
    // Asked for again: worth its smallest brotli, made in the background for the responses after this one.
    if (!waiting && kept.encodings.brotli) {
      const answer = kept;
      smallestBrotli.offer({ key, answer, body: kept.body, keep: (brotli) => cache.replaceBrotli(key, generation, answer, brotli) });
    }
    return void sendKept(request, response, context, kept, kept.encodings);
  }
  compress(request, response, () => {
    if (kept) {
      // Kept before its compressed forms could be made (their making failed): compressed as it goes out.
      finishResponses(request, response, context);
      for (const [name, value] of kept.headers) response.setHeader(name, value);
      response.setHeader("X-Duizhao-Render", "kept");
      response.statusCode = kept.status;
      response.end(kept.body);
      return;
    }
    // Rendered here: kept for the others when it is a page (a request that waited renders without keeping).
    const keep = waiting ? undefined : (/** @type {KeptAnswer | null} */ answer) => void keepWithEncodings(key, generation, answer, keeping);
    finishResponses(request, response, { ...context, keep, keeps: keeping.keeps, keepLimit: cache.byteBudget });
    void handle(request, response);
  });
}

/**
 * Keeps a render with its compressed forms, made once here (in zlib's thread pool): the requests waiting for
 * this address are released when they are ready, and served them. A page is first made into fixed bytes whose
 * scripts its policy allows by hash (lib/page-cache/hash-allowed-page.mjs), kept with that policy: then it
 * has no nonce to replace and its brotli is kept, as the API's JSON's is. A page that cannot be (a script of a
 * form it does not know, or a policy too long) keeps its placeholder nonce, replaced per response, and only
 * its gzip is kept, to be spliced with each response's nonce; its brotli would differ in every response.
 * @param {string} key
 * @param {number} generation
 * @param {KeptAnswer | null} answer
 * @param {Keeping} keeping
 */
async function keepWithEncodings(key, generation, answer, keeping) {
  let kept = answer;
  if (answer) {
    try {
      const fixed = withScriptsAllowedByHash(answer);
      kept = fixed;
      const body = Buffer.from(fixed.body.buffer, fixed.body.byteOffset, fixed.body.byteLength);
      const [gzip, brotli] = await Promise.all([
        prepareSplicedGzip(body, placeholderBytes),
        body.includes(placeholderBytes) ? null : brotliCompress(body),
      ]);
      kept = { ...fixed, encodings: { gzip, brotli } };
    } catch (error) {
      console.error(`duizhao: the kept render of ${key} is kept uncompressed (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  keeping.cache.finish(key, generation, kept, keeping.generationNow());
}

/**
 * A kept page as fixed bytes with the policy that allows its scripts by hash, or the answer as it is (no
 * placeholder in it, not HTML, or a page hash-allowed-page.mjs refuses: said once per render, in the log).
 * @param {KeptAnswer} answer
 * @returns {KeptAnswer}
 */
function withScriptsAllowedByHash(answer) {
  const contentType = answer.headers.find(([name]) => name.toLowerCase() === "content-type")?.[1];
  if (!String(contentType ?? "").startsWith("text/html") || !Buffer.from(answer.body.buffer, answer.body.byteOffset, answer.body.byteLength).includes(placeholderBytes)) {
    return answer;
  }
  const page = hashAllowedPage(answer.body, placeholderBytes);
  const policy = "refused" in page ? null : hashOnlyPolicy([...scriptHashes, ...page.scriptHashes]);
  if ("refused" in page || policy === null) {
    console.warn(`duizhao: a kept page keeps its per-response nonce (${"refused" in page ? page.refused : "its policy would be too long"})`);
    return answer;
  }
  return { ...answer, body: page.body, headers: [...answer.headers, ["Content-Security-Policy", policy]] };
}

/**
 * A kept answer in the coding kept-answer-coding.mjs chooses: its kept brotli, its gzip spliced with this
 * response's nonce, brotli made for this response (within its budget), or as it is; every one decodes to the
 * body as Next wrote it with this response's nonce. Its length is known: sent with Content-Length.
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 * @param {{ nonce: string, pathname: string, tag: string | null }} context
 * @param {KeptAnswer} kept
 * @param {NonNullable<KeptAnswer["encodings"]>} encodings its compressed forms
 */
async function sendKept(request, response, context, kept, encodings) {
  const choice = keptAnswerCoding({
    accepted: acceptedCodings(request.headers["accept-encoding"]),
    bodyBytes: kept.body.byteLength,
    keptBrotli: encodings.brotli !== null,
    splicedGzip: true,
    budget: freshBrotli,
  });
  const release = choice.release;
  let coding = choice.coding;
  /** @type {Uint8Array} */
  let body = kept.body;
  try {
    if (coding === "br-kept" && encodings.brotli) body = encodings.brotli;
    else if (coding === "gzip-spliced") body = splicedGzip(encodings.gzip, Buffer.from(context.nonce));
    else if (coding === "br-fresh") {
      const rewriter = createNonceRewriter(placeholder, context.nonce);
      const bytes = Buffer.from(kept.body.buffer, kept.body.byteOffset, kept.body.byteLength);
      body = await brotliCompress(Buffer.concat([rewriter.push(bytes), rewriter.flush()]));
      release();
    }
  } catch (error) {
    release();
    // Never a 500 for a page that is there: sent as it is.
    console.error(`duizhao: ${coding} failed for ${request.url} (${error instanceof Error ? error.message : String(error)}); sent uncompressed`);
    coding = "identity";
    body = kept.body;
  }
  // Identity goes through the nonce rewriter as any body; a coded body already holds this response's nonce.
  finishResponses(request, response, { ...context, coded: coding !== "identity" });
  for (const [name, value] of kept.headers) response.setHeader(name, value);
  const vary = String(response.getHeader("vary") ?? "");
  if (!/(?:^|,)\s*(?:accept-encoding|\*)\s*(?:,|$)/iu.test(vary)) response.setHeader("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
  if (coding !== "identity") {
    response.setHeader("Content-Encoding", coding === "gzip-spliced" ? "gzip" : "br");
    // A kept static file's Accept-Ranges is about the file; a Range request is answered by Next, not in this coding.
    response.removeHeader("Accept-Ranges");
  }
  response.setHeader("Content-Length", body.byteLength);
  response.setHeader("X-Duizhao-Render", "kept");
  response.statusCode = kept.status;
  response.end(body);
}

/** @param {Uint8Array} body @param {number} [quality] @returns {Promise<Buffer>} */
function brotliCompress(body, quality = BROTLI.params[zlib.constants.BROTLI_PARAM_QUALITY]) {
  return new Promise((resolve, reject) =>
    zlib.brotliCompress(
      body,
      { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } },
      (error, output) => (error ? reject(error) : resolve(output)),
    ),
  );
}

/**
 * Kept answers asked for again get their brotli made at the highest quality, one at a time, in the background
 * (lib/page-cache/smallest-brotli.mjs says why): pages and static files alike, each in the cache it was kept in.
 * @type {SmallestBrotliQueue<KeptAnswer>}
 */
const smallestBrotli = new SmallestBrotliQueue({
  compress: (body) => brotliCompress(body, SMALLEST_BROTLI_QUALITY),
  onError: (key, error) => console.error(`duizhao: the smallest brotli of ${key} was not made (${error instanceof Error ? error.message : String(error)})`),
});
server.keepAliveTimeout = 5000;
// A client may close its side once its request is sent (RFC 9112 §9.6; `nc -N`, some scanners and proxies do). Node
// takes that for a client gone and aborts the request: a page rendered per request went unanswered. Half-open, the
// answer is sent and the connection closed after it.
/** @type {any} */ (server).httpAllowHalfOpen = true;

/**
 * How long a connection closed after its answer goes on reading what the client still sends. Two seconds is
 * nginx's `lingering_timeout` order of magnitude: enough for a body of megabytes on any link this serves, short
 * enough that a client that never stops sending holds nothing for long.
 */
const LINGER_MS = 2000;
/**
 * A lingering close (as nginx's `lingering_close`): an answer sent before the client's body has all arrived (no
 * route reads one) would be followed by Node closing the socket with that body's rest unread, and the kernel then
 * resets the connection, which can discard the answer before the client reads it (the route fuzz's 10 MB bodies,
 * about one time in three). So the answer is followed by a FIN, the rest is read and dropped until the client
 * closes or LINGER_MS passes, and only then is the socket destroyed.
 * @param {import("node:net").Socket} socket
 */
function lingerBeforeClosing(socket) {
  const lingering = /** @type {import("node:net").Socket & { lingers?: boolean }} */ (socket);
  if (lingering.lingers) return;
  lingering.lingers = true;
  lingering.destroySoon = function destroyAfterLingering() {
    const timer = setTimeout(() => this.destroy(), LINGER_MS);
    timer.unref();
    this.once("end", () => this.destroy());
    this.once("close", () => clearTimeout(timer));
    this.end();
    this.resume();
  };
}

/**
 * A body still arriving LINGER_MS after its answer was sent ends the connection (with the lingering close above).
 * No route reads a body, so none need wait for one; a client trickling one (a byte a second of a declared megabyte:
 * slowloris with a body) held its connection for as long as Node's requestTimeout, five minutes, and any number of
 * them could. A body that is merely slower than the answer (the same packet, or a few more) still finishes and the
 * connection stays open for the next request.
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 */
function closeWhenBodyOutlastsAnswer(request, response) {
  response.once("finish", () => {
    if (request.complete) return;
    const timer = setTimeout(() => {
      if (!request.complete) request.socket.destroySoon();
    }, LINGER_MS);
    timer.unref();
    request.once("end", () => clearTimeout(timer));
    request.socket.once("close", () => clearTimeout(timer));
  });
}

/**
 * Everything Next writes passes here first (then compression): the placeholder nonce becomes this
 * response's nonce, in the body and in any header; caching headers follow lib/http/http-caching.mjs; and
 * Next's 500 for a page becomes the 503 "corpus unavailable" page when the database turns out to be gone.
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 * When `keep` is given, the page as Next wrote it (placeholder nonce and all) is handed to it at the end, or
 * null when there is nothing to keep (not an answer `keeps` takes, by default a whole HTML page or the API's JSON,
 * or the client went away first). `coded`: the body is compressed already, with this response's nonce in it,
 * and passes as it is. The body is copied aside only while it may still be kept: an answer `keeps` refuses (a video
 * in public/, say) or one past `keepLimit` bytes goes out without being held in memory.
 * @param {{ nonce: string, pathname: string, tag: string | null, keep?: (answer: KeptAnswer | null) => void, keeps?: Keeping["keeps"], keepLimit?: number, coded?: boolean }} context
 */
function finishResponses(request, response, { nonce, pathname, tag, keep, keeps = isKeptAnswer, keepLimit = Infinity, coded = false }) {
  const rewriter = createNonceRewriter(placeholder, nonce);
  const { writeHead, write, end } = response;
  let decided = false;
  let unavailable = false;
  /** @type {Buffer[]} */
  const written = [];
  let collecting = Boolean(keep);
  let collectedBytes = 0;
  const collect = (/** @type {Buffer} */ bytes) => {
    if (!collecting) return;
    written.push(Buffer.from(bytes));
    collectedBytes += bytes.length;
    if (collectedBytes > keepLimit) {
      collecting = false;
      written.length = 0;
    }
  };
  /** @type {[string, string | string[]][]} */
  let headersAsWritten = [];
  let kept = false;
  const handOver = (/** @type {boolean} */ whole) => {
    if (!keep || kept) return;
    kept = true;
    const answer = whole && collecting && !unavailable && keeps(response.statusCode, response.getHeader("content-type"));
    if (!answer) return keep(null);
    const render = { status: response.statusCode, headers: headersAsWritten, body: Buffer.concat(written) };
    written.length = 0;
    // Kept once this answer has gone out: the first reader of an address does not wait for the forms only the
    // readers after it are served (lib/http/when-response-sent.mjs).
    whenResponseSent(response, () => keep(render));
  };
  if (keep) response.once("close", () => handOver(false));
  const decide = () => {
    if (decided) return;
    decided = true;
    if (keep) headersAsWritten = keptHeaders(response.getHeaders());
    // Known at the head: an answer that will not be kept is not copied aside as it goes out.
    if (collecting && !keeps(response.statusCode, response.getHeader("content-type"))) collecting = false;
    for (const name of response.getHeaderNames()) {
      const value = response.getHeader(name);
      if (typeof value === "string" && value.includes(placeholder)) response.setHeader(name, value.replaceAll(placeholder, nonce));
      else if (Array.isArray(value) && value.some((item) => item.includes(placeholder))) {
        response.setHeader(name, value.map((item) => item.replaceAll(placeholder, nonce)));
      }
    }
    const contentType = response.getHeader("content-type");
    if (response.statusCode >= 500 && isCorpusPage(pathname) && String(contentType ?? "").startsWith("text/html") && databaseUnreachable()) {
      unavailable = true;
      prepareUnavailable(response);
      return;
    }
    const cacheControl = response.getHeader("cache-control");
    const caching = cachingFor({
      path: pathname,
      status: response.statusCode,
      contentType: contentType === undefined ? undefined : String(contentType),
      cacheControl: cacheControl === undefined ? undefined : String(cacheControl),
    });
    if (caching.cacheControl) response.setHeader("Cache-Control", caching.cacheControl);
    if (caching.tagged && tag) response.setHeader("ETag", tag);
    else if (caching.cacheControl) response.removeHeader("ETag");
    // A 304's headers are merged into the response the browser kept, whose body names its own nonce.
    if (response.statusCode === 304) response.removeHeader("Content-Security-Policy");
  };
  /** @type {any} */ (response).writeHead = function (/** @type {number} */ status, /** @type {any[]} */ ...rest) {
    const headers = rest.at(-1);
    const reason = typeof rest[0] === "string" ? rest[0] : undefined;
    if (headers && typeof headers === "object" && !Array.isArray(headers)) {
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) response.setHeader(name, value);
    }
    response.statusCode = status;
    decide();
    // Headers given as a raw array are passed on as they came (setHeader cannot take that form).
    const passOn = [...(reason === undefined ? [] : [reason]), ...(Array.isArray(headers) ? [headers] : [])];
    return writeHead.call(response, response.statusCode, ...passOn);
  };
  /** @type {any} */ (response).write = function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ callback) {
    if (typeof encoding === "function") [callback, encoding] = [encoding, undefined];
    decide();
    if (unavailable) {
      callback?.();
      return true;
    }
    if (chunk == null) return write.call(response, chunk, encoding, callback);
    const bytes = asBuffer(chunk, encoding);
    collect(bytes);
    return write.call(response, coded ? bytes : rewriter.push(bytes), callback);
  };
  /** @type {any} */ (response).end = function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ callback) {
    if (typeof chunk === "function") [callback, chunk, encoding] = [chunk, undefined, undefined];
    else if (typeof encoding === "function") [callback, encoding] = [encoding, undefined];
    decide();
    if (unavailable) {
      handOver(false);
      return end.call(response, request.method === "HEAD" ? undefined : UNAVAILABLE_PAGE, callback);
    }
    const last = chunk == null ? Buffer.alloc(0) : asBuffer(chunk, encoding);
    collect(last);
    handOver(true);
    const body = coded ? last : Buffer.concat([rewriter.push(last), rewriter.flush()]);
    return end.call(response, body.length > 0 ? body : undefined, callback);
  };
}

/**
 * The files under a folder, as paths relative to it with "/" between segments (none when it does not exist).
 * @param {string} folder
 * @returns {Promise<string[]>}
 */
async function filesUnder(folder) {
  try {
    const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === "ENOENT") return [];
    throw error;
  }
}

/** @returns {Buffer} */
function asBuffer(/** @type {string | Uint8Array} */ chunk, /** @type {BufferEncoding | undefined} */ encoding) {
  if (typeof chunk === "string") return Buffer.from(chunk, encoding ?? "utf8");
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}
/**
 * A request Node's parser refuses before any handler sees it (raw non-ASCII or a control character in the request
 * line, headers too large, a broken request line, headers not finished in time) gets a 4xx that says why, with the
 * security headers, instead of Node's bare 400.
 */
server.on("clientError", (/** @type {Error & { code?: string }} */ error, socket) => {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  afterAnswersUnderWay(socket, () => {
    if (socket.writable) socket.end(socketRefusal(error, securityHeaders(createNonce(), scriptHashes)));
    else socket.destroy();
  });
});

/**
 * Runs `then` once the answers under way on `socket` have gone out. A request the parser refuses may follow good
 * ones pipelined in the same packet (`GET /ok`, then `GET /a b c`): the refusal written at once went out before their
 * answers, which were lost, so a client read a 400 as the answer to its first, valid request.
 * @param {import("node:stream").Duplex & { _httpMessage?: import("node:http").ServerResponse | null }} socket
 * @param {() => void} then
 */
function afterAnswersUnderWay(socket, then) {
  const answer = socket._httpMessage;
  if (!answer || answer.writableFinished) return then();
  const next = () => {
    socket.off("close", gone);
    // Node hands the socket to the next queued answer when this one finishes: look again after that.
    setImmediate(() => afterAnswersUnderWay(socket, then));
  };
  const gone = () => answer.off("finish", next);
  answer.once("finish", next);
  socket.once("close", gone);
}
/** An Expect other than 100-continue: Node's own 417 carried no security headers. */
server.on("checkExpectation", (request, response) => {
  for (const [name, value] of securityHeaders(createNonce(), scriptHashes)) response.setHeader(name, value);
  answerUnmetExpectation(response, request.method);
});
/** CONNECT (which Node hands to no request handler, and without this listener drops) is refused as other methods are. */
server.on("connect", (_request, socket) => {
  socket.on("error", () => socket.destroy());
  socket.end(socketRefusal("connect", securityHeaders(createNonce(), scriptHashes)));
});
server.on("error", (error) => {
  console.error(`duizhao: error: the web server could not listen on ${host}:${port} (${error.message})`);
  process.exit(1);
});
server.listen(port, host, () => console.log(`listening on http://${host}:${port}`));

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
