import { describe, expect, it } from "vitest";
import { VIRIDIS_STEPS, contrastRatio, heatColour, heatLevel, readableTextOn } from "./heat-scale";

describe("heatLevel", () => {
  it("leaves empty cells uncoloured and gives the maximum the top step", () => {
    expect(heatLevel(0, 40)).toBe(0);
    expect(heatLevel(40, 40)).toBe(VIRIDIS_STEPS.length);
    expect(heatLevel(1, 40)).toBe(1);
    expect(heatLevel(1, 1)).toBe(VIRIDIS_STEPS.length);
  });

  it("never decreases as the count grows", () => {
    const levels = Array.from({ length: 60 }, (_, i) => heatLevel(i + 1, 60));
    expect(levels.every((level, i) => i === 0 || level >= (levels[i - 1] as number))).toBe(true);
    expect(new Set(levels).size).toBe(VIRIDIS_STEPS.length);
  });
});

describe("heatColour", () => {
  it("runs dark-to-light on paper and light-to-dark at night, so the busiest cell stands out in both", () => {
    const most = heatColour(50, 50);
    const fewest = heatColour(1, 50);
    expect(contrastRatio(most!.light.background, "#fbfaf7")).toBeGreaterThan(contrastRatio(fewest!.light.background, "#fbfaf7"));
    expect(contrastRatio(most!.dark.background, "#16171a")).toBeGreaterThan(contrastRatio(fewest!.dark.background, "#16171a"));
  });

  it("writes every count legibly (WCAG AA, 4.5:1) on its cell", () => {
    for (const step of VIRIDIS_STEPS) expect(contrastRatio(readableTextOn(step), step)).toBeGreaterThanOrEqual(4.5);
  });
});
