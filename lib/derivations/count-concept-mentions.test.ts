import { describe, expect, it } from "vitest";
import { countConceptMentions } from "./count-concept-mentions";
import type { ConceptMention } from "./find-mentions";

const mention = (over: Partial<ConceptMention>): ConceptMention => ({
  conceptId: "cyber-sovereignty",
  blockAnchor: "p-1",
  blockKind: "paragraph",
  start: 0,
  end: 4,
  variant: "网络主权",
  via: "variant",
  ...over,
});

describe("countConceptMentions", () => {
  it("counts a concept's own mentions and those in notes", () => {
    expect(
      countConceptMentions([mention({}), mention({ blockKind: "footnote", blockAnchor: "n-1" }), mention({ blockKind: "heading", blockAnchor: "h-1" })]),
    ).toEqual([{ conceptId: "cyber-sovereignty", memberOf: null, mentions: 3, mentionsInNotes: 1 }]);
  });

  it("counts a member item under its compound, apart from the compound's own mentions", () => {
    const counts = countConceptMentions([
      mention({ conceptId: "four-principles", variant: "四项原则" }),
      mention({ conceptId: "respect-sovereignty", memberOf: "four-principles", via: "member" }),
      mention({ conceptId: "respect-sovereignty", memberOf: "four-principles", via: "member", blockKind: "footnote" }),
      mention({ conceptId: "peace-security", memberOf: "four-principles", via: "member" }),
    ]);
    expect(counts).toEqual([
      { conceptId: "four-principles", memberOf: null, mentions: 1, mentionsInNotes: 0 },
      { conceptId: "four-principles", memberOf: "respect-sovereignty", mentions: 2, mentionsInNotes: 1 },
      { conceptId: "four-principles", memberOf: "peace-security", mentions: 1, mentionsInNotes: 0 },
    ]);
  });

  it("counts every mention exactly once", () => {
    const mentions = Array.from({ length: 50 }, (_, i) =>
      mention({ conceptId: `c${i % 3}`, blockKind: i % 4 === 0 ? "footnote" : "paragraph", ...(i % 5 === 0 ? { memberOf: "k", conceptId: `m${i % 2}` } : {}) }),
    );
    const counts = countConceptMentions(mentions);
    expect(counts.reduce((sum, c) => sum + c.mentions, 0)).toBe(50);
    expect(counts.reduce((sum, c) => sum + c.mentionsInNotes, 0)).toBe(mentions.filter((m) => m.blockKind === "footnote").length);
  });

  it("gives no rows for no mentions", () => {
    expect(countConceptMentions([])).toEqual([]);
  });
});
