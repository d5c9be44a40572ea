import { describe, expect, it } from "vitest";
import { anchorBase, citationAnchor, createAnchorAllocator, fnv1a32, missingNoteBasis } from "./assign-anchors";

describe("fnv1a32", () => {
  it("matches the published FNV-1a test vectors", () => {
    expect(fnv1a32("")).toBe("811c9dc5");
    expect(fnv1a32("a")).toBe("e40c292c");
    expect(fnv1a32("foobar")).toBe("bf9cf968");
  });
});

describe("anchors", () => {
  it("hash the text without punctuation or spaces, so re-spacing does not move them", () => {
    expect(anchorBase("p", "网络，空间。")).toBe(anchorBase("p", "网络 空间"));
    expect(anchorBase("p", "网络空间")).not.toBe(anchorBase("p", "网络空问"));
    expect(anchorBase("h", "结语")).toMatch(/^h-[0-9a-f]{8}$/);
  });

  it("number duplicates -2, -3 in the order met, per prefix", () => {
    const take = createAnchorAllocator();
    const first = take("n", "同上。");
    expect(take("n", "同上。")).toBe(`${first}-2`);
    expect(take("n", "同上")).toBe(`${first}-3`);
    expect(take("p", "同上。")).toBe(anchorBase("p", "同上"));
  });

  it("are deterministic across allocators", () => {
    const a = createAnchorAllocator();
    const b = createAnchorAllocator();
    expect(["一", "二", "一"].map((t) => a("p", t))).toEqual(["一", "二", "一"].map((t) => b("p", t)));
  });

  it("base a missing note on the 16 characters before its marker and its label", () => {
    const basis = missingNoteBasis("前文很长很长的一段话，说到这里为止就是标记之前的文字。", "③");
    expect(basis).toBe("话说到这里为止就是标记之前的文字③");
    expect(Array.from(basis)).toHaveLength(17);
    expect(citationAnchor("n-0000abcd", 2)).toBe("n-0000abcd-c2");
  });
});
