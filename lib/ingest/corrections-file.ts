import { z } from "zod";

/**
 * Editorial corrections kept beside a source text (`corpus/<name>.corrections.json`): what a reader who
 * can see the right answer tells the parser. Applied at every ingest; an entry whose place no longer
 * exists in the source (the line moved or its text changed) is reported as no longer applying, never
 * applied elsewhere. Places are named by 1-based source line plus the start of that line's text
 * (`expect`), so an edited source cannot silently redirect a correction.
 */

const lineSchema = z.number().int().positive();
/** The start of the line's text as printed (leading spaces ignored): guards against a shifted source. */
const expectSchema = z.string().min(1).optional();
const noteSchema = z.string().min(1).optional();

export const correctionSchema = z.discriminatedUnion("kind", [
  z
    .object({
      /** Attach the note text (or fragment) that starts on `noteLine` to the marker `label` printed on `markerLine`. */
      kind: z.literal("attach-note"),
      noteLine: lineSchema,
      noteExpect: expectSchema,
      markerLine: lineSchema,
      label: z.string().regex(/^(?:[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]|\[\d{1,3}\])$/u, "label: a printed marker such as ① or [1]"),
      note: noteSchema,
    })
    .strict(),
  z
    .object({
      /** The body line `line` continues the paragraph before it (no paragraph break before it). */
      kind: z.literal("join-paragraphs"),
      line: lineSchema,
      expect: expectSchema,
      note: noteSchema,
    })
    .strict(),
  z
    .object({
      /** A new paragraph starts at body line `line`. */
      kind: z.literal("split-paragraph"),
      line: lineSchema,
      expect: expectSchema,
      note: noteSchema,
    })
    .strict(),
  z
    .object({
      /** Line `line` is page furniture or extraction debris, not text. */
      kind: z.literal("debris"),
      line: lineSchema,
      expect: expectSchema,
      note: noteSchema,
    })
    .strict(),
  z
    .object({
      /** The heading starting on `line` has level `level` (1 = section … 4). */
      kind: z.literal("heading-level"),
      line: lineSchema,
      expect: expectSchema,
      level: z.number().int().min(1).max(4),
      note: noteSchema,
    })
    .strict(),
]);
export type Correction = z.infer<typeof correctionSchema>;

export const correctionsFileSchema = z
  .object({
    /** Free text: who made these corrections and from what evidence. */
    about: z.string().optional(),
    corrections: z.array(correctionSchema),
  })
  .strict();
export type CorrectionsFile = z.infer<typeof correctionsFileSchema>;
