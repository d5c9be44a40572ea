import type { Marker } from "@/lib/model/document-model";

/** Why a stretch of a block is highlighted: a quoted selection link, a search hit, a moved link's landing. */
export type MarkKind = "quote" | "search-hit";

/** A mention of a highlighted concept (side by side), drawn in the concept's tone. */
export interface ConceptMark {
  kind: "concept";
  start: number;
  end: number;
  concept: string;
  /** 1-based tone of the concept (colour, underline and glyph). */
  tone: number;
}

export type BlockMark =
  | {
      kind: MarkKind;
      /** UTF-16 offsets into the block's text, [start, end). */
      start: number;
      end: number;
    }
  | ConceptMark;

export type BlockSegment =
  | {
      kind: "text";
      text: string;
      start: number;
      marks: MarkKind[];
      /**
       * Concepts mentioned over this stretch, once each, in the order of their marks; `ends` when no
       * mention of the concept goes on past the stretch (where the concept's number is shown).
       */
      concepts: { concept: string; tone: number; ends: boolean }[];
    }
  | { kind: "marker"; marker: Marker; index: number };

/**
 * A block's text cut where its note markers stood and where highlights begin and end, in reading
 * order. Markers were removed from the text by the parser and come back here as their own segments;
 * a highlight that spans a marker is split around it, so a mark never contains a button.
 */
export function segmentBlock(text: string, markers: readonly Marker[], marks: readonly BlockMark[] = []): BlockSegment[] {
  const clamp = (offset: number) => Math.max(0, Math.min(text.length, offset));
  const usableMarks = marks
    .map((mark) => ({ ...mark, start: clamp(mark.start), end: clamp(mark.end) }))
    .filter((mark) => mark.end > mark.start);
  const orderedMarkers = markers
    .map((marker, index) => ({ marker, index, offset: clamp(marker.offset) }))
    .sort((a, b) => a.offset - b.offset || a.index - b.index);

  const cuts = new Set<number>([0, text.length]);
  for (const mark of usableMarks) cuts.add(mark.start).add(mark.end);
  for (const { offset } of orderedMarkers) cuts.add(offset);
  const points = [...cuts].sort((a, b) => a - b);

  const segments: BlockSegment[] = [];
  let nextMarker = 0;
  const emitMarkersAt = (offset: number) => {
    while (nextMarker < orderedMarkers.length && orderedMarkers[nextMarker]!.offset === offset) {
      const { marker, index } = orderedMarkers[nextMarker]!;
      segments.push({ kind: "marker", marker, index });
      nextMarker++;
    }
  };
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    emitMarkersAt(start);
    const covering = usableMarks.filter((mark) => mark.start <= start && mark.end >= end);
    const kinds = covering.flatMap((mark) => (mark.kind === "concept" ? [] : [mark.kind]));
    const concepts = new Map<string, { concept: string; tone: number; ends: boolean }>();
    for (const mark of covering) {
      if (mark.kind !== "concept") continue;
      const known = concepts.get(mark.concept);
      if (known) known.ends &&= mark.end <= end;
      else concepts.set(mark.concept, { concept: mark.concept, tone: mark.tone, ends: mark.end <= end });
    }
    segments.push({
      kind: "text",
      text: text.slice(start, end),
      start,
      marks: [...new Set(kinds)],
      concepts: [...concepts.values()],
    });
  }
  emitMarkersAt(text.length);
  return segments;
}
