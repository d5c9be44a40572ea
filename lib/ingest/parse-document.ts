import { planCorrections, type CorrectionPlan } from "./apply-corrections";
import { createAnchorAllocator, missingNoteBasis } from "./assign-anchors";
import { blankLinesMarkBlocks, buildBody, type BodyMarker, type BuiltBody } from "./build-body";
import { decodeSource } from "./decode-source";
import {
  documentStructureSchema,
  type DocumentStructure,
  type Footnote,
  type Heading,
  type IngestWarning,
  type Marker,
  type PageBreak,
  type Paragraph,
  type PdfPlacement,
  type SourceLines,
} from "@/lib/model/document-model";
import type { Correction, CorrectionsFile } from "./corrections-file";
import type { DocumentManifest } from "./document-manifest";
import { extractionRunLines, leaveNotesUnattached } from "./extraction-runs";
import { IngestError } from "./ingest-error";
import { layoutPages, type LineGeometry } from "./layout-pages";
import { fitWidthModel, type WidthModel } from "./line-width";
import { forceAttachments, linesOf, matchNotes, type NoteArea } from "./match-notes";
import { normaliseLine } from "./normalise-text";
import { pageBreakOffsets, type TextPageBreak } from "./page-break-offsets";
import { parseNoteCitations } from "./parse-citations";
import { parseFrontMatter } from "./parse-front-matter";
import { endsSentence } from "./sentence-end";
import { measureNotes, splitNoteArea } from "./split-notes";

export interface ParseDocumentInput {
  bytes: Uint8Array;
  fileName: string;
  manifest?: DocumentManifest;
  /** The editorial corrections kept beside the text (`name.corrections.json`), applied by the pipeline; outcomes in `draft.corrections`. */
  corrections?: CorrectionsFile;
  /** Overrides the size limit (MAX_SOURCE_BYTES); benchmarks parse inputs larger than any essay. */
  maxBytes?: number;
  /**
   * For text read from a PDF (lib/ingest/pdf): what its geometry says about each 0-based line (page, role,
   * paragraph start, boxes). Pages, note areas, furniture and paragraph breaks are then taken from it, and
   * blocks carry their placement on the pages. Absent for text sources, whose parse it does not touch.
   */
  geometry?: readonly (LineGeometry | undefined)[];
}

/**
 * Source bytes → validated DocumentStructure. Pure: no filesystem, no database. Stages: decode, fit the
 * line-width model, front matter, page layout, body (headings, paragraphs, markers), note areas,
 * note-to-marker matching, citations, anchors. Throws IngestError for input it cannot read.
 */
/**
 * The width model of a document's printed lines, as the parse reads them: a line ending a sentence may stop short
 * of the measure anywhere, so only the others are candidates for a full line. Exported for the simulator's tools,
 * which print the widths the parse read.
 */
export function fitDocumentWidthModel(lines: readonly string[]): WidthModel {
  return fitWidthModel(lines, (line) => !endsSentence(normaliseLine(line)));
}

