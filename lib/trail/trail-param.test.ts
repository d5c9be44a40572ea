import { describe, expect, it } from "vitest";
import { appendStep, encodeTrail, MAX_TRAIL_STEPS, readTrail, type Trail } from "./trail-param";

const trail: Trail = [
  { kind: "marker", slug: "essay-a", noteAnchor: "n-3f2a" },
  { kind: "source", key: "src-0c1d2e3f4a5b6c7d" },
  { kind: "note", slug: "essay-b", noteAnchor: "n-9e8d" },
];
const encoded = "m.essay-a.n-3f2a~s.src-0c1d2e3f4a5b6c7d~n.essay-b.n-9e8d";

describe("trail encoding", () => {
  it("encodes steps compactly and reads them back", () => {
    expect(encodeTrail(trail)).toBe(encoded);
    expect(readTrail(encoded)).toEqual({ trail, invalid: false });
    // Nothing in the encoding needs escaping in a URL.
    expect(encodeURIComponent(encoded)).toBe(encoded);
  });

  it("reads an absent trail as empty and not invalid", () => {
    expect(readTrail(undefined)).toEqual({ trail: [], invalid: false });
    expect(readTrail("")).toEqual({ trail: [], invalid: false });
    expect(readTrail([encoded, "x"])).toEqual({ trail, invalid: false });
  });

  it.each([
    ["unknown kind", "x.essay-a.n-1"],
    ["missing anchor", "m.essay-a"],
    ["extra part", "s.src-1.extra"],
    ["uppercase slug", "m.Essay.n-1"],
    ["empty step", "m.essay-a.n-1~~s.src-1"],
    ["markup", "s.<script>"],
    ["path traversal", "s...%2F"],
    ["too many steps", Array.from({ length: MAX_TRAIL_STEPS + 1 }, (_, i) => `s.src-${i}`).join("~")],
    ["too long", `s.${"a".repeat(2100)}`],
  ])("drops a malformed trail whole (%s)", (_name, value) => {
    expect(readTrail(value)).toEqual({ trail: [], invalid: true });
  });

  it("does not repeat the step it is on, and forgets the oldest steps past the limit", () => {
    const source = { kind: "source", key: "src-1" } as const;
    expect(appendStep([source], source)).toEqual([source]);
    let long: Trail = [];
    for (let i = 0; i < MAX_TRAIL_STEPS + 3; i += 1) long = appendStep(long, { kind: "source", key: `src-${i}` });
    expect(long).toHaveLength(MAX_TRAIL_STEPS);
    expect(long[0]).toEqual({ kind: "source", key: "src-3" });
    expect(readTrail(encodeTrail(long)).invalid).toBe(false);
  });
});
