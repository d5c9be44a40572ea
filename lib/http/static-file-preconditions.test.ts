import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { IncomingHttpHeaders } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settleStaticFilePreconditions, staticFileOnDisk } from "./static-file-preconditions.mjs";

describe("staticFileOnDisk", () => {
  const root = "/app";
  const publicPaths = new Set(["/robots.txt", "/fonts/a%20b.woff2"]);

  it("names Next's hashed assets and public/'s files", () => {
    expect(staticFileOnDisk("/_next/static/chunks/a1.js", root, publicPaths)).toBe("/app/.next/static/chunks/a1.js");
    expect(staticFileOnDisk("/fonts/a%20b.woff2", root, publicPaths)).toBe("/app/public/fonts/a b.woff2");
  });

  it("names nothing for pages, unknown files, or a path leaving its folder", () => {
    for (const pathname of ["/", "/read/x", "/favicon.ico", "/_next/static/", "/_next/static/../../package.json", "/_next/static/%2e%2e/x", "/_next/static/a%2Fb", "/_next/static/%", "/_next/static/a//b"]) {
      expect(staticFileOnDisk(pathname, root, publicPaths), pathname).toBeNull();
    }
  });
});

describe("settleStaticFilePreconditions", () => {
  let folder: string;
  let file: string;
  const modified = new Date("2026-12-06T20:00:00.500Z");
  beforeAll(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "static-preconditions-"));
    file = path.join(folder, "a.js");
    fs.writeFileSync(file, "x".repeat(16));
    fs.utimesSync(file, modified, modified);
  });
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  const settle = (headers: IncomingHttpHeaders, on: string | null = file) => {
    const copy = { ...headers };
    return { answer: settleStaticFilePreconditions(copy, on), left: copy };
  };

  it("lets one satisfiable byte range go on to Next with its If-Range (a 206 of the file's bytes)", () => {
    for (const range of ["bytes=0-0", "bytes=0-9", "bytes=15-", "bytes=-4", "bytes=2-999999"]) {
      const { answer, left } = settle({ range, "if-range": "junk", accept: "*/*" });
      expect(answer, range).toBeNull();
      expect(left, range).toEqual({ range, "if-range": "junk", accept: "*/*" });
    }
  });

  it("ignores any other Range and its If-Range (the file goes whole), where Next's 416 was a 500", () => {
    for (const range of ["bytes=5-1", "bytes=16-", "bytes=99999999-", "bytes=-0", "bytes=-", "bytes=0-1,4-5", "lines=1-2", "bytes=x-1"]) {
      const { answer, left } = settle({ range, "if-range": "junk", accept: "*/*" });
      expect(answer, range).toBeNull();
      expect(left).toEqual({ accept: "*/*" });
    }
  });

  it("answers 412 to If-Match with a tag (static files carry none), and lets * through", () => {
    expect(settle({ "if-match": '"nope"' }).answer?.status).toBe(412);
    expect(settle({ "if-match": 'W/"x", "y"' }).answer?.status).toBe(412);
    expect(settle({ "if-match": " * " }).answer).toBeNull();
  });

  it("answers 412 to If-Unmodified-Since before the file's last change, ignoring a date that is none", () => {
    expect(settle({ "if-unmodified-since": "Thu, 01 Jan 1970 00:00:00 GMT" }).answer?.status).toBe(412);
    expect(settle({ "if-unmodified-since": "Sun, 06 Dec 2026 20:00:00 GMT" }).answer).toBeNull();
    expect(settle({ "if-unmodified-since": "Fri, 31 Dec 9999 23:59:59 GMT" }).answer).toBeNull();
    expect(settle({ "if-unmodified-since": "yesterday" }).answer).toBeNull();
    // If-Match decides when both are given.
    expect(settle({ "if-match": "*", "if-unmodified-since": "Thu, 01 Jan 1970 00:00:00 GMT" }).answer).toBeNull();
  });

  it("leaves the request alone when it names no static file, the file is missing, or nothing is to settle", () => {
    expect(settle({ range: "bytes=5-1" }, null)).toEqual({ answer: null, left: { range: "bytes=5-1" } });
    expect(settle({ "if-match": '"x"' }, path.join(os.tmpdir(), "no-such-file-here.js"))).toEqual({ answer: null, left: { "if-match": '"x"' } });
    expect(settle({ "if-none-match": '"x"' })).toEqual({ answer: null, left: { "if-none-match": '"x"' } });
  });
});
