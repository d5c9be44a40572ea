import { describe, expect, it } from "vitest";
import { countMentions, inNotesLabel, mentionCountLabel } from "./mention-count";

describe("countMentions", () => {
  it("counts headings, paragraphs and notes, and says how many stand in notes", () => {
    const mentions = [
      { blockKind: "heading" as const },
      { blockKind: "paragraph" as const },
      { blockKind: "paragraph" as const },
      { blockKind: "footnote" as const },
    ];
    expect(countMentions(mentions)).toEqual({ total: 4, inNotes: 1 });
    expect(countMentions([])).toEqual({ total: 0, inNotes: 0 });
  });
});

describe("labels", () => {
  it("say what the number counts", () => {
    expect(mentionCountLabel({ total: 33, inNotes: 4 })).toBe("33 mentions (4 in notes)");
    expect(mentionCountLabel({ total: 1, inNotes: 0 })).toBe("1 mention");
    expect(inNotesLabel({ total: 29, inNotes: 0 })).toBeNull();
  });
});
