import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { rawExchange, requestBytes } from "./raw-http-exchange";

/**
 * What the route fuzz's one-request-at-a-time cases cannot show (route-fuzz.bench.ts runs these after them):
 * - a conditional request with the current tag, on every page kind: 304 with the security headers;
 * - slow clients: headers or a body trickling in, and many connections held open while others are served;
 * - pages asked for while an ingest re-loads an essay and the page cache is being rewritten: never 5xx, and once the
 *   ingest has finished never the old text, neither from the kept page nor by a 304 to the old tag.
 * Each problem is a line of text naming the request.
 */

type Target = { host: string; port: number };

/** The headers every answer carries, 304s too (a 304 leaves out only the policy: route-fuzz.bench.ts says why). */
const HEADERS_ON_EVERY_ANSWER = ["x-content-type-options", "x-frame-options", "referrer-policy", "permissions-policy"];
/**
 * Slowest a plain request may answer while slow clients hold connections: a kept page answers in milliseconds, a
 * rendered one in well under a second on this 2-core machine; five seconds is slow enough to allow a loaded host
 * and fast enough to tell a server stalled behind its slow clients.
 */
const RESPONSIVE_MS = 5000;
/** Connections slow clients hold at once: several times what a browser opens to one host, well under the fd limit. */
const SLOW_CLIENTS = Number(process.env.DUIZHAO_FUZZ_SLOW_CLIENTS ?? 300);
/**
 * How long a trickle of header lines may hold a connection before the server answers 408 with its reason: Node's
 * headersTimeout (60 s) plus its connection check interval (30 s), and a margin.
 */
const HEADER_TIMEOUT_BOUND_MS = 100_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function conditionalOnEveryPageKind(target: Target, host: string, pages: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const page of pages) {
    const first = await rawExchange(target, requestBytes({ method: "GET", target: page, host, headers: [["Accept-Encoding", "br"]] }), { timeoutMs: 10_000 });
    const tag = first.headers.etag;
    if (first.statuses[0] !== 200) problems.push(`GET ${page}: ${first.statuses[0] ?? first.problem}`);
    if (!tag) {
      problems.push(`GET ${page}: no ETag on a page (pages revalidate by tag)`);
      continue;
    }
    const again = await rawExchange(target, requestBytes({ method: "GET", target: page, host, headers: [["If-None-Match", tag], ["Accept-Encoding", "br"]] }), { timeoutMs: 10_000 });
    if (again.statuses[0] !== 304) problems.push(`GET ${page} If-None-Match: ${tag}: ${again.statuses[0] ?? again.problem}, not 304`);
    for (const name of HEADERS_ON_EVERY_ANSWER) {
      if (again.headers[name] !== first.headers[name]) problems.push(`GET ${page} If-None-Match (304): ${name} ${JSON.stringify(again.headers[name])}, the page's is ${JSON.stringify(first.headers[name])}`);
    }
    if (again.headers.etag !== tag) problems.push(`GET ${page} If-None-Match (304): ETag ${again.headers.etag}, not ${tag}`);
  }
  return problems;
}

/** Plain requests while slow clients hold connections: each must answer 2xx within RESPONSIVE_MS. */
async function othersServed(target: Target, host: string, pages: string[], during: string): Promise<string[]> {
  const problems: string[] = [];
  for (const page of pages) {
    const exchange = await rawExchange(target, requestBytes({ method: "GET", target: page, host }), { timeoutMs: 15_000 });
    const status = exchange.statuses[0];
    if (status === undefined || status >= 300 || exchange.milliseconds > RESPONSIVE_MS) {
      problems.push(`while ${during}: GET ${page} answered ${status ?? exchange.problem} in ${Math.round(exchange.milliseconds)} ms`);
    }
  }
  return problems;
}

interface HeldConnection {
  socket: net.Socket;
  received: string;
  closedAt: number | null;
}

function hold(target: Target, first: string): HeldConnection {
  const socket = net.connect(target.port, target.host);
  const held: HeldConnection = { socket, received: "", closedAt: null };
  // Written at once (queued until connected): a trickle timer firing before the connection is up must not go first.
  if (first) socket.write(first);
  socket.on("data", (chunk: Buffer) => (held.received += chunk.toString("latin1")));
  socket.on("error", () => undefined);
  socket.on("close", () => (held.closedAt = performance.now()));
  return held;
}

