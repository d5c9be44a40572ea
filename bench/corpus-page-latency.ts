import pg from "pg";
import { CORPUS_CHANGED_CHANNEL } from "@/lib/page-cache/corpus-page-cache.mjs";
import { parallelsHref } from "@/lib/urls/app-urls";
import { startBenchApp, stopBenchApp } from "./bench-app";

/**
 * The pages' latency on a corpus, for the corpus benchmark (issue 15: at 1,000 essays within 1.5× of the same
 * page at 2, in the same run). Each page kind is asked for at up to ADDRESSES_PER_KIND distinct addresses, and
 * every answer timed is a render (no cache holds it), which is what a page costs after each ingest; the median
 * is reported. Two passes, both printed:
 * - right after the app starts: each address's first request in a new process. This also times V8 compiling
 *   the route's busy code on its first heavy inputs, which the 2-essay corpus's small pages never give it (a
 *   parallels view aligning 443 candidates cost 59, 34, 32, 17 ms on its first passes and 3 ms once optimised);
 * - after an ingest: the same addresses again, once the corpus-changed notification an ingest sends has emptied
 *   every cache (the ETag's generation moved): what a reader meets on a server that has been running, which is
 *   where readers meet Duizhao after an ingest (the app is not restarted to take one).
 * Issue 15's target is read on both: a page kind meets it when each pass does.
 * A page served again from the caches costs what a static file does (`npm run bench -- load`).
 */
const ADDRESSES_PER_KIND = 5;
const PORT = Number(process.env.DUIZHAO_BENCH_CORPUS_APP_PORT ?? 3331);
const BASE = `http://127.0.0.1:${PORT}`;
/** Words a reader searches the corpus for, and types into the catalogue. */
const TERMS = ["网络主权", "治理", "命运共同体", "数字", "安全"];
/** A word searched only to warm the search and catalogue routes, never measured. */
const WARM_UP_TERM = "政策";
export const PAGE_KINDS = ["home", "catalogue search", "reader", "side by side", "concept page", "search", "parallels"] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

async function json<T>(address: string): Promise<T> {
  const response = await fetch(BASE + address);
  if (!response.ok) throw new Error(`${address} answered ${response.status}`);
  return (await response.json()) as T;
}

interface Addresses {
  /** An address rendered once before any is measured and never measured: asked again to see a new corpus generation. */
  unmeasured: string;
  measured: Record<PageKind, string[]>;
  /**
   * Per kind, an address of the same route that is not measured and is kept apart from every measured one:
   * a query the page ignores would not do, as the page cache keeps a render by the keys the page reads.
   */
  warmUp: Record<PageKind, string | undefined>;
}

/**
 * Blocks of the catalogue's first essays that share words with another essay, with how many places: the first
 * essay's first, paragraphs (which the reader links) before notes, each in reading order. The 2 essays of the
 * baseline share no paragraph's words (only the notes citing the same works: publishers' names, an event's),
 * so their reader links no parallels view: the baseline times the views of those notes, the same route and code.
 */
async function blocksWithParallels(databaseUrl: string, slugs: readonly string[]): Promise<{ href: string; places: number }[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ slug: string; anchor: string; places: number }>(
      `select d.slug, p."blockAnchor" as anchor, p."parallelPlaces" as places
       from "PassageFingerprint" p join "Document" d on d.id = p."documentId"
       left join "Paragraph" pa on p."blockKind" = 'paragraph' and pa."documentId" = p."documentId" and pa.anchor = p."blockAnchor"
       left join "Footnote" f on p."blockKind" = 'footnote' and f."documentId" = p."documentId" and f.anchor = p."blockAnchor"
       where d.slug = any($1::text[]) and p."parallelPlaces" > 0 and p."blockKind" <> 'heading'
       order by array_position($1::text[], d.slug), p."blockKind" <> 'paragraph', coalesce(pa.ordinal, f.ordinal)
       limit $2`,
      [slugs, ADDRESSES_PER_KIND + 1],
    );
    return rows.map((row) => ({ href: parallelsHref(row.slug, row.anchor), places: row.places }));
  } finally {
    await client.end();
  }
}

