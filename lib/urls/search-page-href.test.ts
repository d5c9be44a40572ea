import { describe, expect, it } from "vitest";
import { readSearchParams } from "@/lib/search/search-params";
import { searchPageHref } from "./app-urls";

describe("searchPageHref", () => {
  it("leaves out defaults and round-trips through readSearchParams", () => {
    const href = searchPageHref({ q: "网络 主权", doc: "a-doc", kind: "footnote", page: 3, pageSize: 20 });
    expect(href).toBe("/search?q=%E7%BD%91%E7%BB%9C+%E4%B8%BB%E6%9D%83&doc=a-doc&kind=footnote&page=3");
    const read = readSearchParams(new URL(href, "http://x").searchParams);
    expect(read).toEqual({ ok: true, params: { q: "网络 主权", doc: "a-doc", kind: "footnote", page: 3, pageSize: 20 } });
  });
});
