// @ts-check
/**
 * A kept page made into fixed bytes whose scripts the Content-Security-Policy allows by their hashes, not
 * by a nonce: then the page is the same byte string in every response, and goes out in brotli compressed
 * once, as a static file does.
 *
 * Why: a page with a per-response nonce can only be kept as gzip with the nonce spliced in per response
 * (nonce-spliced-gzip.mjs; brotli cannot be spliced), two to three times the bytes of its brotli; under a
 * crowd those bytes were what held the reader and side by side to half a static file's throughput.
 * Reusing one nonce for every response would weaken the policy; a hash allows one exact script text and
 * nothing else, so the policy stays as strict: no 'unsafe-inline', 'strict-dynamic' kept.
 *
 * Which scripts are allowed: only those Next wrote, known by the secret placeholder nonce Next renders
 * into its own script tags (lib/http/security-headers.mjs). Text from the corpus or from an address cannot
 * carry it, so a script injected into a page is never hashed and stays refused, as under the nonce. Every
 * placeholder left in the page (other tags' nonce attributes, the React payload's resource hints) becomes an
 * inert filler that no policy names: the secret never leaves the process.
 *
 * Next's external scripts (`<script src async nonce>`) are parser-inserted: under 'strict-dynamic' only a
 * nonce could allow them (a hash allows an external script only by its integrity attribute, which not every
 * browser honours). So they are loaded by a small inline loader, allowed by its hash, that inserts the
 * same elements (same src, async, nomodule), which 'strict-dynamic' allows as scripts a trusted script added.
 * The head's scripts are loaded from the end of the head: there React's hydration of the head never meets
 * the loader (an inline script earlier in the head would be taken for the layout's own theme script); the
 * body's, which follow the page's content among Next's bootstrap scripts, from where they stood. Next's
 * preload hints for scripts (`<link rel="preload" as="script" nonce>`) are refused as parser-inserted
 * fetches under 'strict-dynamic' without their nonce (Chromium reports a violation), so the head's loader
 * adds them too, as the same link elements. An inline script waits for the stylesheets above it to load, so
 * Next's stylesheet links (at the top of the head) move to just after the loader, in their order: the
 * scripts are then asked for with the stylesheets, as the preload scanner asked for them from Next's tags,
 * not a round trip later (measured at Lighthouse's mobile throttling: 0.6–0.9 s later). The head's
 * stylesheets block rendering wherever they stand in it; where the head has an inline style, whose cascade
 * order a move would change, they stay.
 *
 * When the page has any script of Next's this does not know how to keep to the same meaning (another
 * attribute, a blocking external script, an address elsewhere, a carriage return or NUL the HTML parser
 * would change before hashing), nothing is changed and the caller keeps the nonce (`refused` says why).
 *
 * Pure (node:crypto only; loaded by scripts/serve-next.mjs outside any bundler); unit-tested.
 */
import { createHash } from "node:crypto";

/**
 * What a placeholder nonce becomes in a fixed page: the same length (so no length inside the React payload
 * changes), and never a nonce any response names (a nonce is base64; "-" and "." are not in its alphabet).
 * @param {number} length
 */
export function inertNonce(length) {
  return "no-nonce.".padEnd(length, "-").slice(0, length);
}

/** Attributes of Next's script tags this keeps to the same meaning; any other and the page keeps its nonce. */
const INLINE_ATTRIBUTES = new Set(["nonce", "id"]);
const EXTERNAL_ATTRIBUTES = new Set(["nonce", "src", "async", "nomodule"]);
/** A same-origin path with nothing to escape in an attribute or a script: what Next writes for its chunks. */
const SAME_ORIGIN_PATH = /^\/(?!\/)[A-Za-z0-9/._~%-]+$/u;

/** Attributes of Next's script preload hints this recreates; any other and the page keeps its nonce. */
const PRELOAD_ATTRIBUTES = new Set(["rel", "as", "href", "nonce", "fetchpriority"]);

/**
 * @typedef {{ start: number, end: number, src: string, noModule: boolean, inHead: boolean }} ExternalScript
 * @typedef {{ start: number, end: number, href: string, fetchPriority: string | null }} ScriptPreload
 * @typedef {{ body: Buffer, scriptHashes: string[] }} HashAllowedPage
 */

