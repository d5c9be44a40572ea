import { describe, expect, it } from "vitest";
import type { Footnote, Heading, Paragraph } from "@/lib/model/document-model";
import { buildReadingOrder } from "./reading-order";

const heading = (anchor: string, level: number): Heading => ({ anchor, level, label: "", text: anchor, markers: [], sourceLines: [1, 1], correction: null });
const paragraph = (anchor: string, headingAnchor: string | null, notes: string[] = []): Paragraph => ({
  anchor,
  headingAnchor,
  text: "正文正文正文。",
  markers: notes.map((footnoteAnchor, i) => ({ label: "①", footnoteAnchor, offset: 6 - i })),
  sourceLines: [1, 1],
  correction: null,
});
const note = (anchor: string): Footnote => ({ anchor, label: "①", page: 1, status: "present", text: "注。", citations: [], sourceLines: [1, 1], attachment: null, correction: null });

describe("buildReadingOrder", () => {
  const order = buildReadingOrder({
    headings: [heading("h1", 1), heading("h1-1", 2), heading("h2", 1)],
    paragraphs: [paragraph("p0", null, ["n0"]), paragraph("p1", "h1"), paragraph("p2", "h1-1", ["n2", "n1"]), paragraph("p3", "h2", ["n1"])],
    footnotes: [note("n0"), note("n1"), note("n2"), note("n9")],
  });

  it("interleaves headings with their paragraphs and cuts sections at top-level headings", () => {
    expect(order.sections.map((s) => s.heading?.anchor ?? null)).toEqual([null, "h1", "h2"]);
    expect(order.sections[1]!.blocks.map((b) => (b.kind === "heading" ? b.heading.anchor : b.paragraph.anchor))).toEqual(["h1", "p1", "h1-1", "p2"]);
    expect([...order.paragraphNumbers.values()]).toEqual([1, 2, 3, 4]);
  });

  it("lists each note in the section of its first marker, in reading order", () => {
    // p2's markers are given out of order (offsets 6 and 5): n1 stands first.
    expect(order.sections[1]!.notes.map((n) => n.anchor)).toEqual(["n1", "n2"]);
    expect(order.sections[2]!.notes).toEqual([]);
    expect(order.unplacedNotes.map((n) => n.anchor)).toEqual(["n9"]);
  });

  it("gives a note called twice two marker ids, the first being its back-link target", () => {
    expect(order.markerIds.get("n1")).toEqual(["ref-n1", "ref-n1-2"]);
    expect(order.blockMarkerIds.get("p2")).toEqual(["ref-n2", "ref-n1"]);
    expect(order.blockMarkerIds.get("p3")).toEqual(["ref-n1-2"]);
  });
});
