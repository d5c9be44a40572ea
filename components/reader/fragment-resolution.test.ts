import { describe, expect, it } from "vitest";
import { noticeOf } from "./fragment-resolution";

describe("noticeOf", () => {
  it("says nothing of a current anchor and passes on every other resolution", () => {
    expect(noticeOf({ status: "current", anchor: "p-1" })).toBeNull();
    const moved = { status: "moved", anchor: "p-1", targetAnchor: "p-2", targetOffset: 4 } as const;
    expect(noticeOf(moved)).toBe(moved);
    expect(noticeOf({ status: "orphaned", anchor: "p-1", quote: "词" })).toEqual({ status: "orphaned", anchor: "p-1", quote: "词" });
    expect(noticeOf({ status: "unknown", anchor: "p-1" })).toEqual({ status: "unknown", anchor: "p-1" });
  });
});
