// @ts-check
/**
 * The answer to a page request while the database cannot be reached: 503 with a page that says so, not
 * Next's bare 500. Next's error boundaries render after the status is chosen and cannot set one, so
 * scripts/serve-next.mjs answers with this itself (before Next when the page cache's listening
 * connection already knows the database is gone, in place of Next's 500 when it learns so during the
 * render). API routes answer 503 JSON themselves (lib/http/api-response.ts). Plain JavaScript, loaded
 * by scripts/serve-next.mjs outside any bundler.
 */

/**
 * When to try again. The page cache reconnects every 2 s, so a page asked for 5 s later is served as soon
 * as the database has been back for one reconnect.
 */
export const RETRY_AFTER_SECONDS = 5;

/**
 * First path segments of the pages rendered from the corpus (PATHS in lib/urls/url-grammar.ts, which plain
 * JavaScript cannot import; a unit test keeps the two lists equal).
 */
export const PAGE_ROOTS = ["read", "compare", "concepts", "sources", "bibliography", "search"];

/** Whether a path (without its query) is one of the corpus's pages. */
export function isCorpusPage(/** @type {string} */ path) {
  if (path === "/" || path === "") return true;
  const first = path.split("/")[1] ?? "";
  return PAGE_ROOTS.includes(first);
}

/** The page: plain HTML, no script, the same for every address (nothing of the request is echoed). */
export const UNAVAILABLE_PAGE =
  `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<title>暂不可用 · Corpus unavailable · Duizhao 对照</title></head><body><main>` +
  `<h1>语料库暂不可用 · The corpus is unavailable</h1>` +
  `<p>The corpus database cannot be reached just now, so this page cannot be shown. Nothing is lost: ` +
  `try again in a few seconds (this page does not reload itself).</p>` +
  `<p lang="zh-Hans">语料数据库暂时无法连接，请稍后重试。</p>` +
  `<p><a href="/">Duizhao 对照</a></p></main></body></html>`;

/**
 * Sets the status and headers of the unavailable answer (the caller writes UNAVAILABLE_PAGE, or nothing
 * for HEAD). Headers already set (the security headers) stay.
 * @param {import("node:http").ServerResponse} response
 */
export function prepareUnavailable(response) {
  response.statusCode = 503;
  response.setHeader("Content-Type", "text/html; charset=utf-8");
  response.setHeader("Cache-Control", "no-store");
  response.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
  response.setHeader("Content-Length", Buffer.byteLength(UNAVAILABLE_PAGE));
  response.removeHeader("ETag");
}

/**
 * Answers a page request with the unavailable page.
 * @param {import("node:http").ServerResponse} response
 * @param {string | undefined} method
 */
export function answerCorpusUnavailable(response, method) {
  prepareUnavailable(response);
  response.end((method ?? "GET").toUpperCase() === "HEAD" ? undefined : UNAVAILABLE_PAGE);
}
