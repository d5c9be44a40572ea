/**
 * `npm run bench -- fuzz`: a fuzz of every route as an outsider would run it, against the app as `npm start`
 * serves it (its own app and embedded database, or the running app at DUIZHAO_FUZZ_URL). Every route template
 * with hostile path segments; every query key the app knows (lib/urls/url-grammar.ts) and some it does not,
 * with values at their type's edges, repeated and as arrays; every method; odd Host, Accept, Accept-Encoding,
 * Range, conditional, Content-Type and Content-Length headers and bodies; Next.js's RSC and action headers;
 * `/_next/…` junk; HTTP/1.0, HTTP/0.9, absolute and asterisk targets, pipelining. Requests go out over raw
 * sockets (raw-http-exchange.ts), exactly as written.
 *
 * Fails (non-zero exit) on any response ≥ 500, any answer slower than 10 s (a hang), any connection closed
 * with no answer at all, and any answer without the security headers, printing each such request exactly. Bounded: some 6,000 requests systematically,
 * then DUIZHAO_FUZZ_RANDOM (2000) drawn by fast-check from DUIZHAO_FUZZ_SEED; DUIZHAO_FUZZ_CONCURRENCY (4).
 *
 * Then what single requests cannot show (bench/edge-stress.ts, about 3 min; DUIZHAO_FUZZ_STRESS=0 leaves it out, =1 runs
 * it with DUIZHAO_FUZZ_ONLY too):
 * the current tag on every page kind (304 with the security headers), slow and idle clients holding hundreds of
 * connections while others are served, and every page kind asked for while `npm run ingest` re-loads an essay
 * (never 5xx, never the old text once the ingest has returned). Against a running app (DUIZHAO_FUZZ_URL) the ingest
 * part needs that app's database as DUIZHAO_FUZZ_DATABASE_URL.
 */
import fc from "fast-check";
import * as grammar from "../lib/urls/url-grammar";
import fs from "node:fs/promises";
import path from "node:path";
import { startBenchApp, stopBenchApp } from "./bench-app";
import { conditionalOnEveryPageKind, ingestWhileServing, slowClients } from "./edge-stress";
import { rawExchange, requestBytes, type RawExchange } from "./raw-http-exchange";

/** An answer slower than this is a hang (the issue's bar: "any hang > 10 s"). */
const HANG_MS = 10_000;
const RANDOM_CASES = Number(process.env.DUIZHAO_FUZZ_RANDOM ?? 2000);
const SEED = Number(process.env.DUIZHAO_FUZZ_SEED ?? 20261206);
/** Four at once: enough to overlap the server's waits on a 2-core machine without starving it. */
const CONCURRENCY = Number(process.env.DUIZHAO_FUZZ_CONCURRENCY ?? 4);
/** Hostile values per query key and route (DUIZHAO_FUZZ_VALUES_PER_KEY): 3 keeps the systematic part near 14,000 requests. */
const VALUES_PER_KEY = Number(process.env.DUIZHAO_FUZZ_VALUES_PER_KEY ?? 3);

interface FuzzCase {
  kind: string;
  /** The request as sent, for the report (bytes shown as JSON-escaped latin1, truncated). */
  bytes: Buffer | Buffer[];
  /** Our side of the connection closed once the request is sent. */
  halfClose?: boolean;
  expectedResponses?: number;
}

interface Corpus {
  /** One of Next's hashed scripts, as the home page names it (kept in memory by the edge). */
  asset: string;
  slugs: string[];
  anchors: string[];
  concepts: string[];
  sources: string[];
}

const METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "PROPFIND", "FOO", "get", "M-SEARCH", "PRI", "QUERY"];

/** Path segments an attacker or a broken client sends. */
const HOSTILE_SEGMENTS = [
  "%", "%%", "%Z", "%ZZ", "%E4%B8", "%E4", "%C0%AF", "%C0%80", "%E0%80%AF", "%F0%80%80%AF", "%ED%A0%80", "%ED%BF%BF", "%ED%A0%80%ED%B0%80",
  "%F4%90%80%80", "%FF", "%FE%FF", "%00", "%01", "%0A", "%0D%0A", "%7F", "%C2%85", "%E2%80%A8", "%EF%BF%BF", "%EF%BB%BF", "%F0%9F%98%80",
  "..", ".", "%2e%2e", "%2E%2E", "..%2f", "..%2F..%2Fetc%2Fpasswd", "%2F", "%5C", "..%5C", "%252e%252e", "%25", "%2525",
  "%3Cscript%3E", "%22%27", "'", "\"", "%60", "(", ")", "~", "-", "_", "--", "a--b", "-a", "a-", "A", "UPPER-Case", "null", "undefined",
  "__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "index", "page", "query", "api", "_next", "favicon.ico",
  "a".repeat(81), "a".repeat(129), "a".repeat(3000), "%E7%BD%91".repeat(400), "x".repeat(8 * 1024), "1", "0", "-1", "1e309", "NaN",
  "%E7%BD%91%E7%BB%9C%E4%B8%BB%E6%9D%83", "%EF%BC%90%EF%BC%91", "p-1", "n-0", "h-00000000", "src-", "src-zz", "%20", "+", "a+b", ";", ";a=b",
  "a;jsessionid=1", "%3B", "%23", "%3F", "?", "@", ":", "a:b", "*", "$", "!", "&", "=",
];

