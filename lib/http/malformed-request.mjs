// @ts-check
/**
 * Requests that no page or API of Duizhao can mean, answered before Next.js sees them. Next decodes path
 * segments itself and answers 500 when a segment's percent-encoding is broken (`/read/%`, `/read/%E4%B8`,
 * a UTF-16 surrogate such as `%ED%A0%80`) or holds a NUL; a broken address is the client's mistake, so it
 * gets a 4xx with the reason. Plain JavaScript: scripts/serve-next.mjs loads it outside any bundler.
 */

/** Every route answers GET (and so HEAD); nothing in Duizhao takes a body. */
export const ALLOWED_METHODS = ["GET", "HEAD"];

/**
 * Longest path served. The longest real path is a reader anchor route with a slug of at most 80 characters
 * and an anchor of at most 64, percent-encoded CJK at 9 bytes a character: well under 2 KiB.
 */
export const MAX_PATH_BYTES = 4096;

/** C0 controls and DEL: no slug, anchor, concept id or source key holds one, and a NUL breaks PostgreSQL text. */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/u;

/**
 * @typedef {{ status: 400 | 405 | 412 | 414, reason: string, allow?: string }} MalformedRequest
 */

/**
 * What is wrong with this request, or null when Next.js may handle it.
 * @param {string | undefined} method
 * @param {string | undefined} rawUrl the request target as it arrived (path and query, still encoded)
 * @param {{ httpVersion?: string, host?: string }} [sender] the request's HTTP version and Host header
 * @returns {MalformedRequest | null}
 */
export function findMalformedRequest(method, rawUrl, sender = {}) {
  const verb = (method ?? "GET").toUpperCase();
  if (!ALLOWED_METHODS.includes(verb)) {
    return { status: 405, reason: `method ${verb.slice(0, 20)} is not allowed here; use GET`, allow: ALLOWED_METHODS.join(", ") };
  }
  // RFC 9112 §3.2 asks for a 400 here; Node's own (requireHostHeader) was a bare one, without the security headers.
  if (sender.httpVersion === "1.1" && sender.host === undefined) return { status: 400, reason: "an HTTP/1.1 request must name its Host" };
  const target = rawUrl ?? "/";
  // Origin form only (absolute form is made origin form by originFormOf first): `*` (asterisk form, for OPTIONS
  // alone) or a bare word names no resource here, and Next's URL parser answers 500 to `GET *`.
  if (!target.startsWith("/")) return { status: 400, reason: "the request target must be a path starting with /" };
  const queryAt = target.search(/[?#]/u);
  const pathPart = queryAt === -1 ? target : target.slice(0, queryAt);
  if (Buffer.byteLength(pathPart) > MAX_PATH_BYTES) return { status: 414, reason: `the address is longer than ${MAX_PATH_BYTES} bytes` };
  for (const segment of pathPart.split("/")) {
    let decoded;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return { status: 400, reason: "the address holds a broken percent-encoding (not valid UTF-8)" };
    }
    if (CONTROL_CHARACTER.test(decoded)) return { status: 400, reason: "the address holds a control character (such as NUL)" };
  }
  return null;
}

/**
 * Answers a malformed request: JSON for the API, a short page for everything else. The reason is ours,
 * never an echo of the address.
 * @param {import("node:http").ServerResponse} response
 * @param {MalformedRequest} problem
 * @param {string | undefined} rawUrl
 * @param {string | undefined} method
 */
export function answerMalformedRequest(response, problem, rawUrl, method) {
  const forApi = (rawUrl ?? "").startsWith("/api/");
  const body = forApi
    ? JSON.stringify({ error: problem.reason })
    : `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${problem.status} · Duizhao</title></head>` +
      `<body><main><h1>${problem.status}</h1><p>${problem.reason}.</p><p><a href="/">Duizhao 对照</a></p></main></body></html>`;
  response.statusCode = problem.status;
  response.setHeader("Content-Type", forApi ? "application/json; charset=utf-8" : "text/html; charset=utf-8");
  response.setHeader("Cache-Control", "no-store");
  response.setHeader("X-Content-Type-Options", "nosniff");
  if (problem.allow) response.setHeader("Allow", problem.allow);
  response.setHeader("Content-Length", Buffer.byteLength(body));
  response.end((method ?? "GET").toUpperCase() === "HEAD" ? undefined : body);
}

/**
 * The request target in origin form (`/path?query`). A request may name its target in absolute form
 * (`GET http://host/path`, as a client speaking to a proxy does), which an HTTP/1.1 server must accept
 * (RFC 9112 §3.2.2); Next answers it with a redirect to the URL as given, whatever its host: a redirect to
 * any site. Duizhao serves the same pages whatever the host, so only the path and query are kept.
 * @param {string | undefined} rawUrl
 * @returns {string | undefined}
 */
export function originFormOf(rawUrl) {
  const absolute = rawUrl?.match(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(.*)$/isu);
  if (!absolute) return rawUrl;
  const rest = absolute[1] ?? "";
  return rest.startsWith("/") ? rest : `/${rest}`;
}

/**
 * The answer to an Expect header other than 100-continue (which Node answers itself): nothing here meets one.
 * @param {import("node:http").ServerResponse} response
 * @param {string | undefined} method
 */
export function answerUnmetExpectation(response, method) {
  const body = "The request's Expect header names an expectation this server does not meet (only 100-continue).\n";
  response.statusCode = 417;
  response.setHeader("Content-Type", "text/plain; charset=utf-8");
  response.setHeader("Cache-Control", "no-store");
  response.setHeader("Content-Length", Buffer.byteLength(body));
  response.end((method ?? "GET").toUpperCase() === "HEAD" ? undefined : body);
}

/**
 * The answer to a request that never reaches a handler, as bytes for its socket: one Node's parser refuses
 * (`clientError`), a CONNECT (which Node hands to no request handler), with the security headers every answer
 * carries and the reason in plain text.
 * @param {{ code?: string } | "connect"} what the parser's error, or "connect"
 * @param {[string, string][]} headers the security headers of this answer
 * @returns {string}
 */
export function socketRefusal(what, headers) {
  const [status, reason, extra] =
    what === "connect"
      ? ["405 Method Not Allowed", "Method CONNECT is not allowed here; use GET.", [["Allow", ALLOWED_METHODS.join(", ")]]]
      : what.code === "HPE_HEADER_OVERFLOW"
        ? ["431 Request Header Fields Too Large", "The request's headers are too large.", []]
        : what.code === "ERR_HTTP_REQUEST_TIMEOUT"
          ? ["408 Request Timeout", "The request did not arrive in time.", []]
          : [
              "400 Bad Request",
              "The request could not be read: its address or headers are malformed (an address must be percent-encoded, with no raw spaces, control characters or non-ASCII bytes).",
              [],
            ];
  const body = `${reason}\n`;
  const lines = [...headers, ...extra, ["Content-Type", "text/plain; charset=utf-8"], ["Cache-Control", "no-store"], ["Content-Length", String(Buffer.byteLength(body))], ["Connection", "close"]];
  return `HTTP/1.1 ${status}\r\n${lines.map(([name, value]) => `${name}: ${value}\r\n`).join("")}\r\n${body}`;
}
