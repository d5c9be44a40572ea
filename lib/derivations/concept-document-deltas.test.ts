import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { conceptDocumentDeltas } from "./concept-document-deltas";

describe("conceptDocumentDeltas", () => {
  it("adds one for each concept a new document mentions, once however often it is listed", () => {
    expect(conceptDocumentDeltas([], ["b", "a", "b"])).toEqual([
      { conceptId: "a", delta: 1 },
      { conceptId: "b", delta: 1 },
    ]);
  });

  it("removes one for each concept a removed document mentioned", () => {
    expect(conceptDocumentDeltas(["a", "c"], [])).toEqual([
      { conceptId: "a", delta: -1 },
      { conceptId: "c", delta: -1 },
    ]);
  });

  it("on a changed re-ingest, moves only the concepts gained or lost", () => {
    expect(conceptDocumentDeltas(["a", "b", "c"], ["b", "c", "d"])).toEqual([
      { conceptId: "a", delta: -1 },
      { conceptId: "d", delta: 1 },
    ]);
    expect(conceptDocumentDeltas(["a", "b"], ["b", "a"])).toEqual([]);
  });

  it("applied to totals, gives the count of documents mentioning each concept after any sequence of changes", () => {
    const concept = fc.constantFrom("a", "b", "c", "d");
    const change = fc.record({ document: fc.integer({ min: 0, max: 4 }), mentions: fc.option(fc.array(concept, { maxLength: 6 }), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(change, { maxLength: 30 }), (changes) => {
        const documents = new Map<number, string[]>();
        const totals = new Map<string, number>();
        for (const { document, mentions } of changes) {
          // undefined: the document is removed.
          for (const { conceptId, delta } of conceptDocumentDeltas(documents.get(document) ?? [], mentions ?? [])) {
            totals.set(conceptId, (totals.get(conceptId) ?? 0) + delta);
          }
          if (mentions === undefined) documents.delete(document);
          else documents.set(document, mentions);
        }
        for (const id of ["a", "b", "c", "d"]) {
          const fresh = [...documents.values()].filter((mentions) => mentions.includes(id)).length;
          expect(totals.get(id) ?? 0).toBe(fresh);
        }
      }),
    );
  });
});
