import { z } from "zod";
import { SLUG_ALPHABET, SLUG_MAX_LENGTH } from "@/lib/urls/url-grammar";

/**
 * What a document of the corpus is: its metadata, blocks (headings, paragraphs, footnotes with their markers and
 * citations) and provenance (fragments, debris, warnings, correction outcomes). The parser (lib/ingest) produces
 * it, the loader writes it to the database, lib/db reads it back (validating the JSON columns with these
 * schemas), and the reader, side by side, `npm run ingest -- <file> --dry-run --json` and
 * `GET /api/documents/<slug>` all show it. It lives apart from the parser so that nothing downstream depends on
 * lib/ingest; change the shape here and nowhere else (the stored rows follow it: see prisma/schema.prisma).
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
export type Marker = z.infer<typeof markerSchema>;

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
export type Citation = z.infer<typeof citationSchema>;

/**
 * Why a note text sits under its marker. `label`: the note is printed with the marker's label; `list`: the
 * page's label list and its texts agree one for one; `order`: as many texts as markers, in order; `wording`: what
 * the note shares with the sentence before the marker; `ibid`: a 同上/ibid. chain; `correction`: an editor said so.
 */
export const attachmentSchema = z.object({
  how: z.enum(["label", "list", "order", "wording", "ibid", "correction"]),
  /** 0..1: how sure the parser is. */
  confidence: z.number().min(0).max(1),
  /** True when the reader should say "attachment uncertain" beside the note. */
  uncertain: z.boolean(),
  /** The evidence, in words, with the source lines it rests on. */
  evidence: z.string().min(1),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** What an editorial correction (corpus/<name>.corrections.json) did to a block; null when none applied. */
export const correctionNoteSchema = z.string().min(1).nullable();

/**
 * present: the whole note text is in the source; truncated: only part survives; missing: the source has no
 * text for this marker (lost in extraction); unlocated: the page has note texts that could not be placed with
 * certainty, and this marker's note may be among them (see the document's unattached fragments).
 */
export const footnoteStatusSchema = z.enum(["present", "missing", "truncated", "unlocated"]);
export type FootnoteStatus = z.infer<typeof footnoteStatusSchema>;

/**
 * Where a block stands in a PDF source; absent for text sources. `pages`: the first and last physical page
 * (1-based); `folios`: the printed page numbers of those pages, where the page shows one; `boxes`: its printed
 * lines, in PDF points from the page's top-left corner.
 */
export const pdfPlacementSchema = z.object({
  pages: z.tuple([z.number().int().positive(), z.number().int().positive()]),
  folios: z.array(z.string().min(1)),
  boxes: z.array(
    z.object({ page: z.number().int().positive(), x: z.number(), y: z.number(), width: z.number().nonnegative(), height: z.number().nonnegative() }),
  ),
});
export type PdfPlacement = z.infer<typeof pdfPlacementSchema>;

/**
 * The PDF a document was read from, as the database keeps it (`GET /api/documents/<slug>/pdf` serves it). Set
 * by lib/db, never by the parser; absent for a text source and for a PDF loaded without its bytes.
 */
export const sourcePdfSchema = z.object({
  /** SHA-256 of its bytes, hex: the PDF's entity tag. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/u),
  pageCount: z.number().int().positive(),
});
export type SourcePdf = z.infer<typeof sourcePdfSchema>;

/**
 * A printed page that begins inside a block: the text runs over from one page onto the next. `offset`: UTF-16
 * offset into the block's normalised `text` of the first character printed on the new page (a space between
 * two Latin words stays before it); `page`: that page, counted from 1 as the layout stage counts pages (for a
 * PDF, its own page number); `folio`: the page number printed on it, read from the page (PDF sources), absent
 * when the page shows none or the source cannot say (extracted text, whose folios may be garbled). When the
 * pages between two lines of the block held none of its text, each begins at the same offset, in page order.
 */
export const pageBreakSchema = z.object({
  offset: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  folio: z.string().min(1).optional(),
});
export type PageBreak = z.infer<typeof pageBreakSchema>;

/** A block's page breaks, in text order; the block has none (the key is absent) when no page begins inside it. */
export const pageBreaksSchema = z.array(pageBreakSchema).min(1);

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
  /** How the text was attached to its marker; null when no text is attached (missing, unlocated). */
  attachment: attachmentSchema.nullable(),
  /** Set when a corrections file changed this note: what the editor did, in words. */
  correction: correctionNoteSchema,
  /** PDF sources only: pages, folios and line boxes (optional: text sources have none). */
  placement: pdfPlacementSchema.optional(),
  /** Pages that begin inside the text (see pageBreakSchema). */
  pageBreaks: pageBreaksSchema.optional(),
});
export type Footnote = z.infer<typeof footnoteSchema>;

export const headingSchema = z.object({
  anchor: z.string().min(1),
  /** 1 = section (一、), 2 = subsection ((一)), 3 = deeper. The document title is not a heading. */
  level: z.number().int().min(1).max(4),
  /** The enumerator as printed and normalised, e.g. "一", "（一）", "1."; empty when the heading has none. */
  label: z.string(),
  text: z.string().min(1),
  markers: z.array(markerSchema),
  sourceLines: sourceLinesSchema,
  correction: correctionNoteSchema,
  /** PDF sources only: pages, folios and line boxes (optional: text sources have none). */
  placement: pdfPlacementSchema.optional(),
  /** Pages that begin inside the text (see pageBreakSchema). */
  pageBreaks: pageBreaksSchema.optional(),
});
export type Heading = z.infer<typeof headingSchema>;

export const paragraphSchema = z.object({
  anchor: z.string().min(1),
  /** The heading this paragraph falls under; null before the first heading. */
  headingAnchor: z.string().nullable(),
  text: z.string().min(1),
  markers: z.array(markerSchema),
  sourceLines: sourceLinesSchema,
  correction: correctionNoteSchema,
  /** PDF sources only: pages, folios and line boxes (optional: text sources have none). */
  placement: pdfPlacementSchema.optional(),
  /** Pages that begin inside the text (see pageBreakSchema). */
  pageBreaks: pageBreaksSchema.optional(),
});
export type Paragraph = z.infer<typeof paragraphSchema>;

export const fragmentSchema = z.object({
  text: z.string().min(1),
  sourceLines: sourceLinesSchema,
  /** The printed page (as the layout stage counts) whose note area held it. */
  page: z.number().int().positive(),
  /** Labels of the markers it could belong to (empty when none is plausible), and why it was left unattached. */
  candidates: z.array(z.string().min(1)),
  reason: z.string().min(1),
});
/** A note text that could not be placed with any marker (listed under "Unattached note texts"). */
export type NoteFragment = z.infer<typeof fragmentSchema>;

/** One entry of a corrections file and what became of it at this ingest. */
export const correctionOutcomeSchema = z.object({
  /** Position in the file's `corrections` array, 0-based. */
  index: z.number().int().nonnegative(),
  kind: z.string().min(1),
  applied: z.boolean(),
  /** What was done, or why it no longer applies. */
  message: z.string().min(1),
});
export type CorrectionOutcome = z.infer<typeof correctionOutcomeSchema>;

export const debrisSchema = z.object({
  kind: z.enum(["running-head", "folio", "marker-list", "other"]),
  text: z.string(),
  line: z.number().int().positive(),
});
/** A line removed from the body as page furniture, kept as provenance. */
export type DebrisLine = z.infer<typeof debrisSchema>;

export const documentStructureSchema = z.object({
  slug: z.string().max(SLUG_MAX_LENGTH).regex(SLUG_ALPHABET),
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
  /** Outcomes of the document's corrections file, in file order; empty when it has none. */
  corrections: z.array(correctionOutcomeSchema),
  /** The PDF kept with the document (see sourcePdfSchema); absent when there is none. */
  sourcePdf: sourcePdfSchema.optional(),
});
export type DocumentStructure = z.infer<typeof documentStructureSchema>;
