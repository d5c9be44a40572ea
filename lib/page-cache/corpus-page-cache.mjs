// @ts-check
/**
 * Next.js's cache handler for rendered pages (`cacheHandler` in next.config.ts), kept in memory and
 * emptied whenever the corpus changes.
 *
 * Every cached page is rendered from the corpus, so one signal is enough: an ingest that commits sends
 * `NOTIFY duizhao_corpus_changed` from inside its transaction (lib/db/load-document.ts), and this
 * handler, listening on its own connection, drops everything it holds. Reading the corpus version on
 * every request instead cost a database round trip (and a middleware hop) per page view.
 *
 * Plain JavaScript: Next loads this file at run time with Node's own `import`, outside its bundler.
 */
import pg from "pg";

export const CORPUS_CHANGED_CHANNEL = "duizhao_corpus_changed";

/** Upper bound on what the cache holds (HTML + RSC payloads); the least recently served go first. */
function byteBudget() {
  const bytes = Number(process.env.DUIZHAO_PAGE_CACHE_BYTES);
  return Number.isFinite(bytes) && bytes > 0 ? bytes : 256 * 1024 * 1024;
}
const RECONNECT_MS = 2000;

/**
 * Module state, not instance state: Next creates a handler per request.
 * @type {{
 *   entries: Map<string, { stored: { lastModified: number, value: any, cacheControl?: any }, bytes: number }>,
 *   bytes: number,
 *   generation: number,
 *   listening: boolean,
 *   client: pg.Client | null,
 *   misses: Map<string, number>,
 *   warned: boolean,
 *   unreachable: string | null,
 * }}
 */
const state = { entries: new Map(), bytes: 0, generation: 0, listening: false, client: null, misses: new Map(), warned: false, unreachable: null };

function invalidate() {
  state.generation += 1;
  state.entries.clear();
  state.bytes = 0;
  state.misses.clear();
}

function listen() {
  const url = process.env.DATABASE_URL;
  // `next build` renders without a database (and must not be kept alive by a connection).
  if (!url || state.client || process.env.NEXT_PHASE === "phase-production-build") return;
  const client = new pg.Client({ connectionString: url, application_name: "duizhao page cache" });
  state.client = client;
  const lost = (/** @type {unknown} */ error) => {
    if (state.client !== client) return;
    // Notifications may have been missed while the connection was down: nothing cached can be trusted.
    state.listening = false;
    state.client = null;
    invalidate();
    state.unreachable = error instanceof Error ? error.message || String(error) : "the connection to the database closed";
    if (error && !state.warned) {
      state.warned = true;
      console.warn(`duizhao: page cache off until the database answers again (${error instanceof Error ? error.message : String(error)})`);
    }
    client.end().catch(() => {});
    setTimeout(listen, RECONNECT_MS).unref();
  };
  client.on("notification", invalidate);
  client.on("error", lost);
  client.on("end", () => lost(null));
  client
    .connect()
    .then(() => client.query(`LISTEN ${CORPUS_CHANGED_CHANNEL}`))
    .then(() => {
      if (state.client !== client) return;
      invalidate();
      state.listening = true;
      state.warned = false;
      state.unreachable = null;
    })
    .catch(lost);
}

/** Next encodes a string body on every response; a Buffer is written as it is (the same bytes). */
function storable(/** @type {any} */ value) {
  if (value?.kind === "APP_PAGE" && typeof value.html === "string") return { ...value, html: Buffer.from(value.html) };
  return value;
}

function sizeOf(/** @type {any} */ value) {
  let bytes = 0;
  for (const part of [value?.html, value?.rscData, value?.body]) if (part && typeof part.length === "number") bytes += part.length;
  if (value?.segmentData instanceof Map) for (const segment of value.segmentData.values()) bytes += segment.length ?? 0;
  return bytes;
}

export default class CorpusPageCache {
  constructor() {
    listen();
  }

  /** @param {string} key */
  async get(key) {
    if (!state.listening) return null;
    const entry = state.entries.get(key);
    if (!entry) {
      // What this render will read is the corpus as of now: remember when, so `set` can tell.
      state.misses.set(key, state.generation);
      return null;
    }
    state.entries.delete(key);
    state.entries.set(key, entry);
    return entry.stored;
  }

  /**
   * @param {string} key
   * @param {any} value
   * @param {{ cacheControl?: unknown }} [context]
   */
  async set(key, value, context) {
    const generation = state.misses.get(key);
    state.misses.delete(key);
    // A render that began before the corpus changed is not kept.
    if (!state.listening || value == null || generation !== state.generation) return;
    const stored = { lastModified: Date.now(), value: storable(value), cacheControl: context?.cacheControl };
    const bytes = sizeOf(stored.value);
    const previous = state.entries.get(key);
    if (previous) state.bytes -= previous.bytes;
    state.entries.delete(key);
    state.entries.set(key, { stored, bytes });
    state.bytes += bytes;
    const budget = byteBudget();
    for (const [oldest, entry] of state.entries) {
      if (state.bytes <= budget || oldest === key) break;
      state.entries.delete(oldest);
      state.bytes -= entry.bytes;
    }
  }

  async revalidateTag() {
    invalidate();
  }

  resetRequestCache() {}
}

/** Whether the cache is on: it keeps nothing until it listens for corpus changes. */
export function isListening() {
  return state.listening;
}

/**
 * The corpus generation pages are rendered from, for HTTP entity tags (lib/http/http-caching.mjs): it
 * advances with every ingest's notification; null while not listening, when a change could go unseen.
 */
export function corpusGeneration() {
  return state.listening ? state.generation : null;
}

/**
 * Why the database cannot be reached, as this handler's listening connection last found (null: it is
 * listening, or has not tried yet). scripts/serve-next.mjs answers pages 503 while this is set.
 */
export function databaseUnreachable() {
  return state.unreachable;
}

/** Opens the listening connection now rather than at the first page (the web server, at start). */
export function startListening() {
  listen();
}

/** Closes the listening connection (tests, before their database is dropped); the cache is off after. */
export async function stopListening() {
  const client = state.client;
  state.client = null;
  state.listening = false;
  invalidate();
  await client?.end().catch(() => {});
}