/** Query values at their type's edges. */
const HOSTILE_VALUES = [
  "", "-1", "0", "1", "2", "1.5", "1e3", "1e309", "-1e309", "NaN", "Infinity", "-0", "0x10", "0b1", "0o7", "+1", " 1", "1 ", "%201", "1%20",
  "%EF%BC%90%EF%BC%91", "9007199254740992", "9007199254740993", "99999999999999999999", "10000", "10001", "100", "101",
  "%", "%ZZ", "%E4%B8", "%C0%AF", "%ED%A0%80", "%00", "%0A", "%7F", "%FF", "true", "false", "null", "undefined", "[]", "{}", "%5B%5D",
  "__proto__", "constructor", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%22%27%3E", "a".repeat(300), "%E7%BD%91".repeat(300),
  "x".repeat(8 * 1024), "1-2", "2-1", "0-0", "-", "1-", "-1-2", "left:p-1", "right:p-1:0-5:cyber-sovereignty", "x:y:z:w:v", "a,b,c", ",,,",
  "document", "position", "left", "right", "asc", "desc", "bibtex", "ris", "csl-json", "children", "parents", "application%2Ftei%2Bxml",
  "http%3A%2F%2Fevil.example%2F", "..%2F..%2F", "%E7%BD%91%E7%BB%9C%E4%B8%BB%E6%9D%83", "+++", "%2B",
];

/** Query keys: every key the app's URLs use, and some no route reads. */
function queryKeys(): string[] {
  const keys = new Set<string>();
  for (const value of Object.values(grammar)) {
    if (value && typeof value === "object" && !Array.isArray(value) && !(value instanceof RegExp)) {
      for (const key of Object.values(value as Record<string, unknown>)) if (typeof key === "string" && !key.startsWith("/")) keys.add(key);
    }
  }
  for (const extra of ["_rsc", "__proto__", "constructor", "zz", "%", "%00", "", "[]", "left[]", "page[]", "q[0]", "c[a]", "nxtPslug", "nxtIslug", "__nextLocale", "__nextDefaultLocale", "__nextDataReq", "amp"]) keys.add(extra);
  return [...keys];
}

/** Every route the app answers, with {slug}, {anchor}, {concept}, {source} standing for real values. */
const TEMPLATES = [
  "/",
  "/read/{slug}",
  "/read/{slug}/query",
  "/read/{slug}/anchors/{anchor}",
  "/read/{slug}/parallels/{anchor}",
  "/compare",
  "/compare/{slug}/{slug2}",
  "/concepts",
  "/concepts/{concept}",
  "/sources",
  "/sources/{source}",
  "/search",
  "/bibliography",
  "/api/og",
  "/api/links",
  "/api/search",
  "/api/concepts",
  "/api/concepts/{concept}",
  "/api/documents",
  "/api/documents/{slug}",
  "/api/documents/{slug}/pdf",
  "/api/sources",
  "/api/sources/{source}",
  "/api/export/bibliography",
  "/api/export/pinpoint",
  "/api/export/sources/{source}",
  "/api/export/documents/{slug}",
  "/api/export/documents/{slug}/tei",
  "/api/export/corpus/tei",
  "/api/annotations/documents/{slug}",
  "/api/annotations/documents/{slug}/passage",
  "/api/dts",
  "/api/dts/collection",
  "/api/dts/navigation",
  "/api/dts/document",
  "/api/health",
  "/api/health/live",
  "/api/health/ready",
  "/api/pdfjs/5.6.205/build/pdf.worker.min.mjs",
  "/api/pdfjs/{anchor}/{anchor}",
];

/** Addresses outside the routes: Next's own, static files, and what scanners ask for. */
const EDGE_PATHS = [
  "/_next", "/_next/", "/_next/static", "/_next/static/", "/_next/static/chunks/x.js", "/_next/static/chunks/%", "/_next/static/chunks/..%2F..%2Fpackage.json",
  "/_next/static/../../package.json", "/_next/static/%2e%2e/%2e%2e/package.json", "/_next/image", "/_next/image?url=%2Ficon.svg&w=64&q=75",
  "/_next/image?url=http%3A%2F%2Fevil.example%2Fx.png&w=64&q=75", "/_next/image?url=%2F&w=1e309&q=-1", "/_next/image?url=%&w=%&q=%",
  "/_next/data/x/index.json", "/_next/data/%/x.json", "/_next/webpack-hmr", "/__nextjs_original-stack-frame", "/__nextjs_original-stack-frames",
  "/__nextjs_launch-editor", "/__nextjs_source-map", "/_next/static/development/_buildManifest.js", "/_error", "/_not-found", "/_app", "/_document",
  "/404", "/500", "/api", "/api/", "/api/x", "/api/%", "/icon.svg", "/icon.svg/x", "/icon.svg%00", "/favicon.ico", "/robots.txt", "/sitemap.xml",
  "/manifest.webmanifest", "/.env", "/.git/config", "/../etc/passwd", "/..%2f..%2fetc%2fpasswd", "/%2e%2e/%2e%2e/etc/passwd", "//", "///",
  "//evil.example", "/\\evil.example", "/%5Cevil.example", "/read", "/read/", "/read//", "/READ/x", "/Read/x", "/compare/", "/compare/a",
  "/compare/a/b/c", "/concepts/", "/concepts/a/b", "/sources/a/b", "/search/x", "/bibliography/x", "/index", "/index.html", "/page",
  "/__bench", "/__bench/", "/__bench/%", "/?", "/??", "/?&&", "/?=", "/?==&=", "/#x", "/?#", "/%3F", "/;", "/;x", "/.", "/./read",
  "/read/./x", "/read/../api/health", "/read/%2e/x", "/*", "/~", "/.well-known/security.txt", "/.well-known/%",
];

