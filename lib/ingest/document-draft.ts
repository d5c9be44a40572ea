import { z } from "zod";

/**
 * The one shape of a parsed document: what `npm run ingest -- <file> --dry-run --json` prints,
 * what the loader writes to the database, and what `GET /api/documents/<slug>` returns.
 * Everything downstream reads this; change it here and nowhere else.
 */

/** Inclusive 1-based line numbers in the source file. */
export const sourceLinesSchema = z.tuple([z.number().int().positive(), z.number().int().positive()]);
export type SourceLines = z.infer<typeof sourceLinesSchema>;

export const warningSchema = z.object({
  /** Stable machine-readable kind, e.g. "note-missing", "marker-unmatched", "heading-uncertain". */
  code: z.string().min(1),
  message: z.string().min(1),
  sourceLines: sourceLinesSchema,
});
export type IngestWarning = z.infer<typeof warningSchema>;

export const markerSchema = z.object({
  /** As printed: "①" or "[1]". Labels restart on every printed page. */
  label: z.string().min(1),
  /** The footnote this marker calls; every body marker has one (a missing note is still a footnote row). */
  footnoteAnchor: z.string().min(1),
  /** UTF-16 offset into the owning block's normalised `text`, where the marker stood (markers are removed from text). */
  offset: z.number().int().nonnegative(),
});
export type MarkerDraft = z.infer<typeof markerSchema>;

export const citationSchema = z.object({
  anchor: z.string().min(1),
  /** The citation exactly as it reads in the normalised note text. */
  raw: z.string().min(1),
  authors: z.array(z.string().min(1)),
  title: z.string().nullable(),
  /** Journal, website, publisher or newspaper. */
  container: z.string().nullable(),
  /** ISO-like, as precise as the source: "2015", "2015-12", "2015-12-16". */
  date: z.string().nullable(),
  pages: z.string().nullable(),
  /** Repaired to its real form: half-width, no padding spaces, joined across lines. */
  url: z.string().nullable(),
  /** Set when this citation is 同上 / "ibid.": the anchor of the citation it repeats (fields are copied from it). */
  repeats: z.string().nullable(),
  sourceLines: sourceLinesSchema,
});
export type CitationDraft = z.infer<typeof citationSchema>;

export const footnoteStatusSchema = z.enum(["present", "missing", "truncated"]);
export type FootnoteStatus = z.infer<typeof footnoteStatusSchema>;

export const footnoteSchema = z.object({
  anchor: z.string().min(1),
  label: z.string().min(1),
  /** 1-based printed page (as the layout stage counts pages) on which the marker and its note stand. */
  page: z.number().int().positive(),
  status: footnoteStatusSchema,
  /** Normalised note text; empty when missing; the surviving tail when truncated. */
  text: z.string(),
  citations: z.array(citationSchema),
  /** Where the note text stands; for a missing note, the line of its marker. */
  sourceLines: sourceLinesSchema,
});
export type FootnoteDraft = z.infer<typeof footnoteSchema>;

export const headingSchema = z.object({
  anchor: z.string().min(1),
  /** 1 = section (一、), 2 = subsection ((一)), 3 = deeper. The document title is not a heading. */
  level: z.number().int().min(1).max(4),
  /** The enumerator as printed and normalised, e.g. "一", "（一）", "1."; empty when the heading has none. */
  label: z.string(),
  text: z.string().min(1),
  markers: z.array(markerSchema),
  sourceLines: sourceLinesSchema,
});
export type HeadingDraft = z.infer<typeof headingSchema>;

export const paragraphSchema = z.object({
  anchor: z.string().min(1),
  /** The heading this paragraph falls under; null before the first heading. */
  headingAnchor: z.string().nullable(),
  text: z.string().min(1),
  markers: z.array(markerSchema),
  sourceLines: sourceLinesSchema,
});
export type ParagraphDraft = z.infer<typeof paragraphSchema>;

export const fragmentSchema = z.object({
  text: z.string().min(1),
  sourceLines: sourceLinesSchema,
});

export const debrisSchema = z.object({
  kind: z.enum(["running-head", "folio", "marker-list", "other"]),
  text: z.string(),
  line: z.number().int().positive(),
});

export const documentDraftSchema = z.object({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: z.string().min(1),
  authors: z.array(z.string().min(1)),
  journal: z.string().nullable(),
  issue: z.string().nullable(),
  date: z.string().nullable(),
  abstract: z.string().nullable(),
  /** Printed pages found by the layout stage. */
  pageCount: z.number().int().nonnegative(),
  headings: z.array(headingSchema),
  paragraphs: z.array(paragraphSchema),
  footnotes: z.array(footnoteSchema),
  /** Note text that could not be placed with any marker: kept, never attached by guesswork. */
  fragments: z.array(fragmentSchema),
  /** Running heads, folios and marker lists removed from the body, kept as provenance. */
  debris: z.array(debrisSchema),
  warnings: z.array(warningSchema),
});
export type DocumentDraft = z.infer<typeof documentDraftSchema>;