export function parseDocument(input: ParseDocumentInput): DocumentStructure {
  const text = decodeSource(input.bytes, { maxBytes: input.maxBytes });
  // A form feed (as poppler's pdftotext prints one after every page) is a page break the text states
  // outright; the lines keep their numbers and lose the control character.
  const printed = text.split("\n");
  const pageBreaks = findFormFeeds(printed);
  const lines = printed.map((line) => line.replace(/\f/gu, ""));
  if (lines.filter((line) => line.trim() !== "").length < 2) {
    throw new IngestError("no-structure", "The text is a single line: there are no printed lines to find pages, paragraphs or notes in.");
  }
  const model = fitDocumentWidthModel(lines);
  // A PDF's running heads and folios are known: the front matter is read without them (a folio may stand
  // above the title).
  const furniture = (k: number) => input.geometry?.[k]?.role === "running-head" || input.geometry?.[k]?.role === "folio";
  const front = parseFrontMatter(input.geometry ? lines.map((line, k) => (furniture(k) ? "" : line)) : lines, model);
  const corrections = planCorrections(lines, input.corrections);
  const layout = layoutPages({
    lines,
    bodyStart: front.bodyStart,
    title: input.manifest?.title ?? front.title,
    model,
    debrisLines: corrections.debrisLines,
    pageBreaks,
    geometry: input.geometry,
  });
  const breaks = input.geometry ? new Map([...geometricBreaks(layout.pages, input.geometry), ...corrections.breaks]) : corrections.breaks;
  const body = buildBody(layout.pages, model, { indentMarksParagraphs: layout.indentMarksParagraphs, breaks });
  reportLayoutCorrections(input.corrections?.corrections ?? [], layout.debris, body, corrections);
  if (body.paragraphs.length === 0) {
    throw new IngestError("no-structure", "No body text found: the file has no paragraphs after its title and front matter.");
  }

  const warnings: IngestWarning[] = [...front.warnings, ...layout.warnings, ...body.warnings];

  // Note areas, page by page, split into note texts; then matched to the body markers over the whole document.
  const notes = measureNotes(layout.pages, model);
  // Where blank lines stand between blocks only, a blank line inside a labelled note area opens a note of its own.
  const blankMarksBlocks = blankLinesMarkBlocks(layout.pages.flatMap((page) => page.body));
  const markersPerPage = new Map<number, number>();
  for (const marker of body.markers) markersPerPage.set(marker.page, (markersPerPage.get(marker.page) ?? 0) + 1);
  const areas: NoteArea[] = [];
  for (const page of layout.pages) {
    if (page.notes.length === 0 && page.markerList.length === 0) continue;
    const markerCount = markersPerPage.get(page.page) ?? 0;
    const split = splitNoteArea(page, notes, model, page.markerList.length > 0 ? page.markerList.length : null, markerCount, blankMarksBlocks);
    warnings.push(...split.warnings);
    const lineNos = [...page.notes.map((l) => l.lineNo), ...page.markerList.map((m) => m.lineNo)];
    areas.push({ page: page.page, firstLine: Math.min(...lineNos), lastLine: Math.max(...lineNos), segments: split.segments, list: page.markerList });
  }
  const matched = matchNotes(body.markers, areas, [...body.headings, ...body.paragraphs].map((block) => block.text));
  // (A PDF's lines are put together from its geometry: printed lines.)
  const runLines = input.geometry ? [] : extractionRunLines(lines);
  if (runLines.length > 0) leaveNotesUnattached(matched, body.markers, runLines);
  forceAttachments(body.markers, matched, corrections.attachments, corrections);
  warnings.push(...matched.warnings);

  // Anchors, in document order.
  const take = createAnchorAllocator();
  const blocks = [
    ...body.headings.map((h, index) => ({ kind: "heading" as const, index, line: h.sourceLines[0] })),
    ...body.paragraphs.map((p, index) => ({ kind: "paragraph" as const, index, line: p.sourceLines[0] })),
  ].sort((a, b) => a.line - b.line || (a.kind === "heading" ? -1 : 1));
  const headingAnchors: string[] = [];
  const paragraphAnchors: string[] = [];
  for (const block of blocks) {
    if (block.kind === "heading") headingAnchors[block.index] = take("h", body.headings[block.index]!.text);
    else paragraphAnchors[block.index] = take("p", body.paragraphs[block.index]!.text);
  }

  const footnotes: Footnote[] = [];
  const markerAnchors: string[] = [];
  const missingByPage = new Map<number, BodyMarker[]>();
  const unlocatedByPage = new Map<number, BodyMarker[]>();
  body.markers.forEach((marker, index) => {
    const placed = matched.placed.get(index);
    const blockText = marker.block.kind === "heading" ? body.headings[marker.block.index]!.text : body.paragraphs[marker.block.index]!.text;
    if (placed) {
      const segment = placed.segment;
      const status = segment.startsLikeNote && segment.complete ? "present" : "truncated";
      const anchor = take("n", segment.text);
      markerAnchors[index] = anchor;
      footnotes.push({
        anchor,
        label: marker.label,
        page: marker.page,
        status,
        text: segment.text,
        citations: [],
        sourceLines: linesOf(segment),
        attachment: placed.attachment,
        correction: placed.attachment.how === "correction" ? `Editorial correction: ${placed.attachment.evidence.replace(/^an editorial correction: /u, "")}` : null,
        ...placementOf(input.geometry, linesOf(segment)),
        ...pageBreaksOf(
          segment.lines.length === segment.rawLines.length
            ? pageBreakOffsets(segment.lines.map((line, k) => ({ raw: segment.rawLines[k]!, page: line.page })), segment.text)
            : null,
          input.geometry,
        ),
      });
      if (status === "truncated") {
        const lost = !segment.startsLikeNote && !segment.complete ? "its start and its end were" : !segment.startsLikeNote ? "its start was" : "its end was";
        warnings.push({
          code: "note-truncated",
          message: `Page ${marker.page}: note ${marker.label} survives only in part (${lost} lost in extraction).`,
          sourceLines: linesOf(segment),
        });
      }
    } else {
      const anchor = take("n", missingNoteBasis(blockText.slice(0, marker.offset), marker.label));
      markerAnchors[index] = anchor;
      footnotes.push({
        anchor,
        label: marker.label,
        page: marker.page,
        status: matched.unlocated.has(index) ? "unlocated" : "missing",
        text: "",
        citations: [],
        sourceLines: [marker.lineNo, marker.lineNo],
        attachment: null,
        correction: null,
      });
      const byPage = matched.unlocated.has(index) ? unlocatedByPage : missingByPage;
      byPage.set(marker.page, [...(byPage.get(marker.page) ?? []), marker]);
    }
  });
  for (const [page, unlocated] of unlocatedByPage) {
    warnings.push({
      code: "note-unlocated",
      message: `Page ${page}: the notes of ${unlocated.map((m) => m.label).join("")} are not located: the page's surviving note texts could not be matched to them with certainty (they are kept as unattached note texts).`,
      sourceLines: [unlocated[0]!.lineNo, unlocated[unlocated.length - 1]!.lineNo],
    });
  }
  for (const [page, missing] of missingByPage) {
    warnings.push({
      code: "note-missing",
      message: `Page ${page}: no note text in the source for ${missing.map((m) => m.label).join("")} (lost in extraction).`,
      sourceLines: [missing[0]!.lineNo, missing[missing.length - 1]!.lineNo],
    });
  }

  const citations = parseNoteCitations(footnotes.map((note) => ({ anchor: note.anchor, text: note.text, sourceLines: note.sourceLines })));
  for (const note of footnotes) note.citations = citations.get(note.anchor) ?? [];

  // Markers grouped by block once: looking them up per block keeps large inputs linear.
  const markersByBlock = new Map<string, Marker[]>();
  body.markers.forEach((marker, index) => {
    const key = `${marker.block.kind}:${marker.block.index}`;
    const list = markersByBlock.get(key) ?? [];
    list.push({ label: marker.label, footnoteAnchor: markerAnchors[index]!, offset: marker.offset });
    markersByBlock.set(key, list);
  });
  const markersOf = (kind: "heading" | "paragraph", blockIndex: number): Marker[] => markersByBlock.get(`${kind}:${blockIndex}`) ?? [];

  const headings: Heading[] = body.headings.map((h, index) => ({
    anchor: headingAnchors[index]!,
    level: corrections.headingLevels.get(h.sourceLines[0]) ?? h.level,
    label: h.label,
    text: h.text,
    markers: markersOf("heading", index),
    sourceLines: h.sourceLines,
    correction: corrections.noteFor(["heading-level"], h.sourceLines),
    ...placementOf(input.geometry, h.sourceLines),
    ...pageBreaksOf(h.pageBreaks, input.geometry),
  }));
  const paragraphs: Paragraph[] = body.paragraphs.map((p, index) => ({
    anchor: paragraphAnchors[index]!,
    headingAnchor: p.headingIndex === null ? null : headingAnchors[p.headingIndex]!,
    text: p.text,
    markers: markersOf("paragraph", index),
    sourceLines: p.sourceLines,
    correction: corrections.noteFor(["split-paragraph", "join-paragraphs", "debris"], p.sourceLines),
    ...placementOf(input.geometry, p.sourceLines),
    ...pageBreaksOf(p.pageBreaks, input.geometry),
  }));

  const slug = input.manifest?.slug ?? slugFromFileName(input.fileName);
  const title = input.manifest?.title ?? front.title ?? stem(input.fileName);
  const debris = [
    ...layout.debris,
    ...front.other.map((o) => ({ kind: "other" as const, text: o.text, line: o.line })),
  ].sort((a, b) => a.line - b.line);

  return documentStructureSchema.parse({
    slug,
    title,
    authors: input.manifest?.authors ?? front.authors,
    journal: input.manifest?.journal ?? layout.journal,
    issue: input.manifest?.issue ?? layout.issue,
    date: input.manifest?.date ?? layout.year,
    abstract: front.abstract,
    pageCount: layout.pages.length,
    headings,
    paragraphs,
    footnotes,
    fragments: matched.fragments.map(({ segment, candidates, reason }) => ({ text: segment.text, sourceLines: linesOf(segment), page: segment.page, candidates, reason })),
    debris,
    warnings: warnings.sort((a, b) => a.sourceLines[0] - b.sourceLines[0] || a.sourceLines[1] - b.sourceLines[1]),
    corrections: corrections.outcomes(),
  });
}