/** Odd header sets, each sent to a page, the API and a static file. */
function oddHeaderSets(): [string, [string, string][]][] {
  const long = "a".repeat(7000);
  return [
    ["host empty", [["Host", ""]]],
    ["host evil", [["Host", "evil.example"]]],
    ["host port junk", [["Host", "localhost:99999"]]],
    ["host bracket", [["Host", "[::1"]]],
    ["host long", [["Host", "a".repeat(4000)]]],
    ["host latin1", [["Host", "h\xe9st"]]],
    ["host with path", [["Host", "localhost/../x"]]],
    ["two hosts", [["Host", "a"], ["Host", "b"]]],
    ["x-forwarded junk", [["X-Forwarded-Host", "%"], ["X-Forwarded-Proto", "gopher"], ["X-Forwarded-For", "%00"], ["X-Forwarded-Port", "-1"]]],
    ["forwarded junk", [["Forwarded", "for=\"[;;;\";proto=%;host=\""]]],
    ["accept json", [["Accept", "application/json"]]],
    ["accept junk", [["Accept", ";;;q=x,*/*;q=NaN,text/x-component"]]],
    ["accept long", [["Accept", long]]],
    ["accept rsc", [["Accept", "text/x-component"]]],
    ["accept-encoding junk", [["Accept-Encoding", "br;q=NaN, gzip;q=-1, *;q=2, zstd, identity;q=0"]]],
    ["accept-encoding none", [["Accept-Encoding", "identity;q=0, *;q=0"]]],
    ["accept-encoding long", [["Accept-Encoding", `${"x, ".repeat(2000)}gzip`]]],
    ["accept-encoding br", [["Accept-Encoding", "br"]]],
    ["accept-encoding gzip", [["Accept-Encoding", "gzip"]]],
    ["accept-encoding deflate", [["Accept-Encoding", "deflate"]]],
    ["accept-language junk", [["Accept-Language", "%;q=x,,,zz-ZZZZZZZZZZ"]]],
    ["range first", [["Range", "bytes=0-0"]]],
    ["range past end", [["Range", "bytes=99999999-"]]],
    ["range suffix", [["Range", "bytes=-1"]]],
    ["range reversed", [["Range", "bytes=5-1"]]],
    ["range many", [["Range", `bytes=${Array.from({ length: 500 }, (_, i) => `${i}-${i}`).join(",")}`]]],
    ["range junk", [["Range", "lines=1-2"]]],
    ["range nan", [["Range", "bytes=NaN-1e309"]]],
    ["if-range junk", [["Range", "bytes=0-10"], ["If-Range", "junk"]]],
    ["if-none-match star", [["If-None-Match", "*"]]],
    ["if-none-match junk", [["If-None-Match", "\""]]],
    ["if-none-match weak", [["If-None-Match", "W/\"x\", \"y\", W/"]]],
    ["if-none-match long", [["If-None-Match", Array.from({ length: 300 }, (_, i) => `"${i}"`).join(", ")]]],
    ["if-modified-since junk", [["If-Modified-Since", "yesterday"]]],
    ["if-modified-since future", [["If-Modified-Since", "Fri, 31 Dec 9999 23:59:59 GMT"]]],
    ["if-modified-since epoch", [["If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT"]]],
    ["if-match", [["If-Match", "\"nope\""]]],
    ["if-unmodified-since", [["If-Unmodified-Since", "Thu, 01 Jan 1970 00:00:00 GMT"]]],
    ["content-type junk", [["Content-Type", "multipart/form-data; boundary="]]],
    ["content-type json", [["Content-Type", "application/json"]]],
    ["cookie junk", [["Cookie", "%=%; __prerender_bypass=x; __next_preview_data=%; NEXT_LOCALE=%00"]]],
    ["cookie long", [["Cookie", `a=${long}`]]],
    ["rsc", [["RSC", "1"]]],
    ["rsc junk", [["RSC", "%"]]],
    ["rsc prefetch", [["RSC", "1"], ["Next-Router-Prefetch", "1"]]],
    ["rsc segment prefetch", [["RSC", "1"], ["Next-Router-Prefetch", "1"], ["Next-Router-Segment-Prefetch", "/_tree"]]],
    ["rsc segment prefetch junk", [["RSC", "1"], ["Next-Router-Prefetch", "1"], ["Next-Router-Segment-Prefetch", "%/../x"]]],
    ["rsc state tree junk", [["RSC", "1"], ["Next-Router-State-Tree", "%"]]],
    ["rsc state tree not json", [["RSC", "1"], ["Next-Router-State-Tree", "not json"]]],
    ["rsc state tree wrong shape", [["RSC", "1"], ["Next-Router-State-Tree", encodeURIComponent("[[],{},null,1]")]]],
    ["rsc state tree deep", [["RSC", "1"], ["Next-Router-State-Tree", encodeURIComponent("[".repeat(2000) + "]".repeat(2000))]]],
    ["rsc state tree long", [["RSC", "1"], ["Next-Router-State-Tree", encodeURIComponent(JSON.stringify(["", { children: ["x".repeat(6000), {}] }]))]]],
    ["rsc state tree proto", [["RSC", "1"], ["Next-Router-State-Tree", encodeURIComponent('["",{"__proto__":["x",{}]},null,null,true]')]]],
    ["next-url junk", [["RSC", "1"], ["Next-Url", "%"]]],
    ["next-action junk", [["Next-Action", "junk"]]],
    ["next-action hex", [["Next-Action", "0".repeat(40)], ["Content-Type", "text/plain;charset=UTF-8"]]],
    ["middleware subrequest", [["X-Middleware-Subrequest", "middleware:middleware:middleware:middleware:middleware"]]],
    ["middleware prefetch", [["X-Middleware-Prefetch", "1"], ["Purpose", "prefetch"]]],
    ["nextjs data", [["X-Nextjs-Data", "1"]]],
    ["invoke path", [["X-Invoke-Path", "/api/health"], ["X-Invoke-Query", "%"], ["X-Invoke-Status", "500"], ["X-Invoke-Error", "{"]]],
    ["matched path", [["X-Matched-Path", "/%"], ["X-Now-Route-Matches", "%"]]],
    ["prerender revalidate", [["X-Prerender-Revalidate", "junk"], ["X-Prerender-Revalidate-If-Generated", "1"]]],
    ["next cache tags", [["X-Next-Revalidated-Tags", "%"], ["X-Next-Revalidate-Tag-Token", "x"]]],
    ["upgrade websocket", [["Connection", "Upgrade"], ["Upgrade", "websocket"], ["Sec-WebSocket-Key", "x"], ["Sec-WebSocket-Version", "13"]]],
    ["upgrade h2c", [["Connection", "Upgrade, HTTP2-Settings"], ["Upgrade", "h2c"], ["HTTP2-Settings", "AAMAAABkAAQCAAAAAAIAAAAA"]]],
    ["expect 100", [["Expect", "100-continue"]]],
    ["expect junk", [["Expect", "junk"]]],
    ["te trailers", [["TE", "trailers, deflate;q=0.5"]]],
    ["via max-forwards", [["Max-Forwards", "-1"], ["Via", "%"]]],
    ["many headers", Array.from({ length: 150 }, (_, i): [string, string] => [`X-H${i}`, "v"])],
    ["header latin1 value", [["X-Odd", "\xff\xfe\x80"]]],
    ["authorization junk", [["Authorization", "Basic %%%"]]],
    ["sec-fetch", [["Sec-Fetch-Dest", "%"], ["Sec-Fetch-Mode", "navigate"], ["Sec-Fetch-Site", "cross-site"], ["Sec-Purpose", "prefetch;prerender"]]],
    ["user-agent bot", [["User-Agent", "Googlebot/2.1 (+http://www.google.com/bot.html)"]]],
    ["user-agent long", [["User-Agent", long]]],
    ["origin null", [["Origin", "null"]]],
    ["origin evil", [["Origin", "http://evil.example"], ["Referer", "%"]]],
  ];
}

