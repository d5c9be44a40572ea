import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseText } from "@/lib/ingest/normalise-text";
import { corpusDocument } from "./corpus-structure";
import { layoutParametersArbitrary } from "./layout-parameters";
import { paragraphText } from "./true-document";
import { typesetDocument } from "./typeset-document";

/** Corpus 001's structure re-typeset: its texts are in normal form and every layout prints all of it. */

const SEED = 20261206;
const RUNS = 20;

describe("corpus 001 structure", () => {
  const document = corpusDocument("corpus-001");

  it("has the essay's blocks and notes, in normal form", () => {
    expect(document.notes).toHaveLength(29);
    expect(document.blocks.filter((b) => b.kind === "heading").length).toBeGreaterThan(5);
    for (const block of document.blocks) if (block.kind === "paragraph") expect(normaliseText(paragraphText(block))).toBe(paragraphText(block));
    for (const note of document.notes) expect(normaliseText(note.text)).toBe(note.text);
  });

  it("typesets under random layouts with one marker per note", () => {
    fc.assert(
      fc.property(fc.constantFrom("circled" as const, "bracket" as const).chain(layoutParametersArbitrary), (params) => {
        const { truth } = typesetDocument(document, params);
        expect(truth.markers.map((m) => m.note)).toEqual(document.notes.map((_, i) => i));
        expect(truth.paragraphs).toEqual(document.blocks.filter((b) => b.kind === "paragraph").map(paragraphText));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
