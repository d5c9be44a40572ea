import { describe, expect, it } from "vitest";
import { type AnchoredBlock, remapAnchors } from "./remap-anchors";

const p = (anchor: string, text: string): AnchoredBlock => ({ anchor, kind: "paragraph", text });

const before = [
  p("p-a", "网络空间是人类共同的活动空间，网络空间前途命运应由世界各国共同掌握。各国应该加强沟通、扩大共识、深化合作。"),
  p("p-b", "网络主权是国家主权在网络空间的自然延伸，是一国基于国家主权对本国境内的网络设施享有的对内最高权和对外独立权。"),
  p("p-c", "数字鸿沟是国际社会面临的一大长期难题，发展不平衡也是严峻的现实，需要各国共同努力加以弥合。"),
];

describe("remapAnchors", () => {
  it("leaves anchors that still exist alone", () => {
    expect(remapAnchors(before, before)).toEqual([]);
  });

  it("moves the anchor of an edited paragraph to its new version", () => {
    const after = [before[0]!, p("p-b2", before[1]!.text.replace("自然延伸", "自然而然的延伸")), before[2]!];
    expect(remapAnchors(before, after)).toEqual([
      expect.objectContaining({ anchor: "p-b", status: "moved", targetAnchor: "p-b2", targetOffset: 0 }),
    ]);
  });

  it("moves the anchor of a split paragraph to the part where its passage begins", () => {
    const [first, second] = before[1]!.text.split("，是一国");
    const after = [before[0]!, p("p-b1", `${first}。`), p("p-b2", `是一国${second}`), before[2]!];
    expect(remapAnchors(before, after)).toEqual([
      expect.objectContaining({ anchor: "p-b", status: "moved", targetAnchor: "p-b1", targetOffset: 0 }),
    ]);
  });

  it("moves both anchors of merged paragraphs into the merged one, the second at its offset", () => {
    const merged = p("p-ab", before[0]!.text + before[1]!.text);
    const moves = remapAnchors(before, [merged, before[2]!]);
    expect(moves).toEqual([
      expect.objectContaining({ anchor: "p-a", status: "moved", targetAnchor: "p-ab", targetOffset: 0 }),
      expect.objectContaining({ anchor: "p-b", status: "moved", targetAnchor: "p-ab", targetOffset: before[0]!.text.length }),
    ]);
  });

  it("orphans the anchor of a deleted paragraph instead of sending it somewhere wrong", () => {
    expect(remapAnchors(before, [before[0]!, before[2]!])).toEqual([
      expect.objectContaining({ anchor: "p-b", status: "orphaned", quote: before[1]!.text }),
    ]);
  });

  it("matches short headings exactly or not at all", () => {
    const heading = (anchor: string, text: string): AnchoredBlock => ({ anchor, kind: "heading", text });
    const moves = remapAnchors([heading("h-1", "治理目标"), heading("h-2", "治理原则")], [heading("h-1", "治理目标"), heading("h-3", "治理方式")]);
    expect(moves).toEqual([expect.objectContaining({ anchor: "h-2", status: "orphaned" })]);
  });
});
