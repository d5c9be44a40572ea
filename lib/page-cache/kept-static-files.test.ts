import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isKeptStaticFile, publicPathsOf, staticFileKey } from "./kept-static-files.mjs";
import { MAX_KEY_LENGTH } from "./rendered-response-cache.mjs";

const publicPaths = publicPathsOf(["favicon.ico", "__bench/load-baseline.html", "icons/a b.svg"]);
const get = (url: string, headers: Record<string, string> = {}) => ({ method: "GET", url, headers });

describe("which requests are answered from kept static files", () => {
  it("keys Next's hashed build output and public/'s files by path, the query ignored", () => {
    expect(staticFileKey(get("/_next/static/chunks/3vmu8wezc1alr.js"), publicPaths)).toBe("/_next/static/chunks/3vmu8wezc1alr.js");
    expect(staticFileKey(get("/_next/static/chunks/app.css?v=2"), publicPaths)).toBe("/_next/static/chunks/app.css");
    expect(staticFileKey(get("/favicon.ico"), publicPaths)).toBe("/favicon.ico");
    expect(staticFileKey(get("/__bench/load-baseline.html?x=1"), publicPaths)).toBe("/__bench/load-baseline.html");
    expect(staticFileKey(get("/icons/a%20b.svg"), publicPaths)).toBe("/icons/a%20b.svg");
  });

  it("leaves pages, the API, files not in public/ and the bare prefix to Next", () => {
    for (const url of ["/", "/read/a", "/api/documents", "/favicon.png", "/_next/static/", "/_next/image?url=x", "/__bench/other.html"]) {
      expect(staticFileKey(get(url), publicPaths)).toBeNull();
    }
  });

  it("leaves HEAD, ranges and conditional requests to Next, which answers them from the file", () => {
    const path = "/_next/static/chunks/a.js";
    expect(staticFileKey({ method: "HEAD", url: path, headers: {} }, publicPaths)).toBeNull();
    expect(staticFileKey({ method: "POST", url: path, headers: {} }, publicPaths)).toBeNull();
    for (const name of ["range", "if-range", "if-none-match", "if-modified-since", "if-match", "if-unmodified-since"]) {
      expect(staticFileKey(get(path, { [name]: "x" }), publicPaths)).toBeNull();
    }
    expect(staticFileKey(get(`${path}?${"q".repeat(MAX_KEY_LENGTH)}`), publicPaths)).toBeNull();
  });

  it("never keys anything outside the static prefix or public/, whatever the address", () => {
    fc.assert(
      fc.property(fc.string(), (url) => {
        const key = staticFileKey(get(url), publicPaths);
        if (key !== null) expect(key.startsWith("/_next/static/") || publicPaths.has(key)).toBe(true);
      }),
    );
  });
});

describe("which answers are kept", () => {
  it("keeps whole answers of the types compression shrinks", () => {
    for (const type of [
      "application/javascript; charset=UTF-8",
      "text/css; charset=UTF-8",
      "text/html; charset=utf-8",
      "text/plain",
      "application/json",
      "application/manifest+json",
      "application/ld+json",
      "image/svg+xml",
      "application/wasm",
    ]) {
      expect(isKeptStaticFile(200, type)).toBe(true);
    }
  });

  it("leaves compressed formats, partial answers and errors alone", () => {
    for (const type of ["image/png", "image/x-icon", "font/woff2", "application/pdf", "application/octet-stream", undefined]) {
      expect(isKeptStaticFile(200, type)).toBe(false);
    }
    expect(isKeptStaticFile(206, "application/javascript")).toBe(false);
    expect(isKeptStaticFile(404, "text/html")).toBe(false);
    expect(isKeptStaticFile(304, "text/css")).toBe(false);
  });
});
