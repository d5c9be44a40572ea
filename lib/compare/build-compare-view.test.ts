import { describe, expect, it } from "vitest";
import type { DocumentStructure } from "@/lib/model/document-model";
import { countMentions } from "@/lib/concepts/mention-count";
import { buildReadingOrder } from "@/lib/reader/reading-order";
import { buildCompareView, type ViewDocument, type ViewLink, type ViewMention } from "./build-compare-view";

function doc(slug: string, paragraphs: string[], notes: { anchor: string; text: string }[] = []): DocumentStructure {
  return {
    slug,
    title: slug,
    authors: [],
    journal: null,
    issue: null,
    date: "2023",
    abstract: null,
    pageCount: 1,
    headings: [{ anchor: `h-${slug}`, level: 1, label: "一", text: "总论", markers: [], sourceLines: [1, 1], correction: null }],
    paragraphs: paragraphs.map((text, i) => ({ anchor: `p-${slug}${i}`, headingAnchor: `h-${slug}`, text, markers: [], sourceLines: [2 + i, 2 + i], correction: null })),
    footnotes: notes.map((note, i) => ({ anchor: note.anchor, label: `[${i + 1}]`, page: 1, status: "present" as const, text: note.text, citations: [], sourceLines: [50 + i, 50 + i], attachment: null, correction: null })),
    fragments: [],
    debris: [],
    warnings: [],
    corrections: [],
  };
}

const mention = (conceptId: string, anchor: string, start: number, blockKind: ViewMention["blockKind"] = "paragraph", member: string | null = null): ViewMention => ({
  conceptId,
  member,
  blockKind,
  anchor,
  start,
  end: start + 4,
});

const view = (document: DocumentStructure, mentions: ViewMention[]): ViewDocument => ({ document, order: buildReadingOrder(document), mentions });

const concepts = [
  { id: "sov", labelZh: "网络主权", labelEn: "cyber sovereignty", ordinal: 1 },
  { id: "gap", labelZh: "数字鸿沟", labelEn: "digital divide", ordinal: 2 },
  { id: "solo", labelZh: "独有", labelEn: "only left", ordinal: 0 },
];

// Left: ¶1 and ¶3 mention sovereignty, ¶2 the divide, a note mentions sovereignty too. Right: sovereignty in ¶1 and ¶4.
const left = view(doc("a", ["网络主权甲", "数字鸿沟乙", "网络主权丙", "丁"], [{ anchor: "n-a1", text: "注文网络主权" }]), [
  mention("sov", "p-a0", 0),
  mention("gap", "p-a1", 0),
  mention("sov", "p-a2", 0),
  mention("sov", "n-a1", 2, "footnote"),
  mention("solo", "p-a3", 0),
]);
const right = view(doc("b", ["网络主权一", "二", "三", "网络主权四"], [{ anchor: "n-b1", text: "另一注" }]), [mention("sov", "p-b0", 0), mention("sov", "p-b3", 0)]);

const links: ViewLink[] = [
  // ¶1 on the left shares words with the right's last paragraph: its counterpart is there, not at the top.
  { id: "l1", kind: "shared_passage", confidence: 1, left: { blockKind: "paragraph", anchor: "p-a0", start: 0, end: 4 }, right: { blockKind: "paragraph", anchor: "p-b3", start: 0, end: 4 }, evidence: { leftText: "网络主权", rightText: "网络主权", hanChars: 4 } },
  { id: "l2", kind: "shared_source", confidence: 0.85, left: { blockKind: "paragraph", anchor: "p-a2", start: 3, end: 3 }, right: { blockKind: "paragraph", anchor: "p-b0", start: 5, end: 5 }, evidence: { title: "白皮书", type: "report", leftNote: "n-a1", rightNote: "n-b1" } },
  { id: "l3", kind: "concept_overlap", confidence: 0.3, left: { blockKind: "paragraph", anchor: "p-a1", start: null, end: null }, right: { blockKind: "paragraph", anchor: "p-b1", start: null, end: null }, evidence: { concepts: ["sov", "item-x"], score: 0.3 } },
];

