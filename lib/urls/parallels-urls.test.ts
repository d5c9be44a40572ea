import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parallelsHref } from "./app-urls";
import { firstValues } from "./query-values";
import { parallelsPageSchema } from "./route-params";
import { PARALLELS_PAGE_SIZE } from "./url-grammar";

/** The parallels view's address: the page (and page size) written by parallelsHref, read back by its schema. */
describe("parallels URLs", () => {
  it("leaves the first page and the default page size out", () => {
    expect(parallelsHref("essay-1", "p-0a1b2c3d")).toBe("/read/essay-1/parallels/p-0a1b2c3d");
    expect(parallelsHref("essay-1", "p-0a1b2c3d", { page: 1, pageSize: PARALLELS_PAGE_SIZE })).toBe("/read/essay-1/parallels/p-0a1b2c3d");
    expect(parallelsHref("essay-1", "p-0a1b2c3d", { page: 3 })).toBe("/read/essay-1/parallels/p-0a1b2c3d?page=3");
  });

  it("reads back every page, page size and listing it writes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 100 }), fc.boolean(), (page, pageSize, stockOnly) => {
        const url = new URL(parallelsHref("essay-1", "p-0a1b2c3d", { page, pageSize, stockOnly }), "http://x");
        expect(parallelsPageSchema.parse(firstValues(Object.fromEntries(url.searchParams)))).toEqual({ page, pageSize, ...(stockOnly ? { show: "stock" } : {}) });
      }),
    );
  });

  it("names the places sharing only stock phrases with show=stock, and leaves the default listing out", () => {
    expect(parallelsHref("essay-1", "p-0a1b2c3d", { stockOnly: true })).toBe("/read/essay-1/parallels/p-0a1b2c3d?show=stock");
    expect(parallelsHref("essay-1", "p-0a1b2c3d", { stockOnly: true, page: 2 })).toBe("/read/essay-1/parallels/p-0a1b2c3d?show=stock&page=2");
    expect(parallelsHref("essay-1", "p-0a1b2c3d", { stockOnly: false })).toBe("/read/essay-1/parallels/p-0a1b2c3d");
  });

  it("refuses a page that names none, saying which parameter", () => {
    for (const page of ["0", "-1", "abc", "1.5", "10001"]) {
      const parsed = parallelsPageSchema.safeParse({ page });
      expect(parsed.success, page).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(["page"]);
    }
    expect(parallelsPageSchema.safeParse({ pageSize: "101" }).success).toBe(false);
    for (const show of ["all", "", "STOCK", "stock-only"]) {
      const parsed = parallelsPageSchema.safeParse({ show });
      expect(parsed.success, show).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(["show"]);
    }
  });
});
