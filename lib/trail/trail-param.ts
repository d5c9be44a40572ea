import { z } from "zod";

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

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/u, "not a document slug");
const anchor = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/u, "not an anchor");

export const trailStepSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("marker"), slug, noteAnchor: anchor }),
  z.object({ kind: z.literal("source"), key: anchor }),
  z.object({ kind: z.literal("note"), slug, noteAnchor: anchor }),
]);
export type TrailStep = z.infer<typeof trailStepSchema>;
export type Trail = TrailStep[];

const PREFIX = { marker: "m", source: "s", note: "n" } as const;

function splitStep(text: string): unknown {
  const [prefix, ...rest] = text.split(".");
  switch (prefix) {
    case "m":
    case "n":
      return rest.length === 2
        ? { kind: prefix === "m" ? "marker" : "note", slug: rest[0], noteAnchor: rest[1] }
        : { kind: "invalid" };
    case "s":
      return rest.length === 1 ? { kind: "source", key: rest[0] } : { kind: "invalid" };
    default:
      return { kind: "invalid" };
  }
}

/** The `trail` URL parameter, validated: a string of 1..MAX_TRAIL_STEPS well-formed steps. */
export const trailParamSchema = z
  .string()
  .min(1, "the trail is empty")
  .max(MAX_TRAIL_LENGTH, "the trail is too long")
  .transform((value) => value.split("~").map(splitStep))
  .pipe(z.array(trailStepSchema).min(1).max(MAX_TRAIL_STEPS, `a trail has at most ${MAX_TRAIL_STEPS} steps`));

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

/** The trail of a request's search parameters; absent → empty, malformed → empty and `invalid`. */
export function readTrail(value: string | string[] | undefined | null): ReadTrail {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || raw === null || raw === "") return { trail: [], invalid: false };
  const parsed = trailParamSchema.safeParse(raw);
  return parsed.success ? { trail: parsed.data, invalid: false } : { trail: [], invalid: true };
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