/**
 * The concepts the corpus mentions, in dictionary order (at most ADDRESSES_PER_KIND): the concept pages to time.
 * Asked of the 2-essay baseline and timed on both corpora, so each is the same page with content at both sizes
 * (the dictionary's first concepts, timed before, are not mentioned by the baseline's 2 essays: their pages
 * there were empty, no counts and no concordance, against pages of 4,451 mentions at 1,003).
 */
export async function conceptsMentioned(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `select c.id from "Concept" c where exists (select 1 from "ConceptDocumentCount" k where k."conceptId" = c.id) order by c.ordinal limit $1`,
      [ADDRESSES_PER_KIND],
    );
    return rows.map((row) => row.id);
  } finally {
    await client.end();
  }
}

/** The addresses measured, from what the corpus holds: its first essays, the concepts given, and parallels. */
async function addressesOf(databaseUrl: string, conceptIds: readonly string[]): Promise<Addresses> {
  const { documents } = await json<{ documents: { slug: string }[] }>(`/api/documents?pageSize=${ADDRESSES_PER_KIND + 1}`);
  const slugs = documents.map((document) => document.slug);
  const { concepts } = await json<{ concepts: { id: string }[] }>("/api/concepts");
  // The first essay's reader is rendered once, unmeasured, as a reader opening it would (the readers measured are the next ones).
  await (await fetch(`${BASE}/read/${slugs[0]}`)).arrayBuffer();
  const withParallels = await blocksWithParallels(databaseUrl, slugs);
  console.log(`    parallels views timed: ${withParallels.slice(0, ADDRESSES_PER_KIND).map((block) => `${block.href} (${block.places} places)`).join(", ") || "none"}`);
  const parallels = withParallels.map((block) => block.href);
  const terms = TERMS.map((term) => encodeURIComponent(term));
  const warmTerm = encodeURIComponent(WARM_UP_TERM);
  const measured = {
    home: ["/"],
    "catalogue search": terms.map((term) => `/?q=${term}`),
    // The first essay's reader is already rendered (above): the others are measured.
    reader: slugs.slice(1, 1 + ADDRESSES_PER_KIND).map((slug) => `/read/${slug}`),
    "side by side": slugs.slice(1, 1 + ADDRESSES_PER_KIND).map((slug) => `/compare?left=${slugs[0]}&right=${slug}`),
    "concept page": conceptIds.map((id) => `/concepts/${id}`),
    search: terms.map((term) => `/search?q=${term}`),
    parallels: parallels.slice(0, ADDRESSES_PER_KIND),
  };
  const warmUp = {
    // The home page and the catalogue search are one route.
    home: `/?q=${warmTerm}`,
    "catalogue search": `/?q=${warmTerm}`,
    reader: undefined, // the first essay's reader, rendered above
    "side by side": slugs[1] === undefined ? undefined : `/compare?left=${slugs[1]}&right=${slugs[0]}`,
    // A concept not timed: the route's code is loaded by it.
    "concept page": ((id) => (id === undefined ? undefined : `/concepts/${id}`))(concepts.find((concept) => !conceptIds.includes(concept.id))?.id),
    search: `/search?q=${warmTerm}`,
    parallels: parallels[ADDRESSES_PER_KIND],
  };
  return { unmeasured: `/read/${slugs[0]}`, measured, warmUp };
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Per page kind, the median milliseconds of its renders (null: the corpus gave no address of that kind). */
export type PageLatencies = Record<PageKind, number | null>;

/** Both passes (see the top of this file): right after the app started, and after an ingest's notification. */
export interface PagePasses {
  afterStart: PageLatencies;
  afterIngest: PageLatencies;
}

/** Each page kind's renders timed on the corpus `databaseUrl` holds, in both passes. */
export async function measurePageLatencies(databaseUrl: string, corpusDir: string, conceptIds: readonly string[]): Promise<PagePasses> {
  const app = await startBenchApp({ port: PORT, databaseUrl, corpusDir });
  try {
    const { unmeasured, measured, warmUp } = await addressesOf(databaseUrl, conceptIds);
    const afterStart = {} as PageLatencies;
    for (const kind of PAGE_KINDS) {
      // A first request of a route loads and compiles its code: in the same run, the 2-essay corpus's first
      // page of each kind paid that and the larger corpus's did not (home at 2 essays took 2 s). The route
      // is warmed by an address of the same route that is not measured and is kept under its own address,
      // so every measured answer is still a first render.
      const warm = warmUp[kind];
      if (warm !== undefined) await (await fetch(BASE + warm)).arrayBuffer();
      afterStart[kind] = median(await timeRenders(measured[kind]));
    }
    await announceCorpusChanged(databaseUrl, unmeasured);
    const afterIngest = {} as PageLatencies;
    for (const kind of PAGE_KINDS) afterIngest[kind] = median(await timeRenders(measured[kind]));
    return { afterStart, afterIngest };
  } finally {
    await stopBenchApp(app);
  }
}

/** Milliseconds each address took to answer, every one a render (an answer from a cache is an error here). */
async function timeRenders(addresses: readonly string[]): Promise<number[]> {
  const times: number[] = [];
  for (const address of addresses) {
    const started = performance.now();
    const response = await fetch(BASE + address);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${address} answered ${response.status}`);
    // A kept answer would time the cache, not a render (serve-next marks what it serves from memory).
    if (response.headers.get("x-duizhao-render") === "kept") throw new Error(`${address} was served from the kept renders, not rendered`);
    times.push(performance.now() - started);
  }
  return times;
}

/** How long the app may take to hear the notification: it arrives in milliseconds on its listening connection. */
const NOTIFICATION_WAIT_MS = 10_000;

/**
 * Sends the notification an ingest sends when it commits (lib/db/load-document.ts), and returns once the app has
 * emptied its caches: `probe` (rendered before, never measured) then answers a conditional request with the
 * page's old ETag by a new page, not 304, since the ETag names the corpus generation.
 */
async function announceCorpusChanged(databaseUrl: string, probe: string): Promise<void> {
  const current = await fetch(BASE + probe);
  await current.arrayBuffer();
  const before = current.headers.get("etag");
  if (before === null) throw new Error(`${probe} carries no ETag: the corpus generation cannot be watched`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("select pg_notify($1, $2)", [CORPUS_CHANGED_CHANNEL, "bench: after an ingest"]);
  } finally {
    await client.end();
  }
  const deadline = performance.now() + NOTIFICATION_WAIT_MS;
  while (performance.now() < deadline) {
    const response = await fetch(BASE + probe, { headers: { "if-none-match": before } });
    await response.arrayBuffer();
    if (response.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the app did not empty its caches within ${NOTIFICATION_WAIT_MS} ms of the corpus-changed notification`);
}

/** One line per page kind: at the corpus's size, against the same page at 2 essays (target ≤ 1.5×). */
export function printPageLatencies(size: number, passes: PagePasses, baseline: PagePasses): void {
  console.log("   after an ingest (a running server, every cache emptied by the notification):");
  printPass(size, passes.afterIngest, baseline.afterIngest);
  console.log("   right after the app starts (each address's first request in a new process):");
  printPass(size, passes.afterStart, baseline.afterStart);
}

function printPass(size: number, latencies: PageLatencies, baseline: PageLatencies): void {
  for (const kind of PAGE_KINDS) {
    const [now, then] = [latencies[kind], baseline[kind]];
    const ratio = now !== null && then !== null ? now / then : null;
    console.log(
      `    ${kind}: median render ${now === null ? "—" : `${now.toFixed(0)} ms`} at ${size} essays, ${then === null ? "—" : `${then.toFixed(0)} ms`} at 2` +
        (ratio === null ? " (no address of this kind)" : ` → ${ratio.toFixed(2)}× (target ≤ 1.5× at 1,000: ${ratio <= 1.5 ? "met" : "not met"})`),
    );
  }
}
