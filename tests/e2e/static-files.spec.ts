import http from "node:http";
import zlib from "node:zlib";
import { expect, test } from "@playwright/test";

/**
 * Static files (Next's hashed scripts and stylesheets) are kept by the web server with their brotli and gzip made
 * once (lib/page-cache/kept-static-files.mjs), not compressed per request. Every coding decodes to the file; they
 * keep the file's caching headers; HEAD, Range and conditional requests are still answered from the file by Next.
 */
const KEPT = "x-duizhao-render";

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as they came over the wire, still in their content coding. */
  raw: Buffer;
}

/** A request as a plain HTTP client makes it: no Accept-Encoding unless given, and the body left as sent. */
function rawRequest(baseURL: string, address: string, headers: Record<string, string> = {}, method = "GET"): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(address, baseURL), { method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, raw: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end();
  });
}

function decoded(answer: RawAnswer): Buffer {
  const coding = answer.headers["content-encoding"];
  if (coding === "br") return zlib.brotliDecompressSync(answer.raw);
  if (coding === "gzip") return zlib.gunzipSync(answer.raw);
  expect(coding, "a coding the client accepted").toBeUndefined();
  return answer.raw;
}

test.describe("static files", () => {
  test("a script goes out kept, in each coding the client accepts, decoding to the file, still immutable", async ({ baseURL, request }) => {
    const page = await (await request.get("/")).text();
    // The build's scripts, named by the page's script tags or, on a kept page, by the loader allowed by its hash.
    const scripts = [...new Set([...page.matchAll(/["'](\/_next\/static\/[^"'\s]+\.js)["']/g)].map((match) => match[1]!))];
    // Next's own answer from the file: a Range request for all of it is never served from the kept copy. A script
    // big enough to be compressed at all (kept-answer-coding.mjs sends bodies under 1 KiB as they are).
    let script: string | undefined;
    let file: RawAnswer | undefined;
    for (const candidate of scripts) {
      file = await rawRequest(baseURL!, candidate, { range: "bytes=0-" });
      expect(file.status).toBe(206);
      expect(file.headers["content-encoding"]).toBeUndefined();
      if (file.raw.length > 4096) {
        script = candidate;
        break;
      }
    }
    expect(script, "the home page loads a script of the build over 4 KiB").toBeTruthy();

    await rawRequest(baseURL!, script!, { "accept-encoding": "br, gzip" });
    for (const accept of ["br, gzip", "gzip", "identity"]) {
      const answer = await rawRequest(baseURL!, script!, { "accept-encoding": accept });
      expect(answer.status).toBe(200);
      expect(answer.headers[KEPT], `kept (${accept})`).toBe("kept");
      expect(answer.headers["content-encoding"]).toBe(accept === "identity" ? undefined : accept.split(",")[0]);
      expect(Number(answer.headers["content-length"])).toBe(answer.raw.length);
      expect(answer.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(answer.headers["vary"]).toMatch(/accept-encoding/i);
      expect(answer.headers["content-type"]).toMatch(/javascript/);
      expect(decoded(answer).equals(file!.raw), `${accept}: the file's bytes`).toBe(true);
      // The coded bodies' ranges would not be the file's: no Accept-Ranges on them.
      if (accept !== "identity") expect(answer.headers["accept-ranges"]).toBeUndefined();
    }
    // The query does not make another file (Next ignores it), nor another kept copy.
    const withQuery = await rawRequest(baseURL!, `${script}?v=${Date.now()}`, { "accept-encoding": "br" });
    expect(withQuery.headers[KEPT]).toBe("kept");
    expect(decoded(withQuery).equals(file!.raw)).toBe(true);
  });

  test("HEAD, ranges and conditional requests are answered by Next from the file", async ({ baseURL, request }) => {
    const page = await (await request.get("/")).text();
    const stylesheet = /<link[^>]+href="(\/_next\/static\/[^"]+\.css)"/.exec(page)?.[1];
    expect(stylesheet, "the home page links a stylesheet of the build").toBeTruthy();
    const whole = await rawRequest(baseURL!, stylesheet!, { "accept-encoding": "br" });
    expect(whole.status).toBe(200);

    const head = await rawRequest(baseURL!, stylesheet!, {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers[KEPT]).toBeUndefined();
    expect(head.raw.length).toBe(0);

    const range = await rawRequest(baseURL!, stylesheet!, { range: "bytes=0-9" });
    expect(range.status).toBe(206);
    expect(range.raw.equals(decoded(whole).subarray(0, 10))).toBe(true);

    const lastModified = whole.headers["last-modified"];
    expect(lastModified, "the kept copy keeps the file's Last-Modified").toBeTruthy();
    const conditional = await rawRequest(baseURL!, stylesheet!, { "if-modified-since": lastModified! });
    expect(conditional.status).toBe(304);
    expect(conditional.raw.length).toBe(0);
  });
});
