import { describe, expect, it } from "vitest";
import type { DocumentStructure } from "@/lib/model/document-model";
import { sampleDraft } from "@/tests/db/fixtures/sample-draft";
import { documentTeiElement } from "./document-to-tei";
import { citationUnits, citeStructureOf, selectUnits, type DtsUnit } from "./dts-citation-tree";

const provenance = { sourceFile: "sample.txt", sourceSha256: "a".repeat(64), correctionsSha256: null, pipelineVersion: "v1" };
const unitsOf = (document: DocumentStructure) => citationUnits(documentTeiElement({ document, provenance }));
const ids = (units: readonly DtsUnit[] | undefined) => (units ?? []).map((unit) => unit.identifier);

/** The sample with a paragraph before the first heading and a subsection (（一）) under the first section. */
function nestedDraft(): DocumentStructure {
  const draft = sampleDraft();
  draft.headings.splice(1, 0, { anchor: "h-sub", level: 2, label: "（一）", text: "小节", markers: [], sourceLines: [10, 10], correction: null });
  draft.paragraphs.unshift({ anchor: "p-preface", headingAnchor: null, text: "引言。", markers: [], sourceLines: [3, 3], correction: null });
  draft.paragraphs[2]!.headingAnchor = "h-sub";
  return draft;
}

describe("the citation tree read off the TEI", () => {
  it("has sections, paragraphs inside them and notes under the paragraph that calls them, in document order", () => {
    const units = unitsOf(sampleDraft());
    expect(units.map(({ identifier, citeType, level, parent }) => [identifier, citeType, level, parent])).toEqual([
      ["h-00000001", "section", 1, null],
      ["p-00000001", "paragraph", 2, "h-00000001"],
      ["n-00000001", "note", 3, "p-00000001"],
      ["p-00000002", "paragraph", 2, "h-00000001"],
      ["n-00000002", "note", 3, "p-00000002"],
      ["h-00000002", "section", 1, null],
      ["p-00000003", "paragraph", 2, "h-00000002"],
    ]);
    // A subtree is index..last: the first section holds everything up to the second.
    expect(units.map((unit) => [unit.index, unit.last])).toEqual([[0, 4], [1, 2], [2, 2], [3, 4], [4, 4], [5, 6], [6, 6]]);
    expect(citeStructureOf(units)).toEqual([{ citeType: "section", citeStructure: [{ citeType: "paragraph", citeStructure: [{ citeType: "note" }] }] }]);
  });

  it("declares every nesting the document has: a paragraph before the first heading, a section inside a section", () => {
    const units = unitsOf(nestedDraft());
    expect(units.map(({ identifier, level, parent }) => [identifier, level, parent])).toEqual([
      ["p-preface", 1, null],
      ["h-00000001", 1, null],
      ["p-00000001", 2, "h-00000001"],
      ["n-00000001", 3, "p-00000001"],
      ["h-sub", 2, "h-00000001"],
      ["p-00000002", 3, "h-sub"],
      ["n-00000002", 4, "p-00000002"],
      ["h-00000002", 1, null],
      ["p-00000003", 2, "h-00000002"],
    ]);
    expect(citeStructureOf(units)).toEqual([
      { citeType: "paragraph" },
      {
        citeType: "section",
        citeStructure: [
          { citeType: "paragraph", citeStructure: [{ citeType: "note" }] },
          { citeType: "section", citeStructure: [{ citeType: "paragraph", citeStructure: [{ citeType: "note" }] }] },
        ],
      },
    ]);
  });

  it("has no units for a document without blocks", () => {
    const empty = { ...sampleDraft(), headings: [], paragraphs: [], footnotes: [] };
    expect(unitsOf(empty)).toEqual([]);
    expect(citeStructureOf([])).toEqual([]);
  });
});

describe("selectUnits: DTS 1.0's table of down, ref, start and end", () => {
  const units = unitsOf(nestedDraft());
  const select = (request: Parameters<typeof selectUnits>[1]) => {
    const selection = selectUnits(units, request);
    if (!selection.ok) throw new Error(JSON.stringify(selection));
    return selection;
  };

  it("ref alone: the unit, no member", () => {
    const selection = select({ ref: "h-sub" });
    expect(selection.ref?.identifier).toBe("h-sub");
    expect(selection.member).toBeUndefined();
  });

  it("start and end alone: both units, no member", () => {
    const selection = select({ start: "p-00000001", end: "p-00000003" });
    expect([selection.start?.identifier, selection.end?.identifier]).toEqual(["p-00000001", "p-00000003"]);
    expect(selection.member).toBeUndefined();
  });

  it("down=0 with ref: the unit and its siblings", () => {
    expect(ids(select({ ref: "p-00000001", down: 0 }).member)).toEqual(["p-00000001", "h-sub"]);
    expect(ids(select({ ref: "h-00000002", down: 0 }).member)).toEqual(["p-preface", "h-00000001", "h-00000002"]);
  });

  it("down>0 from the root, from ref, over a range (below the deeper end)", () => {
    expect(ids(select({ down: 1 }).member)).toEqual(["p-preface", "h-00000001", "h-00000002"]);
    expect(ids(select({ down: 2 }).member)).toEqual(["p-preface", "h-00000001", "p-00000001", "h-sub", "h-00000002", "p-00000003"]);
    expect(ids(select({ ref: "h-00000001", down: 1 }).member)).toEqual(["h-00000001", "p-00000001", "h-sub"]);
    expect(ids(select({ start: "h-sub", end: "h-00000002", down: 1 }).member)).toEqual(["h-sub", "p-00000002", "h-00000002", "p-00000003"]);
  });

  it("down=-1: to the bottom, from the root, from ref, over a range", () => {
    expect(ids(select({ down: -1 }).member)).toEqual(ids(units));
    expect(ids(select({ ref: "h-sub", down: -1 }).member)).toEqual(["h-sub", "p-00000002", "n-00000002"]);
    expect(ids(select({ start: "n-00000001", end: "p-00000002", down: -1 }).member)).toEqual(["n-00000001", "h-sub", "p-00000002", "n-00000002"]);
  });

  it("a range that starts with a section covers the whole section, even past its end", () => {
    expect(ids(select({ start: "h-00000001", end: "p-00000001", down: -1 }).member)).toEqual(ids(units.slice(1, 7)));
  });

  it("names the parameter whose identifier the tree lacks, and refuses a range that runs backwards", () => {
    expect(selectUnits(units, { ref: "p-nowhere" })).toEqual({ ok: false, problem: "unknown", parameter: "ref", identifier: "p-nowhere" });
    expect(selectUnits(units, { start: "p-00000001", end: "p-nowhere" })).toMatchObject({ ok: false, parameter: "end" });
    expect(selectUnits(units, { start: "p-00000003", end: "p-00000001" })).toEqual({ ok: false, problem: "reversed" });
  });
});
