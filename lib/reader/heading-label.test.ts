import { describe, expect, it } from "vitest";
import { headingLabel } from "./heading-label";

describe("headingLabel", () => {
  it("adds the enumeration comma to Chinese numerals only", () => {
    expect(headingLabel("三")).toBe("三、");
    expect(headingLabel("十二")).toBe("十二、");
    expect(headingLabel("（一）")).toBe("（一） ");
    expect(headingLabel("1.")).toBe("1. ");
    expect(headingLabel("")).toBe("");
  });
});
