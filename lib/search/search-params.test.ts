import { describe, expect, it } from "vitest";
import { readSearchParams, searchParamsSchema } from "./search-params";

describe("readSearchParams", () => {
  it("applies defaults and maps kind=note to footnote", () => {
    const read = readSearchParams(new URLSearchParams("q=主权&kind=note"));
    expect(read).toEqual({ ok: true, params: { q: "主权", kind: "footnote", page: 1, pageSize: 20 } });
  });

  it("refuses bad values with a reason naming the parameter", () => {
    for (const query of ["q=a&page=0", "q=a&page=x", "q=a&pageSize=500", "q=a&kind=chapter", "q=a&doc=Bad Slug", "q=a&q=b"]) {
      const read = readSearchParams(new URLSearchParams(query));
      expect(read.ok, query).toBe(false);
      if (!read.ok) expect(read.reason.length).toBeGreaterThan(3);
    }
  });

  it("reads Next's searchParams object, ignoring empty filters", () => {
    expect(readSearchParams({ q: "网络", doc: "", page: "2" })).toEqual({ ok: true, params: { q: "网络", page: 2, pageSize: 20 } });
  });
});

describe("the search form's empty choices", () => {
  it("mean 'any', as the GET form submits them", () => {
    const parsed = searchParamsSchema.safeParse({ q: "主权", doc: "", kind: "", concept: "" });
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ q: "主权", doc: undefined, kind: undefined, concept: undefined });
  });
});
