import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseText } from "@/lib/ingest/normalise-text";
import { documentArbitrary } from "./document-arbitrary";
import { withGlyphArtefacts } from "./glyph-artefacts";
import { layoutParametersArbitrary } from "./layout-parameters";
import { paragraphText } from "./true-document";
import { typesetDocument } from "./typeset-document";
import { wrapLines } from "./wrap-lines";

/** The simulator's own checks: its truth is in the normaliser's normal form, and what it prints is what it says it printed. */

const SEED = 20261206;
const RUNS = 150;

describe("layout simulator", () => {
  it("writes every paragraph and note in the normaliser's normal form (a fixed point of normaliseText)", () => {
    fc.assert(
      fc.property(documentArbitrary, (document) => {
        for (const block of document.blocks) if (block.kind === "paragraph") expect(normaliseText(paragraphText(block))).toBe(paragraphText(block));
        for (const note of document.notes) expect(normaliseText(note.text)).toBe(note.text);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("prints glyph artefacts that the documented repairs undo", () => {
    fc.assert(
      fc.property(documentArbitrary, (document) => {
        for (const note of document.notes) expect(normaliseText(withGlyphArtefacts(note.text))).toBe(note.text);
        for (const block of document.blocks) if (block.kind === "paragraph") expect(normaliseText(withGlyphArtefacts(paragraphText(block)))).toBe(paragraphText(block));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("wraps lines whose joins the normaliser reads back to the text", () => {
    fc.assert(
      fc.property(documentArbitrary, fc.integer({ min: 20, max: 70 }), fc.boolean(), fc.constantFrom(0, 0.5, 1), (document, width, artefacts, pMark) => {
        let k = 0;
        // Deterministic alternation stands in for chance: every other break is marked at 0.5.
        const hyphenMark = () => (k++ % 2 === 0 ? pMark > 0 : pMark === 1);
        const texts = [...document.notes.map((n) => n.text), ...document.blocks.filter((b) => b.kind === "paragraph").map(paragraphText)];
        for (const text of texts) {
          const printed = artefacts ? withGlyphArtefacts(text) : text;
          expect(normaliseText(wrapLines(printed, { width, firstIndent: 0, markerWidth: 0.5, hyphenMark }).join("\n"))).toBe(text);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("records every marker once, on the page whose body prints its label, and a truth consistent with the document", () => {
    fc.assert(
      fc.property(documentArbitrary, layoutParametersArbitrary("circled"), (document, params) => {
        const { text, truth } = typesetDocument(document, params);
        expect(truth.markers.map((m) => m.note)).toEqual(document.notes.map((_, i) => i));
        expect(truth.paragraphs).toEqual(document.blocks.filter((b) => b.kind === "paragraph").map(paragraphText));
        for (const note of truth.notes) {
          if (note.status === "present") expect(note.surviving).toBe(note.text);
          if (note.status === "truncated") expect(note.text.includes(note.surviving) && note.surviving !== note.text).toBe(true);
          if (note.status === "missing") expect(note.surviving).toBe("");
        }
        for (const page of truth.pages) expect(page.markers).toBeLessThanOrEqual(15);
        expect(text.split("\n").some((line) => line.includes("\ue000"))).toBe(false);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
