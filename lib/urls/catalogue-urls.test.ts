import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bibliographyHref, catalogueHref, compareChoiceHref, conceptHref, documentsApiHref } from "./app-urls";
import { firstValues } from "./query-values";
import { bibliographyPageSchema, catalogueQuerySchema, compareChoiceSchema, concordancePageSchema } from "./route-params";

const parse = (href: string) => catalogueQuerySchema.parse(firstValues(new URL(href, "http://x").searchParams));

describe("catalogue URLs", () => {
  it("leave out what is not given, the first page and the default page size", () => {
    expect(catalogueHref()).toBe("/");
    expect(catalogueHref({ page: 1, pageSize: 20 })).toBe("/");
    expect(catalogueHref({ journal: "欧洲研究", year: 2023, page: 2 })).toBe("/?journal=%E6%AC%A7%E6%B4%B2%E7%A0%94%E7%A9%B6&year=2023&page=2");
    expect(documentsApiHref({ q: " 数字 ", pageSize: 9 })).toBe("/api/documents?q=%E6%95%B0%E5%AD%97&pageSize=9");
  });

  it("read back as they were written, whatever the values", () => {
    const text = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() === s && s !== "" && !/[\u0000-\u001f\u007f]/u.test(s));
    fc.assert(
      fc.property(
        fc.record(
          {
            q: text,
            journal: text,
            year: fc.integer({ min: 1000, max: 9999 }),
            author: text,
            concept: fc.constantFrom("cyber-sovereignty", "a-b-c"),
            source: fc.constantFrom("src-1a2b", "src_x"),
            page: fc.integer({ min: 1, max: 10_000 }),
            pageSize: fc.integer({ min: 1, max: 100 }),
          },
          { requiredKeys: ["page", "pageSize"] },
        ),
        (query) => {
          expect(parse(catalogueHref(query))).toEqual(query);
        },
      ),
    );
  });

  it("refuse what no catalogue link holds, with the parameter named", () => {
    for (const [query, path] of [
      ["?page=0", "page"],
      ["?pageSize=101", "pageSize"],
      ["?year=23", "year"],
      ["?concept=Not_An_Id", "concept"],
      ["?q=" + "字".repeat(101), "q"],
      ["?author=%00", "author"],
      ["?zz=1", ""],
    ] as const) {
      const parsed = catalogueQuerySchema.safeParse(firstValues(new URLSearchParams(query)));
      expect(parsed.success, query).toBe(false);
      if (path) expect(parsed.error!.issues[0]!.path).toEqual([path]);
    }
    // Blank form fields are no filter.
    expect(parse("/?q=&journal=&year=")).toEqual({ page: 1, pageSize: 20 });
  });

  it("page the concordance and the bibliography, keeping their other parameters", () => {
    const concept = new URL(conceptHref("cyber-sovereignty", { key: "left", order: "asc", page: 3 }), "http://x");
    expect(concept.search).toBe("?sort=left&order=asc&page=3");
    expect(concordancePageSchema.parse(firstValues(concept.searchParams))).toEqual({ page: 3, pageSize: 50 });
    expect(conceptHref("x", { key: "document", order: "asc", page: 1, pageSize: 50 })).toBe("/concepts/x?sort=document&order=asc#concordance");
    const bibliography = new URL(bibliographyHref({ type: "book", sort: "cited", page: 2, pageSize: 10 }), "http://x");
    expect(bibliography.search).toBe("?type=book&sort=cited&page=2&pageSize=10");
    expect(bibliographyPageSchema.parse(firstValues(bibliography.searchParams))).toEqual({ page: 2, pageSize: 10 });
  });

  it("carry a side-by-side choice, read leniently", () => {
    expect(compareChoiceHref({ left: "a", rq: " 治理 " })).toBe("/compare?left=a&rq=%E6%B2%BB%E7%90%86");
    expect(compareChoiceSchema.parse({ left: "../x", rq: "治理" })).toEqual({ left: undefined, right: undefined, lq: undefined, rq: "治理" });
  });
});
