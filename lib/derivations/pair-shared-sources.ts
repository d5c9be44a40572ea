import type { MentionBlockKind } from "./find-mentions";

/**
 * The shared-source links of two documents, from what each contributes on its own: its citations and the
 * source (the work, gathered across the corpus) each belongs to. Every citation of a work in one document
 * pairs with every citation of it in the other, each end standing where its note is called in the text.
 * Pure; no pair of documents is ever stored (issue 15).
 */

/** A citation of one document, with its source and where its note is called in the text (null: only from notes). */
export interface CitingPlace {
  sourceId: string;
  footnoteAnchor: string;
  citationAnchor: string;
  /** Reading order of the note, then of the citation in it. */
  footnoteOrdinal: number;
  citationOrdinal: number;
  marker: { blockKind: MentionBlockKind; blockAnchor: string; offset: number } | null;
}

/** What a shared-source link says about its work: the Source row. */
export interface LinkedSource {
  key: string;
  title: string | null;
  type: string;
  confidence: number;
  /** How its citations were found to be one work (the `merges` of its evidence). */
  merges: unknown;
}

export interface SharedSourceLink {
  left: { blockKind: MentionBlockKind; anchor: string; start: number; end: number };
  right: { blockKind: MentionBlockKind; anchor: string; start: number; end: number };
  confidence: number;
  evidence: {
    sourceKey: string;
    title: string | null;
    type: string;
    leftNote: string;
    rightNote: string;
    leftCitation: string;
    rightCitation: string;
    match: unknown;
  };
}

const inReadingOrder = (x: CitingPlace, y: CitingPlace) => x.footnoteOrdinal - y.footnoteOrdinal || x.citationOrdinal - y.citationOrdinal;

/** Links by source key, then by the left and the right citation in reading order. */
export function pairSharedSources(left: readonly CitingPlace[], right: readonly CitingPlace[], sources: ReadonlyMap<string, LinkedSource>): SharedSourceLink[] {
  const rightBySource = new Map<string, CitingPlace[]>();
  for (const place of [...right].sort(inReadingOrder)) {
    const list = rightBySource.get(place.sourceId);
    if (list) list.push(place);
    else rightBySource.set(place.sourceId, [place]);
  }
  const shared = [...new Set(left.map((place) => place.sourceId))]
    .filter((id) => rightBySource.has(id) && sources.has(id))
    .sort((x, y) => (sources.get(x)!.key < sources.get(y)!.key ? -1 : 1));
  const links: SharedSourceLink[] = [];
  for (const id of shared) {
    const source = sources.get(id)!;
    for (const l of left.filter((place) => place.sourceId === id).sort(inReadingOrder)) {
      for (const r of rightBySource.get(id)!) {
        if (!l.marker || !r.marker) continue;
        links.push({
          left: { blockKind: l.marker.blockKind, anchor: l.marker.blockAnchor, start: l.marker.offset, end: l.marker.offset },
          right: { blockKind: r.marker.blockKind, anchor: r.marker.blockAnchor, start: r.marker.offset, end: r.marker.offset },
          confidence: source.confidence,
          evidence: {
            sourceKey: source.key,
            title: source.title,
            type: source.type,
            leftNote: l.footnoteAnchor,
            rightNote: r.footnoteAnchor,
            leftCitation: l.citationAnchor,
            rightCitation: r.citationAnchor,
            match: source.merges,
          },
        });
      }
    }
  }
  return links;
}
