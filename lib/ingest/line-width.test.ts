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

  it("fits the measure on lines that fill it, not on lines a hanging mark overruns or an indent shortens", () => {
    // Measure 20 em, punctuation 1 em. Full lines end on a Han character; a closing comma that does not fit
    // hangs past the measure (21 em); a paragraph's first line is 2 em short; a line before a Latin word that
    // did not fit falls short by up to the word.
    const full = Array.from({ length: 16 }, (_, i) => `${han(4 + (i % 5))}，${han(15 - (i % 5))}`);
    const hanging = Array.from({ length: 14 }, (_, i) => `${han(6 + (i % 4))}，${han(13 - (i % 4))}，`);
    const first = Array.from({ length: 10 }, (_, i) => `${han(5 + (i % 3))}，${han(12 - (i % 3))}`);
    const beforeLatin = [`${han(8)}，${han(7)}`, "Internet Governance Forum的年度会议吸引了众多参与者。"];
    const model = fitWidthModel([...full, ...hanging, ...first, ...beforeLatin]);
    expect(model.measure).toBeGreaterThan(19.7);
    expect(model.measure).toBeLessThan(20.3);
    expect(model.weights.punct).toBeGreaterThan(0.85);
    expect(lineDeficit(model, first[0]!)).toBeGreaterThan(1.6);
  });

  it("falls back to typical widths when there are too few lines to fit", () => {
    const model = fitWidthModel([han(10), han(10)]);
    expect(model.weights).toEqual(PRIOR_WIDTHS);
    expect(lineWidth(model, "ab")).toBe(1);
  });
});
