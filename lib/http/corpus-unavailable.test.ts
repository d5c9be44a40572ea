import { describe, expect, it } from "vitest";
import { PATHS } from "@/lib/urls/url-grammar";
import { isCorpusPage, PAGE_ROOTS, UNAVAILABLE_PAGE } from "./corpus-unavailable.mjs";

describe("isCorpusPage", () => {
  it("knows every page root the app has (PATHS), and no API", () => {
    const pageRoots = Object.values(PATHS)
      .filter((root) => root !== "/" && !root.startsWith("/api/"))
      .map((root) => root.slice(1));
    expect([...PAGE_ROOTS].sort()).toEqual(pageRoots.sort());
  });

  it("is true for pages and false for APIs, Next's assets and files", () => {
    for (const path of ["/", "/read/wang-2018", "/compare", "/compare/a/b", "/concepts/x", "/sources/k", "/bibliography", "/search"]) expect(isCorpusPage(path), path).toBe(true);
    for (const path of ["/api/health", "/api/documents", "/_next/static/chunks/a.js", "/icon.svg", "/reading"]) expect(isCorpusPage(path), path).toBe(false);
  });
});

describe("UNAVAILABLE_PAGE", () => {
  it("says plainly that the corpus is unavailable, and runs no script", () => {
    expect(UNAVAILABLE_PAGE).toMatch(/The corpus is unavailable/);
    expect(UNAVAILABLE_PAGE).not.toMatch(/<script/i);
  });
});
