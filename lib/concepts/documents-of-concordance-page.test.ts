import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { documentsOfPage } from "./documents-of-concordance-page";

/** Every mention as (document, index in it), in corpus order: what the page is a slice of. */
function everyMention(perDocument: { documentId: string; mentions: number }[], order: "asc" | "desc") {
  const lines = perDocument.flatMap((d) => Array.from({ length: d.mentions }, (_, index) => ({ documentId: d.documentId, index })));
  if (order === "asc") return lines;
  // Descending: documents reversed, and within a document its mentions reversed too (the SQL orders both ways).
  return [...perDocument].reverse().flatMap((d) => Array.from({ length: d.mentions }, (_, i) => ({ documentId: d.documentId, index: d.mentions - 1 - i })));
}

describe("documentsOfPage", () => {
  it("names exactly the documents holding the page's lines, and where the page begins in the first", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 6 }).map((n) => n + 1), { maxLength: 12 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom("asc" as const, "desc" as const),
        (counts, page, pageSize, order) => {
          const perDocument = counts.map((mentions, i) => ({ documentId: `d${i}`, mentions }));
          const all = everyMention(perDocument, order);
          const expected = all.slice((page - 1) * pageSize, page * pageSize);
          const { documentIds, offset } = documentsOfPage(perDocument, { order, page, pageSize });
          expect(documentIds).toEqual([...new Set(expected.map((line) => line.documentId))]);
          // The page, cut from those documents' mentions alone at `offset`, is the slice of every mention.
          const scoped = all.filter((line) => documentIds.includes(line.documentId));
          expect(scoped.slice(offset, offset + pageSize)).toEqual(expected);
        },
      ),
    );
  });

  it("leaves the counts as they were when reading them backwards", () => {
    const perDocument = [
      { documentId: "a", mentions: 3 },
      { documentId: "b", mentions: 2 },
    ];
    expect(documentsOfPage(perDocument, { order: "desc", page: 1, pageSize: 3 })).toEqual({ documentIds: ["b", "a"], offset: 0 });
    expect(perDocument.map((d) => d.documentId)).toEqual(["a", "b"]);
  });
});
