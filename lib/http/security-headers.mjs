// @ts-check
/**
 * The security headers every response carries, and the per-response script nonce of the
 * Content-Security-Policy. Pure: scripts/serve-next.mjs applies them (plain JavaScript, loaded outside any
 * bundler, as malformed-request.mjs is).
 *
 * Why a placeholder: cached pages (lib/page-cache) are rendered once and served many times, so Next cannot
 * render a fresh nonce into each copy. Next renders every page with a placeholder nonce that is a secret of
 * this process (128 random bits, never sent to anyone), and every response body has that placeholder
 * replaced by a fresh random nonce of the same length on its way out, the same nonce its header names.
 * Only Next's own script tags carry the placeholder: text from the corpus or from an address cannot, since
 * it would have to contain a secret that no response ever shows. See docs/ARCHITECTURE.md, "Security headers".
 */
import { createHash, randomBytes } from "node:crypto";

/** 128 bits, as CSP Level 3 asks of a nonce; base64 of 16 bytes is always 24 characters. */
export const NONCE_BYTES = 16;

/** A fresh, unpredictable nonce (also the process's placeholder: same alphabet, same length). */
export function createNonce() {
  return randomBytes(NONCE_BYTES).toString("base64");
}

/** CSP's hash source for an inline script's exact text (the text between its tags). */
export function scriptHashSource(/** @type {string} */ script) {
  return `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`;
}

/**
 * The policy. Scripts: only those carrying this response's nonce, the inline scripts whose hashes are
 * given (the root layout's theme script, identical on every page), and what they load ('strict-dynamic':
 * Next's runtime adds its chunks as script elements). 'self' is ignored where 'strict-dynamic' is
 * understood and lets older browsers load the same-origin chunks. Styles: the app's stylesheets, plus
 * style attributes (React renders `style={…}` as one; an attribute cannot run script).
 * A kept page made into fixed bytes (lib/page-cache/hash-allowed-page.mjs) names no nonce (null): its
 * scripts are allowed by their hashes alone.
 * @param {string | null} nonce
 * @param {readonly string[]} scriptHashes hash sources, as from scriptHashSource
 */
export function contentSecurityPolicy(nonce, scriptHashes = []) {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...(nonce === null ? [] : [`'nonce-${nonce}'`]), "'strict-dynamic'", ...new Set(scriptHashes)].join(" "),
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    // Icons inline in CSS may be data: URLs; link-preview images are same-origin.
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    // The reader's printed-page view runs pdf.js's worker from the app's own origin (app/api/pdfjs). Without
    // this, workers fall back to script-src, where 'strict-dynamic' leaves 'self' ignored and no nonce applies.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

/**
 * The longest policy a page allowed by hashes may have; a page that would need more keeps its nonce. Each
 * script is a 54-byte hash source (the reader has 26, side by side 32: about 1.4 and 1.7 KiB). With the
 * other headers (about 1.2 KiB) a response's head then stays under 4 KiB, the smallest default buffer for
 * an upstream's response head among common reverse proxies (nginx's proxy_buffer_size, one memory page),
 * past which the proxy answers 502 instead of the page.
 */
export const MAX_HASH_POLICY_BYTES = 2560;

/**
 * The policy of a page whose scripts are allowed by these hashes alone, or null when it would be longer
 * than MAX_HASH_POLICY_BYTES (the page is then served with a nonce of its own per response).
 * @param {readonly string[]} scriptHashes
 */
export function hashOnlyPolicy(scriptHashes) {
  const policy = contentSecurityPolicy(null, scriptHashes);
  return Buffer.byteLength(policy) <= MAX_HASH_POLICY_BYTES ? policy : null;
}

/**
 * Browser features nothing in Duizhao uses, denied to the page and anything it might embed; copying a
 * link (the reader's and side by side's copy buttons) needs clipboard-write. Only features Chromium knows:
 * an unknown one costs a console warning on every page.
 */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "browsing-topics=()",
  "camera=()",
  "clipboard-read=()",
  "clipboard-write=(self)",
  "display-capture=()",
  "encrypted-media=()",
  "fullscreen=()",
  "geolocation=()",
  "gyroscope=()",
  "hid=()",
  "idle-detection=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "picture-in-picture=()",
  "publickey-credentials-get=()",
  "screen-wake-lock=()",
  "serial=()",
  "usb=()",
  "xr-spatial-tracking=()",
].join(", ");

/**
 * The headers every response carries, whatever it is (a page, JSON, a script, an image, a refusal).
 * Referrer-Policy strict-origin-when-cross-origin: a shared passage link's query (the quoted words) never
 * leaves for another site, while same-site navigation keeps its full referrer.
 * @param {string} nonce this response's nonce
 * @param {readonly string[]} scriptHashes
 * @returns {[string, string][]}
 */
export function securityHeaders(nonce, scriptHashes = []) {
  return [
    ["Content-Security-Policy", contentSecurityPolicy(nonce, scriptHashes)],
    ["X-Content-Type-Options", "nosniff"],
    // frame-ancestors 'none' for browsers that predate it.
    ["X-Frame-Options", "DENY"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["Permissions-Policy", PERMISSIONS_POLICY],
    ["Cross-Origin-Opener-Policy", "same-origin"],
  ];
}

/**
 * The policy Next reads from the request to learn the nonce it renders into its script tags: the
 * placeholder. Next takes the first nonce source of script-src.
 * @param {string} placeholder
 */
export function placeholderPolicyForNext(placeholder) {
  return `script-src 'nonce-${placeholder}'`;
}

/**
 * Replaces every occurrence of `placeholder` in a body streamed in chunks by `nonce` (the same length,
 * so a Content-Length stays right). An occurrence may straddle two chunks: the end of a chunk that could
 * begin one is held back until the next chunk (or `flush`). Chunks are never modified in place: a cached
 * page's Buffer is served again.
 * @param {string} placeholder
 * @param {string} nonce
 */
export function createNonceRewriter(placeholder, nonce) {
  const from = Buffer.from(placeholder);
  const to = Buffer.from(nonce);
  if (from.length !== to.length) throw new Error("the placeholder and the nonce must have the same length");
  /** @type {Buffer} */
  let held = Buffer.alloc(0);
  return {
    /** @param {Buffer} chunk @returns {Buffer} what may be sent now */
    push(chunk) {
      let data = held.length > 0 ? Buffer.concat([held, chunk]) : chunk;
      let at = data.indexOf(from);
      if (at !== -1) {
        data = Buffer.from(data);
        for (; at !== -1; at = data.indexOf(from, at + from.length)) to.copy(data, at);
      }
      const keep = partialMatchAtEnd(data, from);
      held = keep > 0 ? Buffer.from(data.subarray(data.length - keep)) : Buffer.alloc(0);
      return keep > 0 ? data.subarray(0, data.length - keep) : data;
    },
    /** What was held back: the body ended without the rest of a placeholder. */
    flush() {
      const rest = held;
      held = Buffer.alloc(0);
      return rest;
    },
  };
}

/** Length of the longest end of `data` that is a proper beginning of `pattern`. */
function partialMatchAtEnd(/** @type {Buffer} */ data, /** @type {Buffer} */ pattern) {
  for (let length = Math.min(pattern.length - 1, data.length); length > 0; length -= 1) {
    if (data.compare(pattern, 0, length, data.length - length, data.length) === 0) return length;
  }
  return 0;
}