function stem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.[^.]+$/, "") || base;
}

/** `007_8c1e2b90.txt` → `007-8c1e2b90`: lowercase, [a-z0-9-], no leading or doubled hyphens. */
export function slugFromFileName(fileName: string): string {
  const slug = stem(fileName)
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
  return slug === "" ? "document" : slug;
}

/** Which layout and body corrections took effect: a debris line left the text, a break was made or unmade. */
function reportLayoutCorrections(
  entries: readonly Correction[],
  debris: readonly { line: number }[],
  body: BuiltBody,
  plan: CorrectionPlan,
): void {
  const debrisLines = new Set(debris.map((d) => d.line));
  const paragraphStarts = new Set(body.paragraphs.map((p) => p.sourceLines[0]));
  const inParagraph = (line: number) => body.paragraphs.some((p) => p.sourceLines[0] <= line && line <= p.sourceLines[1]);
  entries.forEach((entry, index) => {
    switch (entry.kind) {
      case "debris":
        if (plan.debrisLines.has(entry.line) && debrisLines.has(entry.line)) plan.applied(index, `line ${entry.line} taken out of the text as debris`);
        break;
      case "split-paragraph":
        if (plan.breaks.has(entry.line)) {
          if (paragraphStarts.has(entry.line)) plan.applied(index, `a new paragraph starts at line ${entry.line}`);
          else plan.notApplied(index, `line ${entry.line} is not body text`);
        }
        break;
      case "join-paragraphs":
        if (plan.breaks.has(entry.line)) {
          if (inParagraph(entry.line) && !paragraphStarts.has(entry.line)) plan.applied(index, `line ${entry.line} continues the paragraph before it`);
          else plan.notApplied(index, `line ${entry.line} is not body text that can continue a paragraph`);
        }
        break;
      case "heading-level":
        if (plan.headingLevels.has(entry.line)) {
          const heading = body.headings.find((h) => h.sourceLines[0] === entry.line);
          if (heading) plan.applied(index, `heading level set to ${entry.level} (the parser read ${heading.level})`);
          else plan.notApplied(index, `no heading starts on line ${entry.line}`);
        }
        break;
      case "attach-note":
        break;
    }
  });
}

