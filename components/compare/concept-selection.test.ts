import { describe, expect, it } from "vitest";
import { activeConcepts, toggledConcepts } from "./concept-selection";

describe("activeConcepts", () => {
  it("keeps known concepts once each, in the order picked, up to the maximum", () => {
    const known = new Set(["a", "b", "c", "d"]);
    expect(activeConcepts(["b", "x", "a", "b", "c", "d"], known, 3)).toEqual(["b", "a", "c"]);
    expect(activeConcepts([], known, 3)).toEqual([]);
  });
});

describe("toggledConcepts", () => {
  it("adds a concept last and drops one where it stands", () => {
    expect(toggledConcepts(["a", "b"], "c", 7)).toEqual(["a", "b", "c"]);
    expect(toggledConcepts(["a", "b", "c"], "b", 7)).toEqual(["a", "c"]);
  });

  it("cuts a pick beyond the maximum", () => {
    expect(toggledConcepts(["a", "b"], "c", 2)).toEqual(["a", "b"]);
  });
});
