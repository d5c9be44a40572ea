import { describe, expect, it } from "vitest";
import { blockHref, compareHref, isPassageLinkBlock, passageHref, readFragmentAnchor, readHitRange, readPassageSelector, withHitBlock } from "./app-urls";

const paramsOf = (href: string) => Object.fromEntries(new URL(href, "http://x").searchParams);

describe("deep links", () => {
  it("round-trips a selected passage through its URL, Chinese text and all", () => {
    const selector = { exact: "不搞网络霸权", prefix: "各国应当尊重网络主权，", suffix: "。网络主权理念", blockAnchor: "p-1a2b", offset: 31 };
    const href = passageHref("essay-000", selector);
    expect(href.startsWith("/read/essay-000?")).toBe(true);
    expect(href.endsWith("#p-1a2b")).toBe(true);
    expect(readPassageSelector(paramsOf(href))).toEqual(selector);
  });

  it("keeps only the context nearest the passage when the context is long", () => {
    const href = passageHref("s", { exact: "中", prefix: "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑", suffix: "子丑寅卯辰巳午未申酉戌亥一二三四五六七八九", blockAnchor: "p-1", offset: 0 });
    const selector = readPassageSelector(paramsOf(href))!;
    expect(selector.prefix.endsWith("子丑")).toBe(true);
    expect(selector.prefix.length).toBe(20);
    expect(selector.suffix.startsWith("子丑")).toBe(true);
  });

  it("reads no passage from a URL without one and tolerates a tampered anchor or offset", () => {
    expect(readPassageSelector({})).toBeNull();
    expect(readPassageSelector({ q: "   " })).toBeNull();
    const selector = readPassageSelector({ q: "网络", qa: "<script>", qo: "-4" });
    expect(selector).toMatchObject({ exact: "网络", blockAnchor: "", offset: -1 });
  });

  it("reads a search hit's range and refuses malformed ones", () => {
    expect(readHitRange("12-30")).toEqual({ start: 12, end: 30 });
    expect(readHitRange(["3-5", "7-9"])).toEqual({ start: 3, end: 5 });
    expect(readHitRange("30-12")).toBeNull();
    expect(readHitRange("a-b")).toBeNull();
    expect(readHitRange(undefined)).toBeNull();
  });

  it("builds block and side-by-side links", () => {
    expect(blockHref("essay", "n-3-c1")).toBe("/read/essay#n-3-c1");
    expect(compareHref({ left: "a", right: "b", lp: "p-1", rp: null })).toBe("/compare?left=a&right=b&lp=p-1");
  });
});


describe("readFragmentAnchor", () => {
  it("is the fragment without its #, decoded", () => {
    expect(readFragmentAnchor("#p-12")).toBe("p-12");
    expect(readFragmentAnchor("#%E6%B3%A8-1")).toBe("注-1");
    expect(readFragmentAnchor("")).toBe("");
  });

  it("takes a broken percent-encoding as written instead of throwing", () => {
    expect(readFragmentAnchor("#%")).toBe("%");
    expect(readFragmentAnchor("#p-%E4%B8")).toBe("p-%E4%B8");
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
