import { describe, expect, it } from "vitest";
import { followerScrollTop, isEcho, TOP_MARGIN } from "./aligned-scroll";

describe("isEcho", () => {
  it("is a scroll to where the script last set the pane, give or take rounding", () => {
    expect(isEcho(300, 300)).toBe(true);
    expect(isEcho(300, 301.4)).toBe(true);
    expect(isEcho(300, 298.6)).toBe(true);
  });

  it("is not a scroll elsewhere, nor one the script did not set", () => {
    expect(isEcho(300, 301.5)).toBe(false);
    expect(isEcho(300, 0)).toBe(false);
    expect(isEcho(null, 300)).toBe(false);
  });
});

describe("followerScrollTop", () => {
  // The right document's blocks stand twice as far apart as the left's.
  const points = [
    { left: 0, right: 0 },
    { left: 1000, right: 2000 },
    { left: 2000, right: 4000 },
  ];
  const pane = (scrollTop: number) => ({ scrollTop, scrollHeight: 4000, clientHeight: 600 });

  it("puts the follower where the alignment maps the leader's top (with the margin a block is shown at)", () => {
    expect(followerScrollTop(points, "left", 500 - TOP_MARGIN, pane(0))).toBe(1000 - TOP_MARGIN);
    expect(followerScrollTop(points, "right", 1000 - TOP_MARGIN, pane(0))).toBe(500 - TOP_MARGIN);
  });

  it("keeps the follower within its extent", () => {
    expect(followerScrollTop(points, "left", 1900, pane(0))).toBe(3400);
    expect(followerScrollTop(points, "right", 0, pane(500))).toBe(0);
  });

  it("leaves a follower that already stands there (within a pixel)", () => {
    expect(followerScrollTop(points, "left", 500 - TOP_MARGIN, pane(1000 - TOP_MARGIN + 0.5))).toBeNull();
    expect(followerScrollTop(points, "left", 500 - TOP_MARGIN, pane(1000 - TOP_MARGIN + 1))).toBe(1000 - TOP_MARGIN);
  });
});
