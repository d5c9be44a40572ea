import { describe, expect, it } from "vitest";
import { noticeOf, resolutionFrom } from "./fragment-resolution";

describe("noticeOf", () => {
  it("says nothing of a current anchor and passes on every other resolution", () => {
    expect(noticeOf({ status: "current", anchor: "p-1" })).toBeNull();
    const moved = { status: "moved", anchor: "p-1", targetAnchor: "p-2", targetOffset: 4 } as const;
    expect(noticeOf(moved)).toBe(moved);
    expect(noticeOf({ status: "orphaned", anchor: "p-1", quote: "词" })).toEqual({ status: "orphaned", anchor: "p-1", quote: "词" });
    expect(noticeOf({ status: "unknown", anchor: "p-1" })).toEqual({ status: "unknown", anchor: "p-1" });
  });
});

describe("resolutionFrom", () => {
  it("takes every resolution the anchors route sends, without what else the answer holds", () => {
    expect(resolutionFrom({ status: "current", anchor: "p-1" }, "p-1")).toEqual({ status: "current", anchor: "p-1" });
    const moved = { status: "moved", anchor: "p-1", targetAnchor: "p-2", targetOffset: 4 };
    expect(resolutionFrom(moved, "p-1")).toEqual(moved);
    expect(resolutionFrom({ status: "moved", anchor: "p-1", targetAnchor: "p-2", targetOffset: 0 }, "p-1")).toMatchObject({ targetOffset: 0 });
    expect(resolutionFrom({ status: "orphaned", anchor: "p-1", quote: "词" }, "p-1")).toEqual({ status: "orphaned", anchor: "p-1", quote: "词" });
    expect(resolutionFrom({ status: "orphaned", anchor: "p-1", quote: "" }, "p-1")).toEqual({ status: "orphaned", anchor: "p-1", quote: "" });
    // The route's 400 for an anchor that cannot be one is a resolution too (with the reason beside it).
    expect(resolutionFrom({ status: "unknown", anchor: "bad anchor", error: "anchor: not an anchor" }, "bad anchor")).toEqual({
      status: "unknown",
      anchor: "bad anchor",
    });
  });

  it("finds no passage, for the anchor asked for, in an answer that is not a resolution", () => {
    const unknown = { status: "unknown", anchor: "p-7" };
    // The route's 404 when the document is no longer there, and its 503 or 500.
    expect(resolutionFrom({ error: 'document "essay" not found' }, "p-7")).toEqual(unknown);
    expect(resolutionFrom({ error: "the database is unavailable; try again shortly" }, "p-7")).toEqual(unknown);
    for (const body of [null, undefined, "not found", 404, [], {}, { status: "current" }, { status: "moved", anchor: "p-7" }]) {
      expect(resolutionFrom(body, "p-7"), JSON.stringify(body)).toEqual(unknown);
    }
  });

  it("refuses a resolution whose fields are not what the route sends", () => {
    const unknown = { status: "unknown", anchor: "p-7" };
    expect(resolutionFrom({ status: "gone", anchor: "p-7" }, "p-7")).toEqual(unknown);
    expect(resolutionFrom({ status: "current", anchor: "" }, "p-7")).toEqual(unknown);
    expect(resolutionFrom({ status: "current", anchor: 7 }, "p-7")).toEqual(unknown);
    expect(resolutionFrom({ status: "moved", anchor: "p-7", targetAnchor: "", targetOffset: 1 }, "p-7")).toEqual(unknown);
    expect(resolutionFrom({ status: "moved", anchor: "p-7", targetAnchor: "p-8", targetOffset: "1" }, "p-7")).toEqual(unknown);
    expect(resolutionFrom({ status: "moved", anchor: "p-7", targetAnchor: "p-8", targetOffset: -1 }, "p-7")).toEqual(unknown);
    expect(resolutionFrom({ status: "moved", anchor: "p-7", targetAnchor: "p-8", targetOffset: 1.5 }, "p-7")).toEqual(unknown);
    expect(resolutionFrom({ status: "orphaned", anchor: "p-7" }, "p-7")).toEqual(unknown);
  });

  it("never leaves the notice without an anchor to name", () => {
    for (const body of [{ error: "x" }, { status: "unknown" }, { status: "orphaned", quote: "词" }]) {
      const notice = noticeOf(resolutionFrom(body, "p-7"));
      expect(notice?.anchor).toBe("p-7");
    }
  });
});
