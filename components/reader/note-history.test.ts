import { describe, expect, it } from "vitest";
import { leavesPage, NOTE_STATE_KEY, openNoteOf, withOpenNote, withoutOpenNote } from "./note-history";

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

describe("leavesPage", () => {
  const here = { origin: "http://duizhao.test", pathname: "/read/essay-a", search: "" };
  const plain = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false };
  const link = (href: string, target = "") => {
    const url = new URL(href, "http://duizhao.test/read/essay-a");
    return { href: url.href, target, origin: url.origin, pathname: url.pathname, search: url.search };
  };
  it("is a plain click on a link to another page of the site", () => {
    expect(leavesPage(link("/sources/src-1?trail=m.essay-a.n-1"), plain, here)).toBe(true);
    expect(leavesPage(link("/read/essay-a?trail=m.essay-a.n-1"), plain, here)).toBe(true);
  });
  it("is not a fragment of this page, another site, a new tab or a modified click", () => {
    expect(leavesPage(link("#n-1"), plain, here)).toBe(false);
    expect(leavesPage(link("https://example.org/paper"), plain, here)).toBe(false);
    expect(leavesPage(link("/sources/src-1", "_blank"), plain, here)).toBe(false);
    expect(leavesPage(link("/sources/src-1"), { ...plain, metaKey: true }, here)).toBe(false);
    expect(leavesPage(link("/sources/src-1"), { ...plain, button: 1 }, here)).toBe(false);
  });
});
