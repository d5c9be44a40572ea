import { describe, expect, it } from "vitest";
import { journalPage, layoutPageOfLine, type NotePlacement } from "./paragraph-page";

// Three pages: page 1 has lines 1–9 of body and its note at 10–11; page 2 body 12–18 with a missing
// note whose marker is on line 15, and a note at 19–20; page 3 body 21–29 and its note at 30.
const notes: NotePlacement[] = [
  { page: 1, status: "present", lineFrom: 10, lineTo: 11 },
  { page: 2, status: "missing", lineFrom: 15, lineTo: 15 },
  { page: 2, status: "present", lineFrom: 19, lineTo: 20 },
  { page: 3, status: "present", lineFrom: 30, lineTo: 30 },
];

describe("layoutPageOfLine", () => {
  it("places a line between the notes that bracket it", () => {
    expect(layoutPageOfLine(3, notes, 3)).toBe(1);
    expect(layoutPageOfLine(13, notes, 3)).toBe(2);
    expect(layoutPageOfLine(17, notes, 3)).toBe(2);
    expect(layoutPageOfLine(25, notes, 3)).toBe(3);
  });

  it("says nothing when the bounds do not meet", () => {
    // Without page 2's present note, a line after its missing note's marker may be on page 2 or 3.
    const withoutNote = notes.filter((note) => note.lineFrom !== 19);
    expect(layoutPageOfLine(17, withoutNote, 3)).toBeNull();
    expect(layoutPageOfLine(5, [], 4)).toBeNull();
    expect(layoutPageOfLine(5, [], 1)).toBe(1);
  });

  it("reads an unlocated note's lines as its marker's, like a missing note's", () => {
    const unlocated = notes.map((note) => (note.status === "missing" ? { ...note, status: "unlocated" as const } : note));
    expect(layoutPageOfLine(17, unlocated, 3)).toBe(layoutPageOfLine(17, notes, 3));
  });
});

describe("journalPage", () => {
  it("calibrates layout pages on the folios that agree", () => {
    expect(journalPage(2, [{ text: "２７", line: 5 }, { text: "29", line: 26 }], notes, 3)).toBe(28);
  });

  it("gives no page when folios disagree, are not numbers or are missing", () => {
    expect(journalPage(2, [{ text: "27", line: 5 }, { text: "40", line: 26 }], notes, 3)).toBeNull();
    // A folio whose own page is unknown calibrates nothing.
    expect(journalPage(2, [{ text: "27", line: 17 }], notes.filter((note) => note.lineFrom !== 19), 3)).toBeNull();
    expect(journalPage(2, [{ text: "欧洲研究 27", line: 5 }], notes, 3)).toBeNull();
    expect(journalPage(2, [], notes, 3)).toBeNull();
    expect(journalPage(2, [{ text: "27", line: 5 }], notes, 3)).toBeNull();
  });
});