/** 0-based lines a page starts on, from form feeds: at a line's start it opens that line's page, elsewhere the next line's. */
function findFormFeeds(lines: readonly string[]): Set<number> {
  const breaks = new Set<number>();
  lines.forEach((line, k) => {
    const leading = /^[\s\u3000]*\f/u.exec(line);
    if (leading && k > 0) breaks.add(k);
    if (line.slice(leading ? leading[0].length : 0).includes("\f")) breaks.add(k + 1);
  });
  return breaks;
}

/**
 * Paragraph breaks a PDF's geometry states: a break before every heading and every indented first line,
 * none before any other body line (a line that only looks short, or a page turn, does not end a paragraph).
 */
function geometricBreaks(pages: ReturnType<typeof layoutPages>["pages"], geometry: readonly (LineGeometry | undefined)[]): Map<number, "join" | "split"> {
  const breaks = new Map<number, "join" | "split">();
  for (const line of pages.flatMap((page) => page.body)) {
    const evidence = geometry[line.lineNo - 1];
    if (evidence) breaks.set(line.lineNo, evidence.role === "heading" || evidence.paragraphStart ? "split" : "join");
  }
  return breaks;
}

/** A block's pages, folios and line boxes, from the geometry of its source lines (PDF sources only). */
function placementOf(geometry: readonly (LineGeometry | undefined)[] | undefined, lines: SourceLines): { placement?: PdfPlacement } {
  if (!geometry) return {};
  const evidence = geometry.slice(lines[0] - 1, lines[1]).filter((g): g is LineGeometry => g !== undefined && g.role !== "running-head" && g.role !== "folio");
  if (evidence.length === 0) return {};
  const pages: [number, number] = [evidence[0]!.page, evidence[evidence.length - 1]!.page];
  const folios = foliosByPage(geometry);
  const printed: string[] = [];
  for (let page = pages[0]; page <= pages[1]; page += 1) {
    const folio = folios.get(page);
    if (folio !== undefined) printed.push(folio);
  }
  return { placement: { pages, folios: printed, boxes: evidence.flatMap((g) => g.boxes) } };
}