const AT_ONCE = { timeoutMs: HANG_MS };

export default async function run(): Promise<void> {
  const external = process.env.DUIZHAO_FUZZ_URL;
  const app = external ? null : await startBenchApp({ port: 3391, dataDir: ".data/bench-fuzz", dbPort: "54391" });
  const databaseUrl = external ? process.env.DUIZHAO_FUZZ_DATABASE_URL : "postgresql://duizhao:duizhao-local@127.0.0.1:54391/duizhao";
  const base = new URL(external ?? "http://127.0.0.1:3391");
  const target = { host: base.hostname, port: Number(base.port) };
  try {
    const corpus = await readCorpus(base.origin);
    const cases = [...systematicCases(corpus, base.host), ...randomCases(corpus, base.host)];
    // DUIZHAO_FUZZ_ONLY: a regular expression of the kinds to send (the kinds are printed with the counts).
    const only = process.env.DUIZHAO_FUZZ_ONLY ? new RegExp(process.env.DUIZHAO_FUZZ_ONLY, "u") : null;
    if (only) cases.splice(0, cases.length, ...cases.filter((fuzzCase) => only.test(fuzzCase.kind)));
    if (process.env.DUIZHAO_FUZZ_DRY) return report(cases, []);
    const readiness = await rawExchange(target, requestBytes({ method: "GET", target: "/api/health/ready", host: base.host }), AT_ONCE);
    if (readiness.statuses[0] !== 200) console.log(`note: the app is not ready (${readiness.statuses[0] ?? readiness.problem}: ${readiness.bodyStart}); its readiness 503s are not counted`);
    console.log(`fuzz: ${cases.length} requests against ${base.origin} (${CONCURRENCY} at once, seed ${SEED})`);
    const findings = await sendAll(target, cases);
    report(cases, findings);
    // With DUIZHAO_FUZZ_ONLY the stress part runs only when asked for (DUIZHAO_FUZZ_STRESS=1).
    const stressed = process.env.DUIZHAO_FUZZ_STRESS === "1" || (process.env.DUIZHAO_FUZZ_STRESS !== "0" && !only);
    const problems = stressed ? await stress(target, base.host, corpus, databaseUrl) : [];
    const health = await rawExchange(target, requestBytes({ method: "GET", target: "/api/health/live", host: base.host }), AT_ONCE);
    if (health.statuses[0] !== 200) throw new Error(`the app no longer answers after the fuzz (/api/health/live: ${health.statuses[0] ?? health.problem})`);
    if (findings.length > 0 || problems.length > 0) {
      throw new Error(`${findings.length} requests answered 5xx, hung or were dropped; ${problems.length} problems under stress`);
    }
  } finally {
    if (app) await stopBenchApp(app);
  }
}

/**
 * One address of each page kind the app renders (and keeps), for the header, conditional and stress cases (not
 * /sources, a redirect to the bibliography, nor the anchors route, JSON).
 */
function pageKinds(corpus: Corpus): string[] {
  const [a, b] = corpus.slugs;
  const anchor = corpus.anchors[2] ?? corpus.anchors[0]!;
  return [
    "/", `/read/${a}`, `/read/${a}?q=${encodeURIComponent("网络")}&qp=${anchor}`, `/read/${a}?hl=0-4&hb=${anchor}`, `/read/${a}?trail=${corpus.anchors.slice(0, 2).join(",")}`,
    `/read/${a}/parallels/${anchor}`, `/compare?left=${a}&right=${b}`, `/compare?left=${a}&right=${b}&c=${corpus.concepts[0]}&align=1`,
    "/concepts", `/concepts/${corpus.concepts[0]}`, `/sources/${corpus.sources[0]}`, `/search?q=${encodeURIComponent("网络主权")}`, "/bibliography",
  ];
}

/** The stress part (bench/edge-stress.ts), each problem printed. */
async function stress(target: { host: string; port: number }, host: string, corpus: Corpus, databaseUrl: string | undefined): Promise<string[]> {
  const pages = pageKinds(corpus);
  const problems: string[] = [];
  const say = (part: string, found: string[]) => {
    console.log(`stress: ${part}: ${found.length === 0 ? "no problem" : `${found.length} problems`}`);
    for (const problem of found) console.log(`  ✗ ${problem}`);
    problems.push(...found);
  };
  say(`the current tag on ${pages.length} page kinds`, await conditionalOnEveryPageKind(target, host, pages));
  say("slow and idle clients", await slowClients(target, host, pages));
  const essay = await essayToReingest(corpus.slugs);
  if (!databaseUrl || !essay) {
    console.log(`stress: ingest while serving left out (${!databaseUrl ? "DUIZHAO_FUZZ_DATABASE_URL is not set" : "no corpus essay without corrections is served"})`);
  } else {
    const { problems: found, requests } = await ingestWhileServing(target, host, pages, { databaseUrl, ...essay });
    say(`${requests} requests while ${essay.slug} was re-ingested five times`, found);
  }
  return problems;
}

