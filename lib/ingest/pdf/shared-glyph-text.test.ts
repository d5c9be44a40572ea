import { describe, expect, it } from "vitest";
import { unifySharedGlyphs } from "./shared-glyph-text";

describe("unifySharedGlyphs", () => {
  it("puts Kangxi radicals and supplement radicals back to their ideographs", () => {
    expect(unifySharedGlyphs("\u2F79络主权，参\u2EC5第3\u2EDA")).toBe("网络主权，参见第3页");
    expect(unifySharedGlyphs("\u2F00、\u2ED3期")).toBe("一、长期");
  });
  it("maps supplement radicals whose ideograph lies outside the basic plane", () => {
    expect(unifySharedGlyphs("\u2E87")).toBe("\u{20628}");
  });
  it("reads the horizontal bar as the em dash of a 破折号", () => {
    expect(unifySharedGlyphs("规则\u2015\u2015即")).toBe("规则\u2014\u2014即");
  });
  it("reads canonical look-alikes as the characters Chinese text uses (angle brackets of a title in a title)", () => {
    expect(unifySharedGlyphs("《解读\u2329白皮书\u232A》")).toBe("《解读〈白皮书〉》");
  });
  it("leaves a radical without an equivalent ideograph, and all other text, as it is", () => {
    expect(unifySharedGlyphs("\u2E80 abc 网络 ①")).toBe("\u2E80 abc 网络 ①");
  });
});