/**
 * The page with its scripts allowed by hash: the body to keep and serve to everyone, and the hash sources
 * of the policy to send with it (each script Next wrote inline, and each loader), in document order, once each.
 * @param {Uint8Array} body the page as Next wrote it (UTF-8 HTML)
 * @param {Uint8Array} placeholder the placeholder nonce Next rendered into it
 * @returns {HashAllowedPage | { refused: string }}
 */
export function hashAllowedPage(body, placeholder) {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  // latin1: one character per byte, so every index below is a byte offset and every slice the bytes themselves.
  const original = bytes.toString("latin1");
  const secret = Buffer.from(placeholder).toString("latin1");
  if (!secret || !original.includes(secret)) return { refused: "the page carries no placeholder nonce" };
  const text = original.replaceAll(secret, inertNonce(secret.length));
  const headEnd = original.search(/<\/head\s*>/iu);
  if (headEnd === -1) return { refused: "the page has no </head>" };

  /** @type {ScriptPreload[]} */
  const preloads = [];
  /** @type {{ start: number, end: number }[]} */
  const stylesheets = [];
  const links = /<link(?=[\s/>])/giu;
  for (let match = links.exec(original); match; match = links.exec(original)) {
    const end = original.indexOf(">", match.index) + 1;
    if (end === 0) return { refused: "a link tag is not closed" };
    const attributes = attributesOf(original.slice(match.index + "<link".length, end - 1));
    const rel = attributes.get("rel")?.toLowerCase();
    const forScript = rel === "modulepreload" || (rel === "preload" && attributes.get("as")?.toLowerCase() === "script");
    // Stylesheets and other hints are fetched under style-src, font-src…: their inert nonce changes nothing.
    if (attributes.get("nonce") === secret && rel === "stylesheet" && end <= headEnd) stylesheets.push({ start: match.index, end });
    if (attributes.get("nonce") !== secret || !forScript) continue;
    const names = [...attributes.keys()];
    const href = attributes.get("href") ?? "";
    if (rel !== "preload" || names.some((name) => !PRELOAD_ATTRIBUTES.has(name))) return { refused: `a script preload has attributes ${names.join(", ")}` };
    if (!SAME_ORIGIN_PATH.test(href)) return { refused: `${href} is not a plain same-origin path` };
    if (end > headEnd) return { refused: `the preload of ${href} is not in the head` };
    preloads.push({ start: match.index, end, href, fetchPriority: attributes.get("fetchpriority") ?? null });
  }

  /** @type {{ start: number, end: number }[]} */
  const inline = [];
  /** @type {ExternalScript[]} */
  const external = [];
  const tags = /<script(?=[\s/>])/giu;
  for (let match = tags.exec(original); match; match = tags.exec(original)) {
    const start = match.index;
    const tagEnd = original.indexOf(">", start);
    if (tagEnd === -1) return { refused: "a script tag is not closed" };
    const attributes = attributesOf(original.slice(start + "<script".length, tagEnd));
    const closing = /<\/script[\s/>]/giu;
    closing.lastIndex = tagEnd + 1;
    const close = closing.exec(original);
    if (!close) return { refused: "a script element is not closed" };
    const end = original.indexOf(">", close.index) + 1;
    tags.lastIndex = end;
    // Not Next's: left as it is, and allowed by nothing it was not allowed by before.
    if (attributes.get("nonce") !== secret) continue;
    const names = [...attributes.keys()];
    if (!attributes.has("src")) {
      if (names.some((name) => !INLINE_ATTRIBUTES.has(name))) return { refused: `an inline script has attributes ${names.join(", ")}` };
      const content = text.slice(tagEnd + 1, close.index);
      if (/[\r\0]/u.test(content)) return { refused: "an inline script holds a carriage return or NUL, which the HTML parser changes before hashing" };
      inline.push({ start: tagEnd + 1, end: close.index });
      continue;
    }
    const src = attributes.get("src") ?? "";
    const noModule = attributes.has("nomodule");
    if (names.some((name) => !EXTERNAL_ATTRIBUTES.has(name))) return { refused: `an external script has attributes ${names.join(", ")}` };
    if (!attributes.has("async") && !noModule) return { refused: `${src} blocks the parser, which a loaded script cannot` };
    if (!SAME_ORIGIN_PATH.test(src)) return { refused: `${src} is not a plain same-origin path` };
    if (close.index !== tagEnd + 1) return { refused: `${src} has inline text` };
    external.push({ start, end, src, noModule, inHead: end <= headEnd });
  }

  const sources = inline.map(({ start, end }) => hashSource(Buffer.from(text.slice(start, end), "latin1")));
  // The page rebuilt: external scripts cut out, a loader at the end of the head and at each run in the body.
  const parts = [];
  let at = 0;
  /** @param {number} to */
  const copyTo = (to) => {
    parts.push(text.slice(at, to));
    at = to;
  };
  /** @param {ExternalScript[]} scripts @param {ScriptPreload[]} hints */
  const loader = (scripts, hints = []) => {
    const script = loaderScript(scripts, hints);
    sources.push(hashSource(Buffer.from(script, "latin1")));
    parts.push(`<script>${script}</script>`);
  };
  const inHead = external.filter((script) => script.inHead);
  const loadsInHead = inHead.length > 0 || preloads.length > 0;
  const moved = loadsInHead && !/<style[\s>]/iu.test(original.slice(0, headEnd)) ? stylesheets : [];
  for (const { start, end } of [...inHead, ...preloads, ...moved].sort((a, b) => a.start - b.start)) {
    copyTo(start);
    at = end;
  }
  copyTo(headEnd);
  if (loadsInHead) loader(inHead, preloads);
  for (const { start, end } of moved) parts.push(text.slice(start, end));
  const inBody = external.filter((script) => !script.inHead);
  for (let index = 0; index < inBody.length; ) {
    const run = [inBody[index]];
    while (index + run.length < inBody.length && inBody[index + run.length]?.start === run.at(-1)?.end) run.push(inBody[index + run.length]);
    const scripts = /** @type {ExternalScript[]} */ (run);
    copyTo(scripts[0]?.start ?? at);
    loader(scripts);
    at = scripts.at(-1)?.end ?? at;
    index += scripts.length;
  }
  copyTo(text.length);
  return { body: Buffer.from(parts.join(""), "latin1"), scriptHashes: [...new Set(sources)] };
}

