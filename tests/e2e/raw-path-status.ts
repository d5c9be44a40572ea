import http from "node:http";
import net from "node:net";

/**
 * The status a GET of `path` answers, the path sent exactly as written: `fetch` and Playwright's request parse the
 * address first and would repair what these tests mean to send (a broken percent-encoding, `..`, a lone `%`).
 */
export function rawPathStatus(baseURL: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(baseURL);
    const request = http.request({ host: url.hostname, port: url.port, path, method: "GET" }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    request.on("error", reject);
    request.end();
  });
}

/**
 * The whole answer (head and body, as latin1 text) to `request` sent as raw bytes over a socket, read until the
 * server closes: what no HTTP client sends (CONNECT, `GET *`, an absolute-form target, raw UTF-8). "" when the
 * server closed the connection without answering.
 */
export function rawExchangeText(baseURL: string, request: Buffer | string): Promise<string> {
  const url = new URL(baseURL);
  return new Promise<string>((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () => socket.end(request));
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("close", () => resolve(Buffer.concat(chunks).toString("latin1")));
    // The server may close once it has answered, before a body it does not read is all sent: what it answered counts.
    socket.on("error", (error: NodeJS.ErrnoException) => (error.code === "ECONNRESET" || error.code === "EPIPE" ? undefined : reject(error)));
  });
}

/** A raw answer's status and headers (lower-case names). */
export function rawAnswerHead(answer: string): { status: number; headers: Record<string, string> } {
  const [statusLine = "", ...lines] = answer.slice(0, answer.indexOf("\r\n\r\n")).split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(" ")[1] ?? 0), headers };
}
