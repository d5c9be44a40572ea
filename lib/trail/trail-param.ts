import { firstValue } from "@/lib/urls/query-values";
import { isAnchor, isSlug, isSourceKey } from "@/lib/urls/url-grammar";

/**
 * A footnote trail: the steps a reader took from a claim to its note, to the cited work, to another place
 * citing it, kept in the URL (`?trail=`) so that a trail can be shared and restored.
 *
 * Encoding (compact, readable, no percent-escapes: every character is unreserved in a URL):
 *
 *     trail := step ("~" step)*                at most MAX_TRAIL_STEPS steps
 *     step  := "m." slug "." noteAnchor        started at the marker calling this note
 *            | "s." sourceKey                  a cited work (its source page)
 *            | "n." slug "." noteAnchor        a citing note opened from a source page
 *
 *     e.g.  m.essay-a.n-3f2a~s.src-0c1d2e3f4a5b6c7d~n.essay-b.n-9e8d
 *
 * Slugs are [a-z0-9-], anchors and keys [A-Za-z0-9_-]: none holds "." or "~", so splitting is unambiguous.
 * The last step is the page the trail is on. A trail that does not parse is dropped whole (the page says so
 * gently): a half-read trail would send the reader somewhere they never were.
 */

export const MAX_TRAIL_STEPS = 16;
/** Longer values are refused before they are split: a trail is a link, not a payload. */
export const MAX_TRAIL_LENGTH = 2000;

export type TrailStep =
  | { kind: "marker"; slug: string; noteAnchor: string }
  | { kind: "source"; key: string }
  | { kind: "note"; slug: string; noteAnchor: string };
export type Trail = TrailStep[];

const PREFIX = { marker: "m", source: "s", note: "n" } as const;

/** One step of the encoding, or null when it is not one (plain checks, no zod: client code links trails). */
function readStep(text: string): TrailStep | null {
  const [prefix, ...rest] = text.split(".");
  if (prefix === "s") return rest.length === 1 && isSourceKey(rest[0]) ? { kind: "source", key: rest[0] } : null;
  if ((prefix !== "m" && prefix !== "n") || rest.length !== 2) return null;
  const [slug, noteAnchor] = rest;
  return isSlug(slug) && isAnchor(noteAnchor) ? { kind: prefix === "m" ? "marker" : "note", slug, noteAnchor } : null;
}

export function encodeStep(step: TrailStep): string {
  return step.kind === "source" ? `${PREFIX.source}.${step.key}` : `${PREFIX[step.kind]}.${step.slug}.${step.noteAnchor}`;
}

export function encodeTrail(trail: readonly TrailStep[]): string {
  return trail.map(encodeStep).join("~");
}

export function sameStep(a: TrailStep, b: TrailStep): boolean {
  return encodeStep(a) === encodeStep(b);
}

export interface ReadTrail {
  trail: Trail;
  /** True when a `trail` parameter was given but could not be read (it is then ignored). */
  invalid: boolean;
}

/** The trail of a request's search parameters; absent → empty, malformed (any step, or too long) → empty and `invalid`. */
export function readTrail(value: string | readonly string[] | undefined | null): ReadTrail {
  const raw = firstValue(value);
  if (raw === undefined || raw === "") return { trail: [], invalid: false };
  const steps = raw.length > MAX_TRAIL_LENGTH ? [] : raw.split("~").map(readStep);
  const readable = (step: TrailStep | null): step is TrailStep => step !== null;
  if (steps.length === 0 || steps.length > MAX_TRAIL_STEPS || !steps.every(readable)) return { trail: [], invalid: true };
  return { trail: steps, invalid: false };
}

/**
 * The trail with one more step. Repeating the step the trail is on changes nothing (a reload, or a link
 * to the page one is on); past MAX_TRAIL_STEPS the oldest steps fall off, and the browser's history
 * still leads back to them.
 */
export function appendStep(trail: readonly TrailStep[], step: TrailStep): Trail {
  const last = trail.at(-1);
  const next = last && sameStep(last, step) ? [...trail] : [...trail, step];
  return next.slice(-MAX_TRAIL_STEPS);
}

/** The trail up to and including step `index` (where a breadcrumb link leads). */
export function trailUpTo(trail: readonly TrailStep[], index: number): Trail {
  return trail.slice(0, index + 1);
}

/** The trail a source page stands on: the given one, ending with this source (added when it does not). */
export function trailOnSource(trail: readonly TrailStep[], key: string): Trail {
  return appendStep(trail, { kind: "source", key });
}
