import { describe, expect, it } from "vitest";
import { fitWidthModel, lineDeficit, lineWidth, PRIOR_WIDTHS } from "./line-width";

const han = (n: number) => "国".repeat(n);

describe("line-width", () => {
  it("fits the body measure and the width of digits from full lines", () => {
    // Full lines of 30 em: some pure Han, some with a four-digit year (digits 0.5 em each: 2 em).
    const lines = [...Array.from({ length: 20 }, () => han(30)), ...Array.from({ length: 20 }, () => `${han(14)}２０１５${han(14)}`)];
    const model = fitWidthModel([...lines, han(12), "", han(29)]);
    expect(model.measure).toBeCloseTo(30, 0);
    expect(model.weights.fullwidthAlnum).toBeGreaterThan(0.3);
    expect(model.weights.fullwidthAlnum).toBeLessThan(0.7);
    expect(Math.abs(lineDeficit(model, `${han(14)}２０１５${han(14)}`))).toBeLessThan(0.5);
    expect(lineDeficit(model, han(20))).toBeCloseTo(10, 0);
    expect(lineDeficit(model, han(40))).toBeLessThan(-8);
  });

  it("falls back to typical widths when there are too few lines to fit", () => {
    const model = fitWidthModel([han(10), han(10)]);
    expect(model.weights).toEqual(PRIOR_WIDTHS);
    expect(lineWidth(model, "ab")).toBe(1);
  });
});