describe("buildCompareView", () => {
  const input = { left, right, concepts, members: [{ id: "item-x", labelZh: "某项", labelEn: "an item" }], links };

  it("lists the concepts of the pair counted per pane as every page counts them (notes included, and said), shared ones first", () => {
    const { picker } = buildCompareView(input, []);
    expect(picker.map((c) => [c.id, c.left, c.right])).toEqual([
      ["sov", { total: 3, inNotes: 1 }, { total: 2, inNotes: 0 }],
      ["solo", { total: 1, inNotes: 0 }, { total: 0, inNotes: 0 }],
      ["gap", { total: 1, inNotes: 0 }, { total: 0, inNotes: 0 }],
    ]);
  });

  it("counts each pane's mentions exactly as the concept page's rule does (countMentions over every mention of the document)", () => {
    const { picker } = buildCompareView(input, []);
    for (const concept of picker) {
      for (const [side, pane] of [["left", left], ["right", right]] as const) {
        expect(concept[side]).toEqual(countMentions(pane.mentions.filter((m) => m.conceptId === concept.id)));
      }
    }
  });

  it("counts a concept mentioned only in notes, and puts it among the shared ones when both essays mention it", () => {
    const noteOnly = view(doc("c", ["无关"], [{ anchor: "n-c1", text: "数字鸿沟注" }]), [mention("gap", "n-c1", 0, "footnote")]);
    const { picker } = buildCompareView({ ...input, right: noteOnly }, []);
    expect(picker.find((c) => c.id === "gap")).toMatchObject({ left: { total: 1, inNotes: 0 }, right: { total: 1, inNotes: 1 } });
    // The divide is the one concept both essays mention now: it comes first.
    expect(picker.map((c) => c.id)).toEqual(["gap", "solo", "sov"]);
  });

  it("marks only the active concepts, in both panes, in their tone", () => {
    const result = buildCompareView(input, ["gap", "sov"]);
    expect(result.active).toEqual(["gap", "sov"]);
    expect(result.left.marks.get("p-a1")).toEqual([{ kind: "concept", concept: "gap", tone: 1, start: 0, end: 4 }]);
    expect(result.left.marks.get("p-a0")?.[0]).toMatchObject({ concept: "sov", tone: 2 });
    expect(result.right.marks.get("p-b3")?.[0]).toMatchObject({ concept: "sov", tone: 2 });
    expect(result.left.marks.has("p-a3")).toBe(false);
    // A note's mention is counted, so it is highlighted in the notes list too; but it is no jump's start or end.
    expect(result.left.marks.get("n-a1")).toEqual([{ kind: "concept", concept: "sov", tone: 2, start: 2, end: 6 }]);
    expect(result.left.counterparts["n-a1"]).toBeUndefined();
    expect(result.right.counterparts["p-b0"]?.sov?.every(([, , target]) => target?.anchor !== "n-a1")).toBe(true);
  });

  it("sends each mention to the linked block's mention, else to the nearest one", () => {
    const result = buildCompareView(input, ["sov"]);
    expect(result.left.counterparts["p-a0"]?.sov?.[0]?.[2]?.anchor).toBe("p-b3");
    expect(result.left.counterparts["p-a2"]?.sov?.[0]?.[2]?.anchor).toBe("p-b0");
    // Links work both ways: from the right, the same two pairs.
    expect(result.right.counterparts["p-b3"]?.sov?.[0]?.[2]?.anchor).toBe("p-a0");
    expect(result.right.counterparts["p-b0"]?.sov?.[0]?.[2]?.anchor).toBe("p-a2");
  });

  it("gives a paragraph one chip per active concept, with its count and jump", () => {
    const result = buildCompareView(input, ["sov", "gap"]);
    expect(result.left.chips.get("p-a0")).toEqual([{ concept: "sov", tone: 1, count: 1, target: { anchor: "p-b3", start: 0, end: 4 } }]);
    // The divide has no mention on the right: the chip is there, with nowhere to go.
    expect(result.left.chips.get("p-a1")).toEqual([{ concept: "gap", tone: 2, count: 1, target: null }]);
  });

  it("counts links per block and writes their evidence for the panel", () => {
    const result = buildCompareView(input, []);
    expect(result.left.linkCounts.get("p-a0")).toBe(1);
    expect(result.right.linkCounts.get("p-b1")).toBe(1);
    const source = result.links.find((l) => l.kind === "shared_source")!;
    expect(source.left).toMatchObject({ label: "¶ 3", order: 3 });
    expect(result.links.find((l) => l.kind === "shared_passage")?.right).toMatchObject({ label: "¶ 4", order: 4 });
    expect(source.evidence).toEqual({
      kind: "shared_source",
      title: "白皮书",
      sourceType: "report",
      leftNote: "n-a1",
      rightNote: "n-b1",
    });
    // A citing note the document does not list is named as not found, not by an anchor nothing shows.
    const lost = buildCompareView({ ...input, links: [{ ...links[1]!, evidence: { title: "白皮书", type: null, leftNote: "n-gone", rightNote: "n-b1" } }] }, []);
    expect(lost.links[0]!.evidence).toEqual({ kind: "shared_source", title: "白皮书", sourceType: null, leftNote: null, rightNote: "n-b1" });
    const overlap = result.links.find((l) => l.kind === "concept_overlap")!;
    expect(overlap.evidence).toEqual({
      kind: "concept_overlap",
      concepts: [
        { id: "sov", labelZh: "网络主权" },
        { id: "item-x", labelZh: "某项" },
      ],
    });
  });

  it("sends only what the panes do not show: a shared passage's words are read there, by its ends; confidence to the hundredth", () => {
    const differing: ViewLink = { ...links[0]!, id: "l4", confidence: 0.5434782608695652, evidence: { leftText: "网络主权", rightText: "网络 主权", hanChars: 4 } };
    const result = buildCompareView({ ...input, links: [links[0]!, differing] }, []);
    expect(result.links[0]!.evidence).toEqual({ kind: "shared_passage" });
    expect(result.links[1]!).toMatchObject({ evidence: { kind: "shared_passage" }, left: { anchor: "p-a0", start: 0, end: 4 }, right: { anchor: "p-b3", start: 0, end: 4 } });
    expect(result.links[1]!.confidence).toBe(0.54);
  });

  it("ignores active concepts neither document mentions", () => {
    expect(buildCompareView(input, ["nowhere", "sov"]).active).toEqual(["sov"]);
  });

  it("knows every block and note of each pane", () => {
    const result = buildCompareView(input, []);
    expect([...result.left.anchors].sort()).toEqual(["h-a", "n-a1", "p-a0", "p-a1", "p-a2", "p-a3"]);
  });
});
