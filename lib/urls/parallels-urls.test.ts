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

  it("reads back every page and page size it writes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 100 }), (page, pageSize) => {
        const url = new URL(parallelsHref("essay-1", "p-0a1b2c3d", { page, pageSize }), "http://x");
        expect(parallelsPageSchema.parse(firstValues(Object.fromEntries(url.searchParams)))).toEqual({ page, pageSize });
      }),
    );
  });

  it("refuses a page that names none, saying which parameter", () => {
    for (const page of ["0", "-1", "abc", "1.5", "10001"]) {
      const parsed = parallelsPageSchema.safeParse({ page });
      expect(parsed.success, page).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(["page"]);
    }
    expect(parallelsPageSchema.safeParse({ pageSize: "101" }).success).toBe(false);
  });
});
