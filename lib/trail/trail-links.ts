import { appendStep, encodeTrail, sameStep, type Trail, type TrailStep, trailUpTo } from "./trail-param";

/**
 * The links a trail is walked with. Every link carries the trail up to and including the page it opens, so
 * the address bar always holds a shareable trail and the browser's Back walks it backwards.
 */

/**
 * DOM id of the first marker calling a note in the reader (lib/reader/reading-order.ts names markers
 * `ref-<noteAnchor>`): the exact spot a trail started from.
 */
export function markerDomId(noteAnchor: string): string {
  return `ref-${noteAnchor}`;
}

function withTrail(path: string, trail: readonly TrailStep[], hash?: string): string {
  const query = trail.length > 0 ? `?trail=${encodeTrail(trail)}` : "";
  return `${path}${query}${hash ? `#${encodeURIComponent(hash)}` : ""}`;
}

export function sourceHref(key: string, trail: readonly TrailStep[] = []): string {
  return withTrail(`/sources/${encodeURIComponent(key)}`, trail);
}

export function readerHref(slug: string, trail: readonly TrailStep[] = [], hash?: string): string {
  return withTrail(`/read/${encodeURIComponent(slug)}`, trail, hash);
}

/** Where the step at `index` of a trail leads, with the trail as it stood there. */
export function stepHref(trail: readonly TrailStep[], index: number): string {
  const step = trail[index];
  if (!step) throw new RangeError(`no step ${index} in a trail of ${trail.length}`);
  const upTo = trailUpTo(trail, index);
  return step.kind === "source" ? sourceHref(step.key, upTo) : readerHref(step.slug, upTo, markerDomId(step.noteAnchor));
}

/**
 * From a note (in the reader's popover) to a work it cites. The note becomes the trail's first step — a
 * marker — unless the reader already stands on it (arrived there by a trail).
 */
export function noteSourceHref(input: { slug: string; noteAnchor: string; sourceKey: string; trail?: readonly TrailStep[] }): string {
  const trail: Trail = [...(input.trail ?? [])];
  const here = trail.at(-1);
  const standingOnNote =
    here !== undefined && here.kind !== "source" && here.slug === input.slug && here.noteAnchor === input.noteAnchor;
  const withNote = standingOnNote ? trail : appendStep(trail, { kind: "marker", slug: input.slug, noteAnchor: input.noteAnchor });
  return sourceHref(input.sourceKey, appendStep(withNote, { kind: "source", key: input.sourceKey }));
}

/** From a source page to a passage citing it: the passage's block when known, else the note's marker. */
export function citingPassageHref(input: {
  trail: readonly TrailStep[];
  slug: string;
  noteAnchor: string;
  blockAnchor?: string | null;
}): string {
  const trail = appendStep(input.trail, { kind: "note", slug: input.slug, noteAnchor: input.noteAnchor });
  return readerHref(input.slug, trail, input.blockAnchor ?? markerDomId(input.noteAnchor));
}

/** The trail a source page stands on: the given one, ending with this source (added when it does not). */
export function trailOnSource(trail: readonly TrailStep[], key: string): Trail {
  const step: TrailStep = { kind: "source", key };
  const last = trail.at(-1);
  return last && sameStep(last, step) ? [...trail] : appendStep(trail, step);
}