/**
 * An essay of corpus/ the app serves that has no corrections file (its corrections name line numbers; the stress adds
 * a line), with its slug.
 */
async function essayToReingest(slugs: string[]): Promise<{ essay: string; slug: string } | null> {
  const folder = path.resolve(process.env.DUIZHAO_CORPUS_DIR ?? "corpus");
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  for (const name of names.filter((entry) => entry.endsWith(".txt"))) {
    const stem = name.slice(0, -".txt".length);
    if (names.includes(`${stem}.corrections.json`) || !names.includes(`${stem}.manifest.json`)) continue;
    const { slug } = JSON.parse(await fs.readFile(path.join(folder, `${stem}.manifest.json`), "utf8")) as { slug?: string };
    if (slug && slugs.includes(slug)) return { essay: path.join(folder, name), slug };
  }
  return null;
}

async function readCorpus(origin: string): Promise<Corpus> {
  const json = async (path: string) => (await fetch(`${origin}${path}`)).json() as Promise<Record<string, unknown>>;
  const documents = (await json("/api/documents")).documents as { slug: string }[];
  const slugs = documents.map((document) => document.slug);
  const first = (await json(`/api/documents/${slugs[0]}`)) as { headings?: { anchor: string }[]; paragraphs?: { anchor: string }[]; footnotes?: { anchor?: string; id?: string }[] };
  const anchors = [
    ...(first.headings ?? []).slice(0, 2).map((heading) => heading.anchor),
    ...(first.paragraphs ?? []).slice(0, 3).map((paragraph) => paragraph.anchor),
    ...(first.footnotes ?? []).slice(0, 2).map((note) => note.anchor ?? note.id ?? ""),
  ].filter(Boolean);
  const concepts = ((await json("/api/concepts?pageSize=5")).concepts as { id: string }[]).map((concept) => concept.id);
  const sources = ((await json("/api/sources?pageSize=3")).sources as { key: string }[]).map((source) => source.key);
  if (slugs.length < 2 || anchors.length === 0 || concepts.length === 0 || sources.length === 0) {
    throw new Error(`the fuzz needs a corpus with two documents, anchors, concepts and sources (got ${JSON.stringify({ slugs, anchors, concepts, sources })})`);
  }
  const asset = (await (await fetch(`${origin}/`)).text()).match(/\/_next\/static\/[^"]+\.js/u)?.[0] ?? "/_next/static/none.js";
  return { asset, slugs, anchors, concepts, sources };
}

function fill(template: string, corpus: Corpus, segment?: string, which?: string): string {
  const value = (name: string, real: string) => (which === name || which === undefined) && segment !== undefined ? segment : real;
  return template
    .replace("{slug2}", value("slug2", corpus.slugs[1]!))
    .replace("{slug}", value("slug", corpus.slugs[0]!))
    .replace("{anchor}", value("anchor", corpus.anchors[2] ?? corpus.anchors[0]!))
    .replace("{anchor}", value("anchor", corpus.anchors[0]!))
    .replace("{concept}", value("concept", corpus.concepts[0]!))
    .replace("{source}", value("source", corpus.sources[0]!));
}

function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/gu)].map((match) => match[1]!))];
}

const get = (target: string, host: string, kind: string, headers: [string, string][] = []): FuzzCase => ({
  kind,
  bytes: requestBytes({ method: "GET", target, host, headers }),
});

