import net from "node:net";

/**
 * One exchange over a raw TCP socket: the bytes go out exactly as given (a broken percent-encoding, a NUL, a
 * header Node's own client refuses to send, a body that never ends, several requests in one write), and what
 * comes back is read for its status lines. `fetch` and node:http repair or refuse most of what a fuzzer means
 * to send, so the route fuzz (route-fuzz.bench.ts) speaks HTTP/1.x itself.
 */

export interface RawExchange {
  /** Status codes of the responses read, in order (several when requests were pipelined). */
  statuses: number[];
  /** The headers of the first response, lower-cased names (the last value of a repeated header). */
  headers: Record<string, string>;
  /** The first bytes of the first response's body (latin1), to tell one 503 from another. */
  bodyStart: string;
  /**
   * What went wrong on the wire: fewer answers than requests sent (none, or pipelined ones missing) within the time
   * limit, or by the time the connection closed or was reset.
   */
  problem: "hang" | "dropped" | null;
  milliseconds: number;
}

/**
 * A status line followed by a header: at the start of the data or right after the previous answer's body, which
 * need not end with a line break (a pipelined 400 page ending `</html>` is followed at once by the next status line;
 * counting only status lines at a line's start missed every answer after it). A body that itself held such text
 * would be counted too; no page or API answer of this app does.
 */
const STATUS_LINE = /HTTP\/\d\.\d (\d{3})[^\r\n]*\r?\n(?=[\w-]+:|\r?\n)/gu;

/**
 * Sends `bytes` (then closes the sending side when `halfClose`) and waits for `expectedResponses` status lines (then the connection's end, or `settleMs` more
 * for a server that rightly keeps the connection open waiting for a body that never comes).
 */
export function rawExchange(
  target: { host: string; port: number },
  bytes: Buffer | Buffer[],
  options: { expectedResponses?: number; timeoutMs: number; settleMs?: number; halfClose?: boolean },
): Promise<RawExchange> {
  const expected = options.expectedResponses ?? 1;
  const settleMs = options.settleMs ?? 300;
  const started = performance.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let done = false;
    let settleTimer: NodeJS.Timeout | undefined;
    const socket = net.connect(target.port, target.host);
    const finish = (closedOrTimedOut: "closed" | "timeout") => {
      if (done) return;
      done = true;
      clearTimeout(limitTimer);
      clearTimeout(settleTimer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString("latin1");
      const statuses = [...text.matchAll(STATUS_LINE)].map((match) => Number(match[1]));
      // Pipelined requests: an answer missing after others is a request dropped too.
      const problem = statuses.length >= expected ? null : closedOrTimedOut === "timeout" ? "hang" : "dropped";
      const bodyAt = text.indexOf("\r\n\r\n");
      const bodyStart = bodyAt === -1 ? "" : text.slice(bodyAt + 4, bodyAt + 4 + 200);
      resolve({ statuses, headers: firstHeaders(text), bodyStart, problem, milliseconds: performance.now() - started });
    };
    const limitTimer = setTimeout(() => finish("timeout"), options.timeoutMs);
    socket.on("connect", () => {
      for (const part of Array.isArray(bytes) ? bytes : [bytes]) {
        if (socket.writable) socket.write(part);
      }
      // Closing our side once the request is sent, as `nc -N` does: the server must still answer.
      if (options.halfClose && socket.writable) socket.end();
    });
    socket.on("data", (chunk: Buffer) => {
      // Only the heads matter: a 1 MB export is counted, not kept.
      received += chunk.length;
      if (received < 2 * 1024 * 1024) chunks.push(chunk);
      const text = Buffer.concat(chunks).toString("latin1");
      if (settleTimer === undefined && [...text.matchAll(STATUS_LINE)].length >= expected) settleTimer = setTimeout(() => finish("timeout"), settleMs);
    });
    socket.on("error", () => finish("closed"));
    socket.on("close", () => finish("closed"));
  });
}

function firstHeaders(text: string): Record<string, string> {
  const end = text.indexOf("\r\n\r\n");
  const head = end === -1 ? text : text.slice(0, end);
  const headers: Record<string, string> = {};
  for (const line of head.split("\r\n").slice(1)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** A request's bytes: request line, headers (a Host unless given or `noHost`), and the body as given. */
export function requestBytes(request: {
  method: string;
  target: string | Buffer;
  version?: string;
  headers?: [string, string][];
  body?: Buffer;
  host: string;
  noHost?: boolean;
  close?: boolean;
}): Buffer {
  const headers = [...(request.headers ?? [])];
  const names = new Set(headers.map(([name]) => name.toLowerCase()));
  if (!request.noHost && !names.has("host")) headers.unshift(["Host", request.host]);
  if (request.close !== false && !names.has("connection")) headers.push(["Connection", "close"]);
  if (request.body && !names.has("content-length") && !names.has("transfer-encoding")) headers.push(["Content-Length", String(request.body.length)]);
  const head = Buffer.concat([
    Buffer.from(`${request.method} `, "latin1"),
    typeof request.target === "string" ? Buffer.from(request.target, "latin1") : request.target,
    Buffer.from(` ${request.version ?? "HTTP/1.1"}\r\n${headers.map(([name, value]) => `${name}: ${value}\r\n`).join("")}\r\n`, "latin1"),
  ]);
  return request.body ? Buffer.concat([head, request.body]) : head;
}
