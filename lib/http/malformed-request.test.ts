import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findMalformedRequest, MAX_PATH_BYTES, originFormOf, socketRefusal } from "./malformed-request.mjs";

describe("findMalformedRequest", () => {
  it("lets through the addresses the app hands out", () => {
    for (const url of ["/", "/read/wang-2018", "/read/wang-2018?q=%E7%BD%91%E7%BB%9C&qp=3", "/compare/a/b", "/api/sources/src-1", "/read/%E7%BD%91/anchors/p-12"]) {
      expect(findMalformedRequest("GET", url)).toBeNull();
      expect(findMalformedRequest("HEAD", url)).toBeNull();
    }
  });

  it("answers 400 for broken percent-encoding, surrogates and NUL in a path segment", () => {
    for (const url of ["/read/%", "/read/%E4%B8", "/compare/%00/x", "/api/sources/%ED%A0%80", "/read/x/anchors/%", "/read/%zz", "/read/a%0Ab"]) {
      expect(findMalformedRequest("GET", url)?.status, url).toBe(400);
    }
  });

  it("reads only the path: the query is the routes' to judge", () => {
    expect(findMalformedRequest("GET", "/search?q=%")).toBeNull();
  });

  it("answers 405 with Allow for methods nothing here takes", () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "BREW"]) {
      const problem = findMalformedRequest(method, "/read/x");
      expect(problem?.status).toBe(405);
      expect(problem?.allow).toBe("GET, HEAD");
    }
  });

  it("answers 414 for an over-long path", () => {
    expect(findMalformedRequest("GET", `/read/${"a".repeat(MAX_PATH_BYTES)}`)?.status).toBe(414);
  });

  it("never throws, and judges an encoded segment by what it decodes to", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary", maxLength: 30 }), { maxLength: 5 }), (segments) => {
        // A lone surrogate cannot be percent-encoded as UTF-8 (encodeURIComponent throws); the raw-string property covers it.
        fc.pre(segments.every((s) => !/\p{Surrogate}/u.test(s)));
        const url = `/${segments.map(encodeURIComponent).join("/")}`;
        const problem = findMalformedRequest("GET", url);
        const hasControl = segments.some((s) => /[\u0000-\u001f\u007f]/u.test(s));
        expect(problem === null).toBe(!hasControl);
      }),
    );
    fc.assert(fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 10 }), (raw, method) => {
      const problem = findMalformedRequest(method, raw);
      expect(problem === null || [400, 405, 414].includes(problem.status)).toBe(true);
    }));
  });

  it("answers 400 for a target that is not a path (asterisk form, a bare word), which Next answered 500", () => {
    for (const url of ["*", "read", "", "?q=1"]) expect(findMalformedRequest("GET", url)?.status, url).toBe(400);
  });
});

describe("findMalformedRequest, with the sender", () => {
  it("answers 400 to an HTTP/1.1 request without Host, and lets HTTP/1.0 (which has none) through", () => {
    expect(findMalformedRequest("GET", "/", { httpVersion: "1.1", host: undefined })?.status).toBe(400);
    expect(findMalformedRequest("GET", "/", { httpVersion: "1.1", host: "" })).toBeNull();
    expect(findMalformedRequest("GET", "/", { httpVersion: "1.0", host: undefined })).toBeNull();
  });
});

describe("originFormOf", () => {
  it("keeps only the path and query of an absolute-form target, whatever its host (Next redirected to that host)", () => {
    expect(originFormOf("http://evil.example/read/%25?q=1")).toBe("/read/%25?q=1");
    expect(originFormOf("HTTPS://localhost:3000")).toBe("/");
    expect(originFormOf("http://h?q=1")).toBe("/?q=1");
  });

  it("leaves origin-form targets as they are, however odd", () => {
    for (const url of ["/", "/read/x?q=http://a/b", "//evil.example", "*", undefined]) expect(originFormOf(url)).toBe(url);
  });
});

describe("socketRefusal", () => {
  const headers: [string, string][] = [["Content-Security-Policy", "default-src 'self'"], ["X-Content-Type-Options", "nosniff"]];

  it("answers CONNECT 405 with Allow, a parser's timeout 408, oversized headers 431, anything else 400, each with the headers given", () => {
    const cases: [Parameters<typeof socketRefusal>[0], string][] = [
      ["connect", "405"],
      [{ code: "ERR_HTTP_REQUEST_TIMEOUT" }, "408"],
      [{ code: "HPE_HEADER_OVERFLOW" }, "431"],
      [{ code: "HPE_INVALID_METHOD" }, "400"],
      [{}, "400"],
    ];
    for (const [what, status] of cases) {
      const answer = socketRefusal(what, headers);
      expect(answer.startsWith(`HTTP/1.1 ${status} `)).toBe(true);
      expect(answer).toContain("Content-Security-Policy: default-src 'self'\r\n");
      expect(answer).toContain("X-Content-Type-Options: nosniff\r\n");
      const [head, body] = answer.split("\r\n\r\n");
      expect(head).toContain(`Content-Length: ${Buffer.byteLength(body!)}`);
      expect(body!.length).toBeGreaterThan(10);
    }
    expect(socketRefusal("connect", headers)).toContain("Allow: GET, HEAD\r\n");
  });
});
