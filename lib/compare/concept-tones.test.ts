import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assignTones, MAX_ACTIVE_CONCEPTS, TONE_COUNT, toneOf } from "./concept-tones";

describe("assignTones", () => {
  it("gives concepts tones in the order they were picked, each its own glyph", () => {
    const tones = assignTones(["b", "a", "c"]);
    expect([...tones.entries()].map(([id, tone]) => [id, tone.index])).toEqual([
      ["b", 1],
      ["a", 2],
      ["c", 3],
    ]);
    expect(new Set([...tones.values()].map((tone) => tone.glyph)).size).toBe(3);
  });

  it("never gives two active concepts the same colour", () => {
    const ids = Array.from({ length: 12 }, (_, i) => `c${i}`);
    const tones = assignTones(ids);
    expect(tones.size).toBe(MAX_ACTIVE_CONCEPTS);
    expect(new Set([...tones.values()].map((tone) => tone.colourName)).size).toBe(tones.size);
  });

  it("pairs each colour with an underline that differs from its neighbours'", () => {
    for (let i = 1; i < TONE_COUNT; i++) expect(toneOf(i).underline).not.toBe(toneOf(i + 1).underline);
  });
});

describe("the stylesheet", () => {
  const css = readFileSync(new URL("../../app/compare/compare.css", import.meta.url), "utf8");
  it("colours every tone in the light and in the dark theme", () => {
    for (let i = 1; i <= TONE_COUNT; i++) {
      expect(css).toMatch(new RegExp(`\\.compare \\[data-tone="${i}"\\]\\s*\\{[^}]*--tone:`));
      expect(css).toMatch(new RegExp(`html\\[data-theme="dark"\\] \\.compare \\[data-tone="${i}"\\]\\s*\\{[^}]*--tone:`));
      expect(css).toMatch(new RegExp(`mark\\[data-tone="${i}"\\]::after\\s*\\{[^}]*content: "${toneOf(i).glyph}"`));
    }
  });
});
