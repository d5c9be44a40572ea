// @ts-check
/**
 * The web server `npm start` runs: Next.js's request handler behind brotli (or gzip) compression.
 *
 * `next start` compresses with gzip only, whose 32 KiB window cannot see that a page's React payload
 * repeats its text; brotli's can, and the reader's HTML travels at less than half the gzip size
 * (measured: 106 → ~50 KiB). Quality 5 keeps the work per response close to gzip's.
 *
 * Plain JavaScript run by Node itself: Next's server must not load through the tsx loader.
 * Usage: node scripts/serve-next.mjs <port> <host>
 */
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import compression from "compression";
import next from "next";
import { answerMalformedRequest, findMalformedRequest } from "../lib/http/malformed-request.mjs";

const [port, host] = [Number(process.argv[2]), process.argv[3] ?? "localhost"];
if (!Number.isInteger(port) || port <= 0) {
  console.error("usage: node scripts/serve-next.mjs <port> <host>");
  process.exit(2);
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

process.title = `next-server duizhao (${port})`;
const app = next({ dev: false, dir: root, hostname: host, port });
await app.prepare();
const handle = app.getRequestHandler();
const compress = compression({ brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } } });

const server = http.createServer((request, response) => {
  const problem = findMalformedRequest(request.method, request.url);
  if (problem) return answerMalformedRequest(response, problem, request.url, request.method);
  compress(request, response, () => void handle(request, response));
});
server.keepAliveTimeout = 5000;
server.on("error", (error) => {
  console.error(`duizhao: error: the web server could not listen on ${host}:${port} (${error.message})`);
  process.exit(1);
});
server.listen(port, host, () => console.log(`listening on http://${host}:${port}`));

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