/**
 * A block's page breaks for the model: with the folio printed on each page where a PDF's geometry read one; text
 * sources give none (a folio in extracted text may come out garbled, its digits reversed). No key when none.
 */
function pageBreaksOf(breaks: readonly TextPageBreak[] | null, geometry: readonly (LineGeometry | undefined)[] | undefined): { pageBreaks?: PageBreak[] } {
  if (breaks === null || breaks.length === 0) return {};
  const folios = geometry ? foliosByPage(geometry) : new Map<number, string>();
  return {
    pageBreaks: breaks.map((pageBreak) => {
      const folio = folios.get(pageBreak.page);
      return folio === undefined ? { ...pageBreak } : { ...pageBreak, folio };
    }),
  };
}

const foliosMemo = new WeakMap<readonly (LineGeometry | undefined)[], Map<number, string>>();

/** The page number printed on each PDF page: its folio line, else a number at either end of its running head. */
function foliosByPage(geometry: readonly (LineGeometry | undefined)[]): Map<number, string> {
  const memo = foliosMemo.get(geometry);
  if (memo) return memo;
  const folios = new Map<number, string>();
  for (const g of geometry) if (g?.role === "folio" && g.folio !== undefined) folios.set(g.page, g.folio);
  for (const g of geometry) if (g?.role === "running-head" && g.folio !== undefined && !folios.has(g.page)) folios.set(g.page, g.folio);
  foliosMemo.set(geometry, folios);
  return folios;
}
