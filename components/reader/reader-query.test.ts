import { describe, expect, it } from "vitest";
import { fragmentAnchor, isPassageLinkBlock, withHitBlock } from "./reader-query";

describe("fragmentAnchor", () => {
  it("is the fragment without its #, decoded", () => {
    expect(fragmentAnchor("#p-12")).toBe("p-12");
    expect(fragmentAnchor("#%E6%B3%A8-1")).toBe("注-1");
    expect(fragmentAnchor("")).toBe("");
  });
});

describe("withHitBlock", () => {
  it("adds the fragment's block to a search hit's query, keeping the rest", () => {
    expect(withHitBlock(new URLSearchParams("hl=2-8&trail=x"), "p-12")?.toString()).toBe("hl=2-8&trail=x&hb=p-12");
  });

  it("leaves an address alone without a hit, without a fragment, or with the block already named", () => {
    expect(withHitBlock(new URLSearchParams("trail=x"), "p-12")).toBeNull();
    expect(withHitBlock(new URLSearchParams("hl=2-8"), "")).toBeNull();
    expect(withHitBlock(new URLSearchParams("hl=2-8&hb=p-3"), "p-12")).toBeNull();
  });

  it("does not change the query it is given", () => {
    const search = new URLSearchParams("hl=2-8");
    withHitBlock(search, "p-12");
    expect(search.toString()).toBe("hl=2-8");
  });
});

describe("isPassageLinkBlock", () => {
  it("is true for the block a passage link names with its words", () => {
    expect(isPassageLinkBlock(new URLSearchParams("q=words&qa=p-4"), "p-4")).toBe(true);
    expect(isPassageLinkBlock(new URLSearchParams("q=words&qa=p-4"), "p-5")).toBe(false);
    expect(isPassageLinkBlock(new URLSearchParams("qa=p-4"), "p-4")).toBe(false);
  });
});
