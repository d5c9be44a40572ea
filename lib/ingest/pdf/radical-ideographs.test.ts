import { describe, expect, it } from "vitest";
import { unifyRadicals } from "./radical-ideographs";

describe("unifyRadicals", () => {
  it("puts Kangxi radicals and supplement radicals back to their ideographs", () => {
    expect(unifyRadicals("\u2F79络主权，参\u2EC5第3\u2EDA")).toBe("网络主权，参见第3页");
    expect(unifyRadicals("\u2F00、\u2ED3期")).toBe("一、长期");
  });
  it("maps supplement radicals whose ideograph lies outside the basic plane", () => {
    expect(unifyRadicals("\u2E87")).toBe("\u{20628}");
  });
  it("leaves a radical without an equivalent ideograph, and all other text, as it is", () => {
    expect(unifyRadicals("\u2E80 abc 网络 ①")).toBe("\u2E80 abc 网络 ①");
  });
});