function systematicCases(corpus: Corpus, host: string): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const plain = TEMPLATES.map((template) => fill(template, corpus));
  const keys = queryKeys();
  let rotation = 0;
  // Each route as it is, then each placeholder of it replaced by each hostile segment, and extra segments.
  for (const template of TEMPLATES) {
    cases.push(get(fill(template, corpus), host, "route"));
    for (const which of placeholdersOf(template)) {
      for (const segment of HOSTILE_SEGMENTS) cases.push(get(fill(template, corpus, segment, which), host, `segment {${which}}`));
    }
    for (const tail of ["/", "//", "/x", "/%", "/x/y/z", "/..", "/.", "%00", ".json", ".txt", "?", "#x"]) cases.push(get(fill(template, corpus) + tail, host, "tail"));
  }
  for (const path of EDGE_PATHS) cases.push(get(path, host, "edge path"));
  // Each query key with each hostile value, on each route.
  for (const path of plain) {
    for (const key of keys) {
      for (let n = 0; n < VALUES_PER_KEY; n += 1) {
        // Rotating through the values route by route, so each key meets every value somewhere.
        const value = HOSTILE_VALUES[rotation++ % HOSTILE_VALUES.length]!;
        cases.push(get(`${path}?${key}=${value}`, host, "query value"));
      }
      cases.push(get(`${path}?${key}=a&${key}=b`, host, "repeated key"));
      cases.push(get(`${path}?${key}[]=1&${key}[]=2`, host, "array key"));
      cases.push(get(`${path}?${key}`, host, "key without value"));
    }
  }
  // Real values repeated, crossed and misplaced: the places where a route reads one of several.
  for (const path of plain) {
    const [a, b] = corpus.slugs;
    for (const query of [
      `left=${a}&left=${b}&right=${b}`, `left=${a}&right=${a}`, `left=${a}&right=${b}&c=${corpus.concepts.join(",")}&align=1&f=left:${corpus.anchors[0]}`,
      `doc=${a}&doc=${b}`, `concept=${corpus.concepts[0]}&concept=${corpus.concepts[1]}`, `source=${corpus.sources[0]}&source=%00`,
      `q=${encodeURIComponent("网络主权")}&qp=%&qs=%&qa=${corpus.anchors[0]}&qo=1e309`, `hl=0-99999999&hb=${corpus.anchors[0]}`, `hl=5-1`, `hl=-1--1`,
      `trail=${"x".repeat(5000)}`, `trail=%`, `trail=${corpus.anchors.join(",")}`, `page=0x10&pageSize=1e2`, `page=1&page=2&pageSize=100&pageSize=101`,
      `resource=%&ref=%&start=%&end=%&down=%&tree=%&mediaType=%`, `id=${encodeURIComponent(`http://${host}/read/${a}`)}&nav=parents&page=2`,
      `format=bibtex&doc=${a}&anchor=${corpus.anchors[0]}&q=%ED%A0%80`, `slug=${a}&q=${"网".repeat(2000)}`, `_rsc=1`, `_rsc=%`, `_rsc=${"x".repeat(3000)}`,
      `${"a=1&".repeat(2000)}z=1`, `q=${"%E7%BD%91".repeat(7000)}`,
    ]) {
      cases.push(get(`${path}?${query}`, host, "crossed values"));
    }
  }
  // Every method on every route, with and without a body.
  for (const path of plain) {
    for (const method of METHODS) {
      cases.push({ kind: `method ${method}`, bytes: requestBytes({ method, target: path, host }) });
      if (method !== "GET" && method !== "HEAD") {
        cases.push({ kind: `method ${method} json`, bytes: requestBytes({ method, target: path, host, headers: [["Content-Type", "application/json"]], body: Buffer.from("{not json") }) });
      }
    }
  }
  // Odd headers on a page, a kept page, a per-request page, the API, a static file and an unknown address.
  const headerPaths = [
    "/", `/read/${corpus.slugs[0]}`, `/read/${corpus.slugs[0]}?q=${encodeURIComponent("网络")}`, `/compare?left=${corpus.slugs[0]}&right=${corpus.slugs[1]}`,
    `/concepts/${corpus.concepts[0]}`, "/api/documents", `/api/export/documents/${corpus.slugs[0]}/tei`, "/icon.svg", corpus.asset, "/nowhere", "/read/%",
  ];
  for (const [kind, headers] of oddHeaderSets()) {
    for (const path of headerPaths) cases.push(get(path, host, `header ${kind}`, headers));
  }
  // Next's router headers (and the _rsc query) on every page kind: a client-side navigation to each.
  const rscSets = oddHeaderSets().filter(([kind]) => /^(rsc|next-url)/u.test(kind));
  for (const page of pageKinds(corpus)) {
    for (const [kind, headers] of rscSets) cases.push(get(page, host, `rsc ${kind}`, headers));
    cases.push(get(`${page}${page.includes("?") ? "&" : "?"}_rsc=1x2y`, host, "rsc query", [["RSC", "1"]]));
  }
  cases.push(...protocolCases(corpus, host));
  return cases;
}

