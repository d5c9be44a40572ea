import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { firstValue, firstValues, queryValue, repeatedKeys } from "./query-values";
import {
  anchorParam,
  anchorSegment,
  conceptIdParam,
  conceptIdSegment,
  exportFormatParam,
  pageParam,
  pathSegment,
  slugParam,
  slugSegment,
  sourceKeyParam,
  sourceKeySegment,
} from "./route-params";

/** The reasons a schema gives for a value, or null when it accepts it. */
function reasons(schema: z.ZodType, value: unknown): string[] | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : parsed.error.issues.map((issue) => issue.message);
}

describe("route parameter schemas", () => {
  it.each([
    ["slug", slugParam, ["a", "sample-essay", "2019-04", "x".repeat(80)], [["", /empty/], ["Essay", /lowercase/], ["-a", /lowercase/], ["a_b", /lowercase/], ["网络", /lowercase/], ["../x", /lowercase/], ["x".repeat(81), /longer than 80/]]],
    ["anchor", anchorParam, ["p-1a2b3c4d", "n-00000001-c1", "h-0", "A_b"], [["", /not an anchor/], ["-p", /not an anchor/], ["p 1", /not an anchor/], ["<script>", /not an anchor/], ["p".repeat(129), /not an anchor/]]],
    ["source key", sourceKeyParam, ["src-0c1d2e3f4a5b6c7d", "src-0"], [["../x", /not a source key/], ["src.1", /not a source key/], ["", /not a source key/]]],
    ["concept id", conceptIdParam, ["cyber-sovereignty", "four-principles", "a1"], [["", /empty/], ["NOT_AN_ID", /concept id may hold/], ["a--b", /single hyphens/], ["a-", /single hyphens/], ["x".repeat(81), /longer than 80/]]],
    ["page", pageParam, ["1", "2", "10000"], [["0", /starts at 1/], ["1.5", /whole number/], ["x", /./], ["10001", /at most/]]],
    ["export format", exportFormatParam, ["bibtex", "ris", "csl-json", "gbt7714"], [["pdf", /format must be one of bibtex, ris, csl-json, gbt7714/], ["", /format must be one of/]]],
  ] as const)("%s: accepts the valid and refuses the malformed with a reason", (_name, schema, valid, invalid) => {
    for (const value of valid) expect(reasons(schema, value), value).toBeNull();
    for (const [value, reason] of invalid) {
      const given = reasons(schema, value);
      expect(given, value).not.toBeNull();
      expect(given!.join("; "), value).toMatch(reason);
    }
  });

  it("decodes a path segment as Next hands it, and refuses a broken escape instead of throwing", () => {
    expect(pathSegment.parse("%E7%BD%91%E7%BB%9C")).toBe("网络");
    expect(pathSegment.parse("sample-essay")).toBe("sample-essay");
    for (const broken of ["%", "%E4%B8", "%zz", "%ED%A0%80"]) expect(reasons(pathSegment, broken)?.join()).toMatch(/percent-encoded/);
  });

  it("checks a segment by what it decodes to", () => {
    expect(slugSegment.parse("sample-essay")).toBe("sample-essay");
    expect(reasons(slugSegment, "%2E%2E%2Fx")).toEqual(["slug may hold only lowercase letters, digits and hyphens"]);
    expect(reasons(slugSegment, "%")).not.toBeNull();
    expect(anchorSegment.parse("n-1-c1")).toBe("n-1-c1");
    expect(reasons(anchorSegment, "%3Cx%3E")).toEqual(["not an anchor"]);
    expect(sourceKeySegment.parse("src-1")).toBe("src-1");
    expect(conceptIdSegment.parse("four-principles")).toBe("four-principles");
    expect(reasons(conceptIdSegment, "NOT_AN_ID")).not.toBeNull();
  });
});

describe("query values", () => {
  it("take the first of a repeated parameter, from URLSearchParams or Next's searchParams object", () => {
    expect(firstValue(undefined)).toBeUndefined();
    expect(firstValue(null)).toBeUndefined();
    expect(firstValue("a")).toBe("a");
    expect(firstValue(["a", "b"])).toBe("a");
    expect(firstValue([])).toBeUndefined();
    expect(firstValues(new URLSearchParams("a=1&b=2&a=3"))).toEqual({ a: "1", b: "2" });
    expect(firstValues({ a: ["1", "3"], b: "2", c: undefined, d: [] })).toEqual({ a: "1", b: "2" });
    expect(queryValue(new URLSearchParams("a=1&a=2"), "a")).toBe("1");
    expect(queryValue({ a: "x" }, "b")).toBeUndefined();
  });

  it("name the keys given more than once", () => {
    expect(repeatedKeys(new URLSearchParams("a=1&b=2&a=3&c=&c="))).toEqual(["a", "c"]);
    expect(repeatedKeys({ a: ["1", "2"], b: "x", c: ["y"] })).toEqual(["a"]);
  });
});
