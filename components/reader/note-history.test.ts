import { describe, expect, it } from "vitest";
import { NOTE_STATE_KEY, openNoteOf, withOpenNote, withoutOpenNote } from "./note-history";

describe("a note open in a history entry", () => {
  it("is added to the entry's state, keeping what else it holds (the router's own keys)", () => {
    const state = withOpenNote({ __NA: true, tree: [1] }, "note-popover");
    expect(state).toEqual({ __NA: true, tree: [1], [NOTE_STATE_KEY]: "note-popover" });
    expect(openNoteOf(state)).toBe("note-popover");
    expect(withOpenNote(null, "note-popover")).toEqual({ [NOTE_STATE_KEY]: "note-popover" });
  });

  it("is taken out again, and is none in an empty state", () => {
    expect(withoutOpenNote({ __NA: true, [NOTE_STATE_KEY]: "note-popover" })).toEqual({ __NA: true });
    expect(openNoteOf(null)).toBeUndefined();
    expect(openNoteOf({ __NA: true })).toBeUndefined();
  });
});
