// @ts-check
/**
 * Kept answers' brotli made again at brotli's highest quality, in the background, one at a time: what every later
 * response of a kept answer (a page, the API's JSON, a static file) then sends. Pure apart from the compression it is
 * given (scripts/serve-next.mjs gives zlib's, which runs in Node's thread pool); unit-tested.
 *
 * Why: a kept answer is first compressed at quality 5 (scripts/serve-next.mjs), so that the requests waiting for its
 * render are not held up. Quality 11 sends fewer bytes (measured on the two-essay corpus: the reader 51.3 → 44.3 KiB,
 * side by side 79.1 → 66.8 KiB), and under a crowd those bytes are what every response costs the server, the network
 * and the client: side by side, the biggest kept page, was the one address whose median stayed past 1.5× a static
 * file's (issue 16). But quality 11 costs 1–5 s of CPU per page where quality 5 costs 30–80 ms, so it is made once,
 * for answers asked for again (a page asked for once, by a crawler or the route fuzz, never costs it), never while a
 * request waits for it, and one at a time (at most one thread of the pool, one core, however many pages are kept).
 * Static files go through the same path as pages, so a static file is coded as a kept page of the same bytes is:
 * the load bench's static baseline (bench/load.bench.ts) stays a fair one.
 */

/** brotli's highest quality: the smallest bytes it makes (zlib's BROTLI_MAX_QUALITY). */
export const SMALLEST_BROTLI_QUALITY = 11;

/**
 * Answers waiting for their turn at most. Past it the crowd is asking for many distinct addresses, and making each
 * one smaller would keep a core busy for minutes; an answer refused now is offered again at its next request, so
 * the ones asked for most get their turn.
 */
export const MAX_WAITING = 32;

/**
 * An answer to make smaller: `body` is what its brotli is made of; `keep` keeps the smaller brotli for it (when it
 * is still the answer kept for its address and corpus) and returns the answer kept now, or null.
 * @template Answer
 * @typedef {{ key: string, answer: Answer, body: Uint8Array, keep: (brotli: Uint8Array) => Answer | null }} Offer
 */

/**
 * @template {object} Answer
 */
export class SmallestBrotliQueue {
  /**
   * @param {{ compress: (body: Uint8Array) => Promise<Uint8Array>, onError?: (key: string, error: unknown) => void, maxWaiting?: number }} options
   *   compress: brotli at SMALLEST_BROTLI_QUALITY
   */
  constructor(options) {
    this.compress = options.compress;
    this.onError = options.onError ?? (() => {});
    this.maxWaiting = options.maxWaiting ?? MAX_WAITING;
    /** @type {Offer<Answer>[]} */
    this.waiting = [];
    /** Answers made smaller already, or on their way: never offered twice. @type {WeakSet<Answer>} */
    this.taken = new WeakSet();
    this.running = false;
  }

  /**
   * Offers a kept answer to be made smaller; returns whether it was taken (false: made or on its way already, or
   * too many waiting).
   * @param {Offer<Answer>} offer
   */
  offer(offer) {
    if (this.taken.has(offer.answer) || this.waiting.length >= this.maxWaiting) return false;
    this.taken.add(offer.answer);
    this.waiting.push(offer);
    if (!this.running) void this.#drain();
    return true;
  }

  /** Compresses the waiting answers one after the other. */
  async #drain() {
    this.running = true;
    try {
      for (let next = this.waiting.shift(); next; next = this.waiting.shift()) {
        try {
          const smaller = next.keep(await this.compress(next.body));
          if (smaller) this.taken.add(smaller);
        } catch (error) {
          // Its quality-5 brotli stays: nothing a response sends depends on this.
          this.onError(next.key, error);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
