import { describe, expect, it } from "vitest";
import { type Trail, trailOnSource } from "@/lib/trail/trail-param";
import { citingPassageHref, noteSourceHref, stepHref } from "./app-urls";

const trail: Trail = [
  { kind: "marker", slug: "essay-a", noteAnchor: "n-3f2a" },
  { kind: "source", key: "src-0c1d2e3f4a5b6c7d" },
  { kind: "note", slug: "essay-b", noteAnchor: "n-9e8d" },
];
const encoded = "m.essay-a.n-3f2a~s.src-0c1d2e3f4a5b6c7d~n.essay-b.n-9e8d";

describe("trail links", () => {
  it("starts a trail at the note's marker when leaving a note for its source", () => {
    expect(noteSourceHref({ slug: "essay-a", noteAnchor: "n-3f2a", sourceKey: "src-0c1d2e3f4a5b6c7d" })).toBe(
      "/sources/src-0c1d2e3f4a5b6c7d?trail=m.essay-a.n-3f2a~s.src-0c1d2e3f4a5b6c7d",
    );
  });

  it("continues a trail from the note it stands on without adding a marker step", () => {
    const onNote = trail;
    expect(noteSourceHref({ slug: "essay-b", noteAnchor: "n-9e8d", sourceKey: "src-77", trail: onNote })).toBe(
      `/sources/src-77?trail=${encoded}~s.src-77`,
    );
    // Another note of the same page does start a new marker step.
    expect(noteSourceHref({ slug: "essay-b", noteAnchor: "n-0001", sourceKey: "src-77", trail: onNote })).toBe(
      `/sources/src-77?trail=${encoded}~m.essay-b.n-0001~s.src-77`,
    );
  });

  it("opens a citing passage at its block, appending the note step", () => {
    expect(citingPassageHref({ trail: trail.slice(0, 2), slug: "essay-b", noteAnchor: "n-9e8d", blockAnchor: "p-12" })).toBe(
      `/read/essay-b?trail=${encoded}#p-12`,
    );
    expect(citingPassageHref({ trail: [], slug: "essay-b", noteAnchor: "n-9e8d" })).toBe("/read/essay-b?trail=n.essay-b.n-9e8d#ref-n-9e8d");
  });

  it("links each breadcrumb step to its page with the trail as it stood there", () => {
    expect(stepHref(trail, 0)).toBe("/read/essay-a?trail=m.essay-a.n-3f2a#ref-n-3f2a");
    expect(stepHref(trail, 1)).toBe("/sources/src-0c1d2e3f4a5b6c7d?trail=m.essay-a.n-3f2a~s.src-0c1d2e3f4a5b6c7d");
    expect(stepHref(trail, 2)).toBe(`/read/essay-b?trail=${encoded}#ref-n-9e8d`);
    expect(() => stepHref(trail, 3)).toThrow(RangeError);
  });

  it("puts the source a page shows at the end of its trail exactly once", () => {
    expect(trailOnSource(trail.slice(0, 2), "src-0c1d2e3f4a5b6c7d")).toEqual(trail.slice(0, 2));
    expect(trailOnSource(trail, "src-0c1d2e3f4a5b6c7d")).toEqual([...trail, { kind: "source", key: "src-0c1d2e3f4a5b6c7d" }]);
    expect(trailOnSource([], "src-1")).toEqual([{ kind: "source", key: "src-1" }]);
  });
});
