// @ts-check
/**
 * Which content coding a kept answer (rendered-response-cache.mjs) goes out in. Pure: scripts/serve-next.mjs
 * asks it per response; unit-tested.
 *
 * A kept page carries the placeholder nonce, replaced per response, so its brotli bytes cannot be kept;
 * its gzip can, spliced with each response's nonce (nonce-spliced-gzip.mjs) at no cost per response. Brotli
 * sends a page in half of gzip's bytes (the reader: 54 KiB against 103 KiB; side by side with concepts:
 * 88 against 172), but compressing it costs ~20–40 ms of CPU per response for those pages. So a page goes
 * out in brotli while the server is quiet (one reader opening it: the bytes are what a phone on a slow
 * network waits for) and in spliced gzip when many requests are in flight (a class opening one link: the
 * CPU is what everyone waits for). An answer without placeholders (the API's JSON) has its brotli kept too.
 */

/**
 * Requests in flight (this one included) up to which the server counts as quiet: a browser opening a page
 * keeps at most 6 connections to one host (HTTP/1.1), so one reader loading a page and its assets is never
 * more; 100 clients are always far more.
 */
export const QUIET_REQUESTS_IN_FLIGHT = 6;
/**
 * Bodies smaller than this go out as they are: the `compression` middleware's own threshold, below which a
 * coding's framing costs about what it saves.
 */
export const MIN_COMPRESSED_BYTES = 1024;

/**
 * The codings an Accept-Encoding header allows among those served here (RFC 9110 12.5.3: `q=0` refuses;
 * `*` stands for any coding not named; `x-gzip` is gzip).
 * @param {string | string[] | undefined} header
 * @returns {{ br: boolean, gzip: boolean }}
 */
export function acceptedCodings(header) {
  /** @type {Map<string, number>} */
  const weights = new Map();
  for (const item of [header ?? ""].flat().join(",").split(",")) {
    const [name = "", ...parameters] = item.split(";").map((part) => part.trim().toLowerCase());
    if (!name) continue;
    const q = parameters.find((parameter) => /^q\s*=/u.test(parameter));
    const weight = q === undefined ? 1 : Number(q.replace(/^q\s*=\s*/u, ""));
    const coding = name === "x-gzip" ? "gzip" : name;
    weights.set(coding, Math.max(weights.get(coding) ?? 0, Number.isFinite(weight) ? weight : 0));
  }
  const allows = (/** @type {string} */ coding) => (weights.get(coding) ?? (weights.has(coding) ? 0 : (weights.get("*") ?? 0))) > 0;
  return { br: allows("br"), gzip: allows("gzip") };
}

/**
 * How to send a kept answer: its kept brotli (`br-kept`), brotli compressed for this response
 * (`br-fresh`), its spliced gzip (`gzip-spliced`), or as it is (`identity`).
 * @param {{ accepted: { br: boolean, gzip: boolean }, bodyBytes: number, keptBrotli: boolean, splicedGzip: boolean, requestsInFlight: number }} answer
 * @returns {"br-kept" | "br-fresh" | "gzip-spliced" | "identity"}
 */
export function keptAnswerCoding({ accepted, bodyBytes, keptBrotli, splicedGzip, requestsInFlight }) {
  if (bodyBytes < MIN_COMPRESSED_BYTES) return "identity";
  if (accepted.br && keptBrotli) return "br-kept";
  const quiet = requestsInFlight <= QUIET_REQUESTS_IN_FLIGHT;
  if (accepted.br && (quiet || !(accepted.gzip && splicedGzip))) return "br-fresh";
  if (accepted.gzip && splicedGzip) return "gzip-spliced";
  return "identity";
}