/**
 * The loader of some external scripts and script preloads: inserts before itself, in order, a link element
 * for each preload (rel, as, href, fetchpriority as Next's had them) and a script element for each script, as
 * Next's tag had it (src, async; nomodule kept, so a browser with modules still skips the legacy file).
 * @param {readonly Pick<ExternalScript, "src" | "noModule">[]} scripts
 * @param {readonly Pick<ScriptPreload, "href" | "fetchPriority">[]} [preloads]
 */
export function loaderScript(scripts, preloads = []) {
  const hints = JSON.stringify(preloads.map(({ href, fetchPriority }) => (fetchPriority ? [href, fetchPriority] : [href])));
  const list = JSON.stringify(scripts.map(({ src, noModule }) => (noModule ? [src, 1] : [src])));
  return (
    `(function(p,l,c){var d=document,i,e;for(i=0;i<p.length;i++){e=d.createElement("link");e.rel="preload";e.as="script";` +
    `e.href=p[i][0];if(p[i][1])e.setAttribute("fetchpriority",p[i][1]);c.parentNode.insertBefore(e,c)}` +
    `for(i=0;i<l.length;i++){e=d.createElement("script");e.src=l[i][0];e.async=true;` +
    `if(l[i][1])e.noModule=true;c.parentNode.insertBefore(e,c)}})(${hints},${list},document.currentScript)`
  );
}

/**
 * CSP's hash source for an inline script whose text is these bytes (UTF-8, as the browser hashes it).
 * @param {Uint8Array} script
 */
function hashSource(script) {
  return `'sha256-${createHash("sha256").update(script).digest("base64")}'`;
}

/**
 * A start tag's attributes, by lower-case name (the first of a repeated name, as the HTML parser keeps it),
 * their values as written (React writes no character reference in these).
 * @param {string} inside what stands between `<script` and `>`
 */
function attributesOf(inside) {
  /** @type {Map<string, string>} */
  const attributes = new Map();
  const pattern = /([^\s"'=<>`/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/gu;
  for (let match = pattern.exec(inside); match; match = pattern.exec(inside)) {
    const name = (match[1] ?? "").toLowerCase();
    if (!attributes.has(name)) attributes.set(name, match[2] ?? match[3] ?? match[4] ?? "");
  }
  return attributes;
}
