import { describe, expect, it } from "vitest";
import { arrivalNoteAnchor, READING_POSITION, readingScrollTop } from "./arrival";

describe("readingScrollTop", () => {
  it("puts the element a third of the way down the screen", () => {
    // Element at 1200 px in a 900 px window scrolled to 0: it should end at 300 px.
    expect(readingScrollTop(1200, 0, 900)).toBe(1200 - 900 * READING_POSITION);
    expect(readingScrollTop(100, 2000, 900)).toBe(1800);
  });
  it("never scrolls above the page's start", () => {
    expect(readingScrollTop(50, 0, 900)).toBe(0);
  });
});

describe("arrivalNoteAnchor", () => {
  const search = (trail: string) => new URLSearchParams({ trail });
  it("names the note of the trail's last step when it is on this document", () => {
    expect(arrivalNoteAnchor(search("m.essay-a.n-1~s.src-1~n.essay-b.n-2"), "essay-b")).toBe("n-2");
    expect(arrivalNoteAnchor(search("m.essay-a.n-1"), "essay-a")).toBe("n-1");
  });
  it("names none for a source step, another document, or no trail", () => {
    expect(arrivalNoteAnchor(search("m.essay-a.n-1~s.src-1"), "essay-a")).toBeNull();
    expect(arrivalNoteAnchor(search("m.essay-a.n-1~s.src-1~n.essay-b.n-2"), "essay-a")).toBeNull();
    expect(arrivalNoteAnchor(new URLSearchParams(), "essay-a")).toBeNull();
    expect(arrivalNoteAnchor(search("not a trail"), "essay-a")).toBeNull();
  });
});
