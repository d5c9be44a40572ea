/** The catalogue's facets whose whole-corpus counts are kept at load (concepts and works have their own totals). */
export type StoredFacet = "journal" | "year" | "author";

/** What of a document's row the stored facet counts are counted from. */
export interface FacetedDocument {
  journal: string | null;
  date: string | null;
  authors: readonly string[];
}

/**
 * A date's year as the catalogue reads it (`substring(date from '^[0-9]{4}')` in lib/db/list-catalogue.ts): its
 * four leading digits, or none.
 */
const LEADING_YEAR = /^[0-9]{4}/u;

/** The facet values a document holds: its journal, its year, each of its authors once. */
export function catalogueFacetValues(document: FacetedDocument): { facet: StoredFacet; value: string }[] {
  const year = document.date === null ? undefined : LEADING_YEAR.exec(document.date)?.[0];
  return [
    ...(document.journal === null ? [] : [{ facet: "journal" as const, value: document.journal }]),
    ...(year === undefined ? [] : [{ facet: "year" as const, value: year }]),
    ...[...new Set(document.authors)].map((value) => ({ facet: "author" as const, value })),
  ];
}

/**
 * How one document's change moves the whole corpus's facet counts (CatalogueFacetCount.documents): +1 for a value
 * it holds now and did not before, -1 for one it held and no longer does. Adding is `before` null, removing is
 * `after` null. Only values whose count changes are returned, in a fixed order (facet, then value) so writes are
 * repeatable.
 */
export function catalogueFacetDeltas(before: FacetedDocument | null, after: FacetedDocument | null): { facet: StoredFacet; value: string; delta: number }[] {
  const key = (facet: StoredFacet, value: string) => JSON.stringify([facet, value]);
  const deltas = new Map<string, { facet: StoredFacet; value: string; delta: number }>();
  const move = (document: FacetedDocument | null, by: number) => {
    for (const { facet, value } of document ? catalogueFacetValues(document) : []) {
      const entry = deltas.get(key(facet, value)) ?? { facet, value, delta: 0 };
      entry.delta += by;
      deltas.set(key(facet, value), entry);
    }
  };
  move(before, -1);
  move(after, 1);
  return [...deltas.values()]
    .filter((entry) => entry.delta !== 0)
    .sort((a, b) => (a.facet === b.facet ? (a.value < b.value ? -1 : a.value > b.value ? 1 : 0) : a.facet < b.facet ? -1 : 1));
}