/** What fetch refuses to send: odd request lines, framing, HTTP versions and pipelining. */
function protocolCases(corpus: Corpus, host: string): FuzzCase[] {
  const page = `/read/${corpus.slugs[0]}`;
  const raw = (kind: string, text: string | Buffer, expectedResponses = 1): FuzzCase => ({ kind, bytes: typeof text === "string" ? Buffer.from(text, "latin1") : text, expectedResponses });
  const body10MB = Buffer.alloc(10 * 1024 * 1024, 0x7b);
  const cases: FuzzCase[] = [
    raw("http/1.0", `GET ${page} HTTP/1.0\r\n\r\n`),
    raw("http/1.0 keep-alive", `GET /api/health/live HTTP/1.0\r\nConnection: keep-alive\r\n\r\n`),
    raw("http/1.0 host", `GET / HTTP/1.0\r\nHost: ${host}\r\n\r\n`),
    raw("http/0.9", `GET /\r\n\r\n`),
    raw("http/2.0 line", `GET / HTTP/2.0\r\nHost: ${host}\r\n\r\n`),
    raw("http/1.2", `GET / HTTP/1.2\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
    raw("http/9.9", `GET / HTTP/9.9\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
    raw("lowercase version", `GET / http/1.1\r\nHost: ${host}\r\n\r\n`),
    raw("h2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"),
    raw("no host", `GET / HTTP/1.1\r\nConnection: close\r\n\r\n`),
    raw("absolute form", `GET http://${host}${page} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
    raw("absolute form other host", `GET http://evil.example/ HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
    raw("absolute form junk", `GET http://%/ HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
    raw("absolute form https", `GET https://${host}/api/documents HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
    raw("asterisk options", `OPTIONS * HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
    raw("asterisk get", `GET * HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
    raw("no leading slash", `GET read HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
    raw("authority form", `CONNECT ${host} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
    raw("connect path", `CONNECT / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
    raw("bare LF", `GET / HTTP/1.1\nHost: ${host}\nConnection: close\n\n`),
    raw("obs-fold", `GET / HTTP/1.1\r\nHost: ${host}\r\nX-A: a\r\n b\r\nConnection: close\r\n\r\n`),
    raw("header without colon", `GET / HTTP/1.1\r\nHost: ${host}\r\nNoColon\r\nConnection: close\r\n\r\n`),
    raw("header name space", `GET / HTTP/1.1\r\nHost: ${host}\r\nX A: b\r\nConnection: close\r\n\r\n`),
    raw("double space", `GET  / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
    raw("tab in target", `GET /\tx HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
    raw("raw utf-8 target", Buffer.concat([Buffer.from("GET /read/"), Buffer.from("网络"), Buffer.from(` HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`)])),
    raw("raw NUL target", `GET /read/a\x00b HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
    raw("raw 0x7f target", `GET /read/a\x7fb HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
    raw("target 8 KB", `GET /${"a".repeat(8 * 1024)} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
    raw("target 64 KB", `GET /${"a".repeat(64 * 1024)} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
    raw("target 1 MB", `GET /${"a".repeat(1024 * 1024)} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
    raw("query 8 KB", `GET /search?q=${"a".repeat(8 * 1024)} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
    raw("query 64 KB", `GET /search?q=${"a".repeat(64 * 1024)} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
    raw("query 1 MB", `GET /api/search?q=${"a".repeat(1024 * 1024)} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
    raw("reader query 64 KB", `GET ${page}?q=${"%E7%BD%91".repeat(7000)} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
    raw("content-length negative", `GET / HTTP/1.1\r\nHost: ${host}\r\nContent-Length: -1\r\nConnection: close\r\n\r\n`),
    raw("content-length junk", `GET / HTTP/1.1\r\nHost: ${host}\r\nContent-Length: abc\r\nConnection: close\r\n\r\n`),
    raw("content-length twice", `GET / HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 1\r\nContent-Length: 2\r\nConnection: close\r\n\r\nab`),
    raw("content-length huge", `GET / HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 99999999999999999999\r\nConnection: close\r\n\r\n`),
    raw("content-length too long for body", `GET /api/documents HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 100\r\nConnection: close\r\n\r\nshort`),
    raw("cl and te", `GET / HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n`),
    raw("te junk", `GET / HTTP/1.1\r\nHost: ${host}\r\nTransfer-Encoding: gzip\r\nConnection: close\r\n\r\n`),
    raw("te chunked twice", `GET / HTTP/1.1\r\nHost: ${host}\r\nTransfer-Encoding: chunked, chunked\r\nConnection: close\r\n\r\n0\r\n\r\n`),
    raw("chunked bad size", `GET / HTTP/1.1\r\nHost: ${host}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\nabc\r\n0\r\n\r\n`),
    raw("chunked without end on GET", `GET ${page} HTTP/1.1\r\nHost: ${host}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n`),
    raw("chunked without end on API", `GET /api/documents HTTP/1.1\r\nHost: ${host}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n`),
    raw("chunked without end on POST", `POST /api/documents HTTP/1.1\r\nHost: ${host}\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n5\r\n{"a":\r\n`),
    raw("post body shorter than length", `POST ${page} HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n{`),
    raw("server action post", `POST ${page} HTTP/1.1\r\nHost: ${host}\r\nNext-Action: ${"f".repeat(40)}\r\nContent-Type: text/plain;charset=UTF-8\r\nContent-Length: 2\r\nConnection: close\r\n\r\n[]`),
    raw("server action multipart", `POST / HTTP/1.1\r\nHost: ${host}\r\nNext-Action: x\r\nContent-Type: multipart/form-data; boundary=zz\r\nContent-Length: 10\r\nConnection: close\r\n\r\n--zz\r\n\r\n--`),
    { kind: "10 MB POST body", bytes: requestBytes({ method: "POST", target: "/api/documents", host, headers: [["Content-Type", "application/json"]], body: body10MB }) },
    { kind: "10 MB GET body", bytes: requestBytes({ method: "GET", target: "/api/documents", host, body: body10MB }) },
    raw("pipelined GETs", [page, "/api/documents", "/icon.svg"].map((path, index, all) => `GET ${path} HTTP/1.1\r\nHost: ${host}\r\n${index === all.length - 1 ? "Connection: close\r\n" : ""}\r\n`).join(""), 3),
    raw("pipelined with 405", `GET / HTTP/1.1\r\nHost: ${host}\r\n\r\nDELETE / HTTP/1.1\r\nHost: ${host}\r\n\r\nGET /api/health/live HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`, 3),
    raw("pipelined with malformed", `GET /read/% HTTP/1.1\r\nHost: ${host}\r\n\r\nGET /api/health/live HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`, 2),
    raw("pipelined malformed in the middle", `GET ${page} HTTP/1.1\r\nHost: ${host}\r\n\r\nGET /read/%E4%B8 HTTP/1.1\r\nHost: ${host}\r\n\r\nGET /api/health/live HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`, 3),
    raw("pipelined 405 with body in the middle", `GET / HTTP/1.1\r\nHost: ${host}\r\n\r\nPOST / HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 3\r\n\r\nabcGET /api/health/live HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`, 3),
    // A request line Node's parser refuses ends the connection: the one before it is answered, then the refusal.
    raw("pipelined unparsable in the middle", `GET /api/health/live HTTP/1.1\r\nHost: ${host}\r\n\r\nGET /a b c HTTP/1.1\r\nHost: ${host}\r\n\r\nGET / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`, 2),
    raw("pipelined HEAD then GET", `HEAD ${page} HTTP/1.1\r\nHost: ${host}\r\n\r\nGET /api/health/live HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`, 2),
    raw("pipelined 20", Array.from({ length: 20 }, (_, i) => `GET /api/health/live HTTP/1.1\r\nHost: ${host}\r\n${i === 19 ? "Connection: close\r\n" : ""}\r\n`).join(""), 20),
    raw("pipelined POST body then GET", `POST / HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 5\r\n\r\nhelloGET /api/health/live HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`, 2),
    raw("smuggling CL.TE", `POST / HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nG`),
    raw("garbage", "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03"),
    raw("headers 64 KB", `GET / HTTP/1.1\r\nHost: ${host}\r\nX-Big: ${"a".repeat(64 * 1024)}\r\nConnection: close\r\n\r\n`),
  ];
  // A client that closes its side once the request is sent, on each route (a page rendered per request went unanswered).
  for (const template of TEMPLATES) {
    for (const extra of ["", `Connection: Upgrade\r\nUpgrade: websocket\r\n`]) {
      cases.push({ kind: "half-close", halfClose: true, bytes: Buffer.from(`GET ${fill(template, corpus)}?q=%E7%BD%91 HTTP/1.1\r\nHost: ${host}\r\n${extra}\r\n`, "latin1") });
    }
  }
  // A slow client: the request line in pieces (the server must wait for it, then answer, within the hang limit).
  cases.push({ kind: "request in pieces", bytes: [Buffer.from("GET /api/hea"), Buffer.from(`lth/live HTTP/1.1\r\nHost: ${host}\r\n`), Buffer.from("Connection: close\r\n\r\n")] });
  return cases;
}

/** Random requests: a template, hostile or random segments, random keys and values, a method and a header set. */
function randomCases(corpus: Corpus, host: string): FuzzCase[] {
  const keys = queryKeys();
  const headerSets = oddHeaderSets();
  const randomText = fc.oneof(
    fc.string({ maxLength: 16 }).map(encodeURIComponent),
    fc.string({ unit: "binary", maxLength: 12 }).map((text) => [...text].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0").slice(-2).toUpperCase()}`).join("")),
    fc.uint8Array({ maxLength: 8 }).map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("")),
    fc.integer().map(String),
    fc.double().map(String),
  );
  const segment = fc.oneof(fc.constantFrom(...HOSTILE_SEGMENTS), fc.constantFrom(...corpus.slugs, ...corpus.anchors, ...corpus.concepts, ...corpus.sources), randomText);
  const value = fc.oneof(fc.constantFrom(...HOSTILE_VALUES), fc.constantFrom(...corpus.slugs, ...corpus.anchors, ...corpus.concepts, ...corpus.sources), randomText);
  const request = fc.record({
    template: fc.constantFrom(...TEMPLATES),
    which: fc.nat(),
    segment,
    pairs: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...keys), randomText), value), { maxLength: 5 }),
    method: fc.oneof({ weight: 6, arbitrary: fc.constant("GET") }, { weight: 1, arbitrary: fc.constantFrom(...METHODS) }),
    headers: fc.oneof({ weight: 3, arbitrary: fc.constant<[string, [string, string][]]>(["none", []]) }, { weight: 1, arbitrary: fc.constantFrom(...headerSets) }),
  });
  return fc.sample(request, { numRuns: RANDOM_CASES, seed: SEED }).map((drawn) => {
    const placeholders = placeholdersOf(drawn.template);
    const which = placeholders.length ? placeholders[drawn.which % placeholders.length] : undefined;
    const path = fill(drawn.template, corpus, which ? drawn.segment : undefined, which);
    const query = drawn.pairs.map(([key, v]) => `${key}=${v}`).join("&");
    return {
      kind: `random ${drawn.method} (${drawn.headers[0]})`,
      bytes: requestBytes({ method: drawn.method, target: query ? `${path}?${query}` : path, host, headers: drawn.headers[1] }),
    };
  });
}

interface Finding {
  index: number;
  exchange: RawExchange;
}

async function sendAll(target: { host: string; port: number }, cases: FuzzCase[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  let next = 0;
  let sent = 0;
  const statusCounts = new Map<string, number>();
  const worker = async () => {
    while (next < cases.length) {
      const index = next++;
      const fuzzCase = cases[index]!;
      const exchange = await rawExchange(target, fuzzCase.bytes, { ...AT_ONCE, expectedResponses: fuzzCase.expectedResponses, halfClose: fuzzCase.halfClose });
      sent += 1;
      for (const status of exchange.statuses) statusCounts.set(String(status), (statusCounts.get(String(status)) ?? 0) + 1);
      if (exchange.problem) statusCounts.set(exchange.problem, (statusCounts.get(exchange.problem) ?? 0) + 1);
      const missing = missingSecurityHeaders(exchange);
      if (missing.length > 0) statusCounts.set("headers missing", (statusCounts.get("headers missing") ?? 0) + 1);
      if (exchange.problem || missing.length > 0 || exchange.statuses.some((status) => status >= 500 && !(status === 503 && isTruthfulReadiness(exchange)))) {
        findings.push({ index, exchange });
        console.log(`  ✗ ${describe(fuzzCase, exchange)}`);
      }
      if (sent % 1000 === 0) console.log(`  … ${sent} sent, ${findings.length} findings`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  console.log(`statuses: ${[...statusCounts].sort().map(([status, count]) => `${status}×${count}`).join(" ")}`);
  return findings;
}

/**
 * The readiness check's own 503 (`{"ready":false,"reason":…}`) is its job, not a failure: it says so while the
 * database is behind the code (a migration added since the app started). Printed at the start of the run.
 */
function isTruthfulReadiness(exchange: RawExchange): boolean {
  return exchange.bodyStart.startsWith('{"ready":false');
}

/** Every answer carries these (a 304 leaves out the policy: its headers merge into a page that names its own nonce). */
const SECURITY_HEADERS = ["content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy"];

function missingSecurityHeaders(exchange: RawExchange): string[] {
  const status = exchange.statuses[0];
  if (status === undefined || status === 100) return [];
  return SECURITY_HEADERS.filter((name) => !(status === 304 && name === "content-security-policy") && exchange.headers[name] === undefined);
}

function describe(fuzzCase: FuzzCase, exchange: RawExchange): string {
  const bytes = Buffer.concat(Array.isArray(fuzzCase.bytes) ? fuzzCase.bytes : [fuzzCase.bytes]);
  const shown = bytes.subarray(0, 300).toString("latin1");
  const missing = missingSecurityHeaders(exchange);
  const outcome = `${exchange.problem ?? exchange.statuses.join(",")}${missing.length ? ` without ${missing.join(", ")}` : ""}`;
  return `[${fuzzCase.kind}${fuzzCase.halfClose ? ", then our side closed" : ""}] ${outcome} in ${Math.round(exchange.milliseconds)} ms: ${JSON.stringify(shown)}${bytes.length > 300 ? ` (+${bytes.length - 300} bytes)` : ""}`;
}

function report(cases: FuzzCase[], findings: Finding[]): void {
  const kinds = new Map<string, number>();
  for (const fuzzCase of cases) {
    const kind = fuzzCase.kind.split(" ")[0]!;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  console.log(`requests by kind: ${[...kinds].map(([kind, count]) => `${kind} ${count}`).join(", ")}`);
  console.log(findings.length === 0 ? "no 5xx, hang or dropped connection" : `${findings.length} findings (each printed above)`);
}
