// @ts-check
/**
 * Which content coding a kept answer (rendered-response-cache.mjs) goes out in. Pure: scripts/serve-next.mjs
 * asks it per response; unit-tested.
 *
 * Most kept pages are fixed bytes whose scripts the policy allows by hash (hash-allowed-page.mjs): they have their
 * brotli kept (made smaller again in the background, smallest-brotli.mjs) and go out in it. What follows is for a
 * page kept with the placeholder nonce, replaced per response, whose brotli bytes cannot be kept;
 * its gzip can, spliced with each response's nonce (nonce-spliced-gzip.mjs) at no cost per response. Brotli
 * sends a page in half of gzip's bytes (the reader: 54 KiB against 103 KiB; side by side with concepts:
 * 88 against 172), but compressing it costs ~4–40 ms of CPU per response. So pages go out in brotli made
 * per response within a budget of compression time (a few readers opening pages: the bytes are what a phone
 * on a slow network waits for), and past it in spliced gzip (a class opening one link: the CPU is what
 * everyone waits for). An answer without placeholders (the API's JSON) has its brotli kept too.
 *
 * Why a budget of time, one compression at a time, and not what was tried first: a count of requests in
 * flight (a spliced answer leaves at once, so under 100 clients the server often had few in flight and a third
 * of the answers were still brotli: the reader at 87 req/s with 8 time-outs), then a budget of bytes a second
 * (brotli's cost per byte varies with the page and with how busy the host is: the search page's 66 KB took
 * twice the home page's 57 KB, and under 100 clients it held the search page to 50–80 req/s, 150 time-outs).
 * Timing each compression measures what it really cost here and now; one at a time, nothing queues for it.
 */

/**
 * Milliseconds per second that brotli per response may take: a tenth of one core, so under any crowd at
 * least 90% of it is left for serving; one reader opening a page (the reader: ~20 ms) stays well within it.
 */
export const FRESH_BROTLI_MS_PER_SECOND = 100;

/**
 * The budget for brotli per response: one compression at a time, and the time compressions took, refilled at
 * FRESH_BROTLI_MS_PER_SECOND up to one second's worth. A compression may start while any time is left; what
 * it took is charged when it ends (`release`), so the budget may go into debt by one compression.
 */
export class FreshBrotliBudget {
  /** @param {{ msPerSecond?: number, now?: () => number }} [options] now in milliseconds */
  constructor(options = {}) {
    this.msPerSecond = options.msPerSecond ?? FRESH_BROTLI_MS_PER_SECOND;
    this.now = options.now ?? (() => performance.now());
    this.available = this.msPerSecond;
    this.refilledAt = this.now();
    this.running = false;
  }

  /**
   * A compression may start now: the function to call when it has ended, or null (none may).
   * @returns {(() => void) | null}
   */
  take() {
    const now = this.now();
    this.available = Math.min(this.msPerSecond, this.available + ((now - this.refilledAt) / 1000) * this.msPerSecond);
    this.refilledAt = now;
    if (this.running || this.available <= 0) return null;
    this.running = true;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running = false;
      this.available -= this.now() - now;
    };
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
 * (`br-fresh`), its spliced gzip (`gzip-spliced`), or as it is (`identity`); and `release`, to be called when
 * the response is compressed (it ends the budget's claim, when brotli for it was taken from the budget).
 * @param {{ accepted: { br: boolean, gzip: boolean }, bodyBytes: number, keptBrotli: boolean, splicedGzip: boolean, budget: FreshBrotliBudget }} answer
 * @returns {{ coding: "br-kept" | "br-fresh" | "gzip-spliced" | "identity", release: () => void }}
 */
export function keptAnswerCoding({ accepted, bodyBytes, keptBrotli, splicedGzip, budget }) {
  const free = () => {};
  if (bodyBytes < MIN_COMPRESSED_BYTES) return { coding: "identity", release: free };
  if (accepted.br && keptBrotli) return { coding: "br-kept", release: free };
  // A client that takes brotli and no gzip is sent brotli whatever the budget says.
  if (accepted.br && !(accepted.gzip && splicedGzip)) return { coding: "br-fresh", release: free };
  const release = accepted.br ? budget.take() : null;
  if (release) return { coding: "br-fresh", release };
  return { coding: accepted.gzip && splicedGzip ? "gzip-spliced" : "identity", release: free };
}