/**
 * Slowloris: SLOW_CLIENTS connections each sending a request line and then one header line every two seconds,
 * never finishing. Others must be served meanwhile; each slow one must get a 408 that says why, within the bound.
 * Then idle connections that send nothing, and bodies trickling in: the same.
 */
export async function slowClients(target: Target, host: string, pages: string[]): Promise<string[]> {
  const problems: string[] = [];
  const started = performance.now();
  const trickling = Array.from({ length: SLOW_CLIENTS }, (_, i) => hold(target, `GET ${pages[i % pages.length]} HTTP/1.1\r\nHost: ${host}\r\n`));
  const dribble = setInterval(() => {
    for (const held of trickling) if (held.closedAt === null && held.socket.writable) held.socket.write(`X-Slow-${Math.floor(performance.now())}: a\r\n`);
  }, 2000);
  const idle = Array.from({ length: SLOW_CLIENTS }, () => hold(target, ""));
  const bodies = Array.from({ length: 50 }, (_, i) =>
    hold(target, `${i % 2 ? "POST" : "GET"} ${pages[i % pages.length]} HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 1000000\r\n\r\n{`),
  );
  const bodyDribble = setInterval(() => {
    for (const held of bodies) if (held.closedAt === null && held.socket.writable) held.socket.write("x");
  }, 1000);
  try {
    await sleep(3000);
    problems.push(...(await othersServed(target, host, pages, `${SLOW_CLIENTS} clients trickle headers, ${SLOW_CLIENTS} sit idle and 50 trickle bodies`)));
    for (const held of bodies) {
      if (!/^HTTP\/1\.1 (200|405) /u.test(held.received)) problems.push(`a trickled body: answered ${JSON.stringify(held.received.slice(0, 40))} 3 s in (no route reads a body: the answer need not wait for it)`);
    }
    while (performance.now() - started < HEADER_TIMEOUT_BOUND_MS && trickling.some((held) => held.closedAt === null)) await sleep(1000);
    problems.push(...(await othersServed(target, host, pages, "the slow clients are timed out")));
    const open = trickling.filter((held) => held.closedAt === null).length;
    if (open > 0) problems.push(`${open} of ${SLOW_CLIENTS} connections trickling headers still open after ${HEADER_TIMEOUT_BOUND_MS / 1000} s`);
    const unexplained = trickling.filter((held) => held.closedAt !== null && !/^HTTP\/1\.1 408 [^]*\r\n\r\n\S/u.test(held.received));
    if (unexplained.length > 0) problems.push(`${unexplained.length} connections trickling headers closed without a 408 and its reason (first: ${JSON.stringify(unexplained[0]!.received.slice(0, 80))})`);
    const idleOpen = idle.filter((held) => held.closedAt === null).length;
    if (idleOpen > 0) problems.push(`${idleOpen} of ${SLOW_CLIENTS} idle connections (nothing sent) still open after ${HEADER_TIMEOUT_BOUND_MS / 1000} s`);
    const bodiesOpen = bodies.filter((held) => held.closedAt === null).length;
    if (bodiesOpen > 0) problems.push(`${bodiesOpen} of 50 connections trickling a body still open after ${HEADER_TIMEOUT_BOUND_MS / 1000} s`);
    console.log(
      `  slow clients: trickled headers closed after ${summarize(trickling, started)}; idle after ${summarize(idle, started)}; trickled bodies after ${summarize(bodies, started)}`,
    );
  } finally {
    clearInterval(dribble);
    clearInterval(bodyDribble);
    for (const held of [...trickling, ...idle, ...bodies]) held.socket.destroy();
  }
  return problems;
}

function summarize(connections: HeldConnection[], started: number): string {
  const closed = connections.map((held) => held.closedAt).filter((at): at is number => at !== null).map((at) => (at - started) / 1000).sort((a, b) => a - b);
  if (closed.length === 0) return "never";
  return `${closed[0]!.toFixed(0)}–${closed.at(-1)!.toFixed(0)} s (${closed.length} of ${connections.length})`;
}

