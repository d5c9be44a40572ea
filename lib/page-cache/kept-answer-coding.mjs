// @ts-check
/**
 * Which content coding a kept answer (rendered-response-cache.mjs) goes out in. Pure: scripts/serve-next.mjs
 * asks it per response; unit-tested.
 *
 * A kept page carries the placeholder nonce, replaced per response, so its brotli bytes cannot be kept;
 * its gzip can, spliced with each response's nonce (nonce-spliced-gzip.mjs) at no cost per response. Brotli
 * sends a page in half of gzip's bytes (the reader: 54 KiB against 103 KiB; side by side with concepts:
 * 88 against 172), but compressing it costs ~20–40 ms of CPU per response for those pages. So pages go
 * out in brotli made per response within a budget of bytes per second (a few readers opening pages: the
 * bytes are what a phone on a slow network waits for), and past it in spliced gzip (a class opening one
 * link: the CPU is what everyone waits for). An answer without placeholders (the API's JSON) has its brotli
 * kept too.
 *
 * Why a budget of bytes compressed and not a count of requests in flight (tried first): a spliced answer
 * leaves at once, so under 100 clients the server often had few requests in flight, and a third of the
 * answers were still brotli, which took most of the CPU (the reader at 87 req/s, 8 time-outs).
 */

/**
 * Bytes of body per second that may be compressed with brotli per response. Brotli at quality 5 compresses
 * ~30 MB/s on one core of this machine (the reader's 663 KB in ~20 ms), so this spends at most ~15% of one
 * core on it however many clients come; one reader opening pages (0.6–1.2 MB of HTML each) stays within it.
 */
export const FRESH_BROTLI_BYTES_PER_SECOND = 4 * 1024 * 1024;

/**
 * The budget for brotli per response: a token bucket of bytes, refilled at FRESH_BROTLI_BYTES_PER_SECOND up
 * to one second's worth. A response may use it while any is left (the bucket may go into debt by one page,
 * so a page larger than what is left is not refused for ever); its whole body is charged at once, before it
 * is compressed, so that 100 requests arriving together cannot all find it unspent.
 */
export class FreshBrotliBudget {
  /** @param {{ bytesPerSecond?: number, now?: () => number }} [options] now in milliseconds */
  constructor(options = {}) {
    this.bytesPerSecond = options.bytesPerSecond ?? FRESH_BROTLI_BYTES_PER_SECOND;
    this.now = options.now ?? (() => performance.now());
    this.available = this.bytesPerSecond;
    this.refilledAt = this.now();
  }

  /**
   * Whether a body of `bytes` may be compressed now; if so, it is charged.
   * @param {number} bytes
   */
  take(bytes) {
    const now = this.now();
    this.available = Math.min(this.bytesPerSecond, this.available + ((now - this.refilledAt) / 1000) * this.bytesPerSecond);
    this.refilledAt = now;
    if (this.available <= 0) return false;
    this.available -= bytes;
    return true;
  }
}
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
 * `budget` is asked (and charged) only when brotli made per response is what this answer would get.
 * @param {{ accepted: { br: boolean, gzip: boolean }, bodyBytes: number, keptBrotli: boolean, splicedGzip: boolean, budget: FreshBrotliBudget }} answer
 * @returns {"br-kept" | "br-fresh" | "gzip-spliced" | "identity"}
 */
export function keptAnswerCoding({ accepted, bodyBytes, keptBrotli, splicedGzip, budget }) {
  if (bodyBytes < MIN_COMPRESSED_BYTES) return "identity";
  if (accepted.br && keptBrotli) return "br-kept";
  if (accepted.br && (!(accepted.gzip && splicedGzip) || budget.take(bodyBytes))) return "br-fresh";
  if (accepted.gzip && splicedGzip) return "gzip-spliced";
  return "identity";
}
