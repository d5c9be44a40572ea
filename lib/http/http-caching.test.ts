import { describe, expect, it } from "vitest";
import { cachingFor, IMMUTABLE, namesCurrentTag, pageEntityTag, REVALIDATE } from "./http-caching.mjs";

describe("pageEntityTag", () => {
  it("names the build, the process and the corpus generation, weakly", () => {
    expect(pageEntityTag({ buildId: "b1", processId: "p1", generation: 3 })).toBe('W/"b1.p1.3"');
  });

  it("changes with every ingest, every build and every restart", () => {
    const tag = pageEntityTag({ buildId: "b1", processId: "p1", generation: 3 });
    expect(pageEntityTag({ buildId: "b1", processId: "p1", generation: 4 })).not.toBe(tag);
    expect(pageEntityTag({ buildId: "b2", processId: "p1", generation: 3 })).not.toBe(tag);
    expect(pageEntityTag({ buildId: "b1", processId: "p2", generation: 3 })).not.toBe(tag);
  });

  it("is absent while the server cannot see ingests", () => {
    expect(pageEntityTag({ buildId: "b1", processId: "p1", generation: null })).toBeNull();
  });
});

describe("namesCurrentTag", () => {
  const tag = 'W/"b1.p1.3"';
  it("matches by weak comparison, in a list, in either form", () => {
    expect(namesCurrentTag('W/"b1.p1.3"', tag)).toBe(true);
    expect(namesCurrentTag('"b1.p1.3"', tag)).toBe(true);
    expect(namesCurrentTag('"x", W/"b1.p1.3"', tag)).toBe(true);
    expect(namesCurrentTag(['"x"', 'W/"b1.p1.3"'], tag)).toBe(true);
  });

  it("does not match an older generation, nothing, a wildcard, or when there is no current tag", () => {
    expect(namesCurrentTag('W/"b1.p1.2"', tag)).toBe(false);
    expect(namesCurrentTag(undefined, tag)).toBe(false);
    expect(namesCurrentTag("", tag)).toBe(false);
    expect(namesCurrentTag("*", tag)).toBe(false);
    expect(namesCurrentTag('W/"b1.p1.3"', null)).toBe(false);
  });
});

describe("cachingFor", () => {
  it("has pages revalidate, tagged when they are the page (200)", () => {
    expect(cachingFor({ path: "/read/x", status: 200, contentType: "text/html; charset=utf-8", cacheControl: "s-maxage=31536000" })).toEqual({ cacheControl: REVALIDATE, tagged: true });
    expect(cachingFor({ path: "/read/x", status: 404, contentType: "text/html; charset=utf-8", cacheControl: undefined })).toEqual({ cacheControl: REVALIDATE, tagged: false });
    expect(REVALIDATE).toMatch(/no-cache/);
    expect(REVALIDATE).toMatch(/private/);
    expect(REVALIDATE).not.toMatch(/max-age=[1-9]/);
  });

  it("has React Server Component payloads revalidate, untagged", () => {
    expect(cachingFor({ path: "/read/x", status: 200, contentType: "text/x-component", cacheControl: "s-maxage=31536000" })).toEqual({ cacheControl: REVALIDATE, tagged: false });
  });

  it("keeps Next's hashed assets immutable for a year", () => {
    expect(cachingFor({ path: "/_next/static/chunks/a1b2.js", status: 200, contentType: "application/javascript", cacheControl: undefined })).toEqual({ cacheControl: IMMUTABLE, tagged: false });
    expect(IMMUTABLE).toBe("public, max-age=31536000, immutable");
  });

  it("takes away a shared cache's year from anything else corpus-derived, and leaves the rest alone", () => {
    expect(cachingFor({ path: "/api/og", status: 200, contentType: "image/png", cacheControl: "public, immutable, no-transform, max-age=31536000" }).cacheControl).toBe("no-cache");
    expect(cachingFor({ path: "/api/documents", status: 200, contentType: "application/json", cacheControl: undefined }).cacheControl).toBeUndefined();
  });
});