/**
 * An essay of the corpus re-ingested with `npm run ingest` again and again, a sentence added each time, while
 * four clients ask for every page kind: no answer 5xx; and once each ingest has returned, the reader page (kept)
 * shows that round's sentence and not the one before, and the tag from before gets the new page, not a 304.
 * `database` is the app's DATABASE_URL; the essay's original text is ingested again at the end.
 */
export async function ingestWhileServing(
  target: Target,
  host: string,
  pages: string[],
  options: { databaseUrl: string; essay: string; slug: string; rounds?: number },
): Promise<{ problems: string[]; requests: number }> {
  const problems: string[] = [];
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), "duizhao-fuzz-ingest-"));
  const name = path.basename(options.essay);
  const manifest = options.essay.replace(/\.txt$/u, ".manifest.json");
  await fs.copyFile(manifest, path.join(folder, path.basename(manifest))).catch(() => undefined);
  const original = await fs.readFile(options.essay, "utf8");
  const ingest = async (text: string) => {
    await fs.writeFile(path.join(folder, name), text);
    await promisify(execFile)("npm", ["run", "-s", "ingest", "--", path.join(folder, name)], {
      env: { ...process.env, DATABASE_URL: options.databaseUrl },
      maxBuffer: 64 * 1024 * 1024,
    });
  };
  const reader = `/read/${options.slug}`;
  let stop = false;
  let requests = 0;
  const client = async (offset: number) => {
    for (let i = offset; !stop; i += 1) {
      const page = pages[i % pages.length]!;
      const exchange = await rawExchange(target, requestBytes({ method: "GET", target: page, host, headers: [["Accept-Encoding", "br, gzip"]] }), { timeoutMs: 15_000 });
      requests += 1;
      const status = exchange.statuses[0];
      if (status === undefined || status >= 500) problems.push(`during an ingest: GET ${page}: ${status ?? exchange.problem} in ${Math.round(exchange.milliseconds)} ms`);
    }
  };
  const clients = [0, 1, 2, 3].map((offset) => client(offset * 3));
  try {
    const rounds = options.rounds ?? 5;
    for (let round = 1; round <= rounds; round += 1) {
      const before = await rawExchange(target, requestBytes({ method: "GET", target: reader, host }), { timeoutMs: 15_000 });
      const marker = `修订检验第${round}轮。`;
      // A sentence of its own at the essay's end: the lines before it, and their numbers, stay as they were.
      await ingest(`${original.trimEnd()}\n\n　　${marker}\n`);
      const page = await fetchText(target, reader);
      if (!page.includes(marker)) problems.push(`round ${round}: ${reader} after the ingest lacks the sentence it added (stale page)`);
      if (round > 1 && page.includes(`修订检验第${round - 1}轮。`)) problems.push(`round ${round}: ${reader} after the ingest still shows the previous round's sentence (stale page)`);
      const tag = before.headers.etag;
      if (tag) {
        const conditional = await rawExchange(target, requestBytes({ method: "GET", target: reader, host, headers: [["If-None-Match", tag]] }), { timeoutMs: 15_000 });
        if (conditional.statuses[0] !== 200) problems.push(`round ${round}: GET ${reader} If-None-Match with the tag from before the ingest: ${conditional.statuses[0] ?? conditional.problem}, not the new page`);
      }
      // Many at once for the kept page right after the change: one renders, the others wait for it.
      const burst = await Promise.all(Array.from({ length: 12 }, () => fetchText(target, reader)));
      if (burst.some((text) => !text.includes(marker))) problems.push(`round ${round}: of 12 requests at once right after the ingest, ${burst.filter((text) => !text.includes(marker)).length} got a page without the new sentence`);
    }
  } finally {
    stop = true;
    await Promise.all(clients);
    await ingest(original).catch((error: unknown) => problems.push(`restoring the essay failed: ${String(error)}`));
    await fs.rm(folder, { recursive: true, force: true });
  }
  return { problems, requests };
}

/** A page's text, decoded (the markers are read from it). */
async function fetchText(target: Target, page: string): Promise<string> {
  const response = await fetch(`http://${target.host}:${target.port}${page}`);
  return response.text();
}
