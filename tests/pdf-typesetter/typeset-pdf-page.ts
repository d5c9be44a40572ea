import type { LayoutTruth, TruthDebris } from "@/tests/layout-simulator/layout-truth";
import { MAX_MARKERS_PER_PAGE, type MarkerStyle } from "@/tests/layout-simulator/layout-parameters";
import { JOURNAL_HEAD } from "@/tests/layout-simulator/page-furniture";
import { printedLength, trueOffsetOfLine } from "@/tests/layout-simulator/page-break-truth";
import { headingLabel, paragraphText, printedEnumerator, type TrueDocument } from "@/tests/layout-simulator/true-document";
import { isPlaceholder, PLACEHOLDER_BASE, wrapLines } from "@/tests/layout-simulator/wrap-lines";

/**
 * Sets a TrueDocument on printed pages, as a journal does, and writes them as HTML for Chromium to print to
 * PDF: body lines in a CJK serif, paragraphs indented 2 em, headings larger and bold, note markers as
 * superscripts restarting on every page, each page's notes in smaller type at the foot of the page of their
 * marker below a short rule, a running head at the top and the folio at the foot or the top. Every line is
 * placed by this module (absolute positions, no wrapping by the browser), so it knows exactly what each page
 * holds and returns that as the layout simulator's truth, scored by the same score-parse.ts.
 */

/** One page geometry: trim size, margins and type, in millimetres and points. */
export interface PdfGeometry {
  name: string;
  pageWidthMm: number;
  pageHeightMm: number;
  marginMm: number;
  bodyPt: number;
  notePt: number;
  headingPt: number;
  /** Line pitch as a multiple of the type size. */
  leading: number;
  runningHead: "journal" | "title" | "none";
  folio: "foot" | "head";
}

export interface PdfLayoutParameters {
  style: MarkerStyle;
  geometry: PdfGeometry;
  firstFolio: number;
  /** A page's last note of two lines or more runs on into the next page's note area, as journals let it. */
  noteOverrun?: boolean;
  /** Body lines other than a paragraph's last are justified to the full measure (white spread between glyphs). */
  justified?: boolean;
}

/** A few journal geometries: 16K (184×260, the common Chinese journal size), A4, and a small A5 page. */
export const PDF_GEOMETRIES: readonly PdfGeometry[] = [
  { name: "16k", pageWidthMm: 184, pageHeightMm: 260, marginMm: 22, bodyPt: 10.5, notePt: 8, headingPt: 13, leading: 1.7, runningHead: "journal", folio: "foot" },
  { name: "a4", pageWidthMm: 210, pageHeightMm: 297, marginMm: 28, bodyPt: 12, notePt: 9, headingPt: 14, leading: 1.6, runningHead: "title", folio: "head" },
  { name: "a5", pageWidthMm: 148, pageHeightMm: 210, marginMm: 16, bodyPt: 10, notePt: 7.5, headingPt: 12, leading: 1.6, runningHead: "none", folio: "foot" },
];

export const CJK_FONT_FAMILY = "Noto Serif CJK SC";

const PT_PER_MM = 72 / 25.4;
const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
/** A paragraph's first line is indented by 2 em. */
const PARAGRAPH_INDENT_EM = 2;
/** Width a superscript marker takes in the line, in em of the body type. */
const MARKER_WIDTH_EM = { circled: 0.6, bracket: 1 } as const;
/** Space between the body and the note rule, and the rule and the notes, in body lines. */
const NOTE_AREA_GAP_LINES = 1;
/** Extra space above a heading, in body lines. */
const HEADING_SPACE_LINES = 0.5;
const URL_IN_NOTE = /https?:\/\/[A-Za-z0-9\-._~:/?#@!$&'*+=%]+/g;

interface SetLine {
  kind: "heading" | "body" | "front-title" | "front";
  text: string;
  notes: number[];
  indent: boolean;
  /** A heading's second and later lines. */
  continues?: boolean;
  /** A paragraph line other than its last: set full measure when lines are justified. */
  full?: boolean;
  /** A paragraph's second or later line: where it begins in the paragraph's true text. */
  within?: { paragraph: number; offset: number };
}

interface PrintedPage {
  lines: SetLine[];
  notes: Array<{ note: number; label: string; lines: string[] }>;
  /** The end of the previous page's last note, printed first in this page's note area. */
  carried: string[];
  head: string | null;
  folio: string;
}

export interface TypesetPdf {
  html: string;
  truth: LayoutTruth;
  pages: number;
}

const labelFor = (style: MarkerStyle, k: number) => (style === "circled" ? CIRCLED[k]! : `[${k + 1}]`);

export function typesetPdfPages(document: TrueDocument, params: PdfLayoutParameters): TypesetPdf {
  const g = params.geometry;
  const pageWidth = g.pageWidthMm * PT_PER_MM;
  const pageHeight = g.pageHeightMm * PT_PER_MM;
  const margin = g.marginMm * PT_PER_MM;
  const measurePt = pageWidth - 2 * margin;
  const bodyWidth = Math.floor(measurePt / g.bodyPt);
  const noteWidth = Math.floor(measurePt / g.notePt);
  const headingWidth = Math.floor(measurePt / g.headingPt);
  const bodyPitch = g.bodyPt * g.leading;
  const notePitch = g.notePt * g.leading;
  const markerWidth = MARKER_WIDTH_EM[params.style];
  const noHyphen = () => false;

  const truth: LayoutTruth = { title: document.title, headings: [], paragraphs: [], order: [], markers: [], notes: [], urls: [], debris: [], pages: [] };
  const notePlace = new Map<number, { paragraph: number; offset: number }>();
  const lines: SetLine[] = [];
  lines.push({ kind: "front-title", text: document.title, notes: [], indent: false });
  lines.push({ kind: "front", text: document.authors.join("　"), notes: [], indent: false });
  for (const text of wrapLines(`内容提要：${document.abstract}`, { width: bodyWidth, firstIndent: 0, markerWidth, hyphenMark: noHyphen })) lines.push({ kind: "front", text, notes: [], indent: false });
  for (const block of document.blocks) {
    if (block.kind === "heading") {
      truth.order.push(`h${truth.headings.length}`);
      truth.headings.push({ level: block.level, label: headingLabel(block), text: block.text });
      wrapLines(printedEnumerator(block) + block.text, { width: headingWidth, firstIndent: 0, markerWidth, hyphenMark: noHyphen }).forEach((text, i) => {
        lines.push({ kind: "heading", text, notes: [], indent: false, continues: i > 0 });
      });
      continue;
    }
    const paragraph = truth.paragraphs.length;
    truth.order.push(`p${paragraph}`);
    truth.paragraphs.push(paragraphText(block));
    let offset = 0;
    let raw = "";
    for (const piece of block.pieces) {
      offset += piece.text.length;
      raw += piece.text;
      if (piece.note !== undefined) {
        notePlace.set(piece.note, { paragraph, offset });
        raw += String.fromCharCode(PLACEHOLDER_BASE + piece.note);
      }
    }
    const wrapped = wrapLines(raw, { width: bodyWidth, firstIndent: PARAGRAPH_INDENT_EM, markerWidth, hyphenMark: noHyphen });
    wrapped.forEach((text, i) => {
      const notes = Array.from(text).filter(isPlaceholder).map((ch) => ch.charCodeAt(0) - PLACEHOLDER_BASE);
      const within = i === 0 ? undefined : { paragraph, offset: trueOffsetOfLine(truth.paragraphs[paragraph]!, wrapped, i) };
      lines.push({ kind: "body", text, notes, indent: i === 0, full: i < wrapped.length - 1, within });
    });
  }

  // Pages: body lines as long as they and the notes they call (and the end of a note carried over from the
  // page before) fit above the foot.
  const noteLinesOf = (note: number, label: string) => wrapLines(`${label} ${document.notes[note]!.text}`, { width: noteWidth, firstIndent: 0, markerWidth, hyphenMark: noHyphen });
  const available = pageHeight - 2 * margin - 2 * bodyPitch; // room for the running head and the folio
  const pitchOf = (line: SetLine) => (line.kind === "heading" || line.kind === "front-title" ? g.headingPt * g.leading + (line.continues ? 0 : HEADING_SPACE_LINES * bodyPitch) : bodyPitch);
  const pages: PrintedPage[] = [];
  let current: SetLine[] = [];
  let carry: string[] = [];
  const flush = (last: boolean) => {
    const pageNotes = current.flatMap((l) => l.notes);
    const notes = pageNotes.map((note, k) => ({ note, label: labelFor(params.style, k), lines: noteLinesOf(note, labelFor(params.style, k)) }));
    const carried = carry;
    carry = [];
    const lastNote = notes[notes.length - 1];
    if (params.noteOverrun === true && !last && lastNote !== undefined && lastNote.lines.length >= 2) {
      const keep = Math.ceil(lastNote.lines.length / 2);
      // The carried lines open the note area of the page after this one (pages.length + 1, counted from 0).
      const offset = trueOffsetOfLine(document.notes[lastNote.note]!.text, lastNote.lines, keep, printedLength(lastNote.label));
      (truth.pageBreaks ??= []).push({ block: "note", index: lastNote.note, offset, page: pages.length + 2 });
      carry = lastNote.lines.slice(keep);
      lastNote.lines = lastNote.lines.slice(0, keep);
    }
    pages.push({ lines: current, notes, carried, head: null, folio: "" });
    current = [];
  };
  const heightOf = (candidate: SetLine[]) => {
    const notes = candidate.flatMap((l) => l.notes);
    const noteLines = carry.length + notes.reduce((n, note, k) => n + noteLinesOf(note, labelFor(params.style, k)).length, 0);
    const noteHeight = noteLines === 0 ? 0 : NOTE_AREA_GAP_LINES * bodyPitch + noteLines * notePitch;
    return candidate.reduce((h, l) => h + pitchOf(l), 0) + noteHeight;
  };
  for (const line of lines) {
    const candidate = [...current, line];
    const markers = candidate.flatMap((l) => l.notes).length;
    if (current.length > 0 && (heightOf(candidate) > available || markers > MAX_MARKERS_PER_PAGE)) flush(false);
    current.push(line);
  }
  if (current.length > 0) flush(true);

  const journalHead = `${JOURNAL_HEAD.journal}\u3000${JOURNAL_HEAD.year}年第${JOURNAL_HEAD.issue}期`;
  pages.forEach((page, p) => {
    page.folio = String(params.firstFolio + p);
    page.head = p === 0 || g.runningHead === "none" ? null : g.runningHead === "journal" ? journalHead : document.title;
    if (page.head !== null) truth.debris.push({ kind: "running-head", text: page.head.trim() } satisfies TruthDebris);
    truth.debris.push({ kind: "folio", text: page.folio });
    for (const entry of page.notes) {
      const place = notePlace.get(entry.note)!;
      truth.markers.push({ page: p + 1, label: entry.label, paragraph: place.paragraph, offset: place.offset, note: entry.note });
      const text = document.notes[entry.note]!.text;
      truth.notes[entry.note] = { text, status: "present", surviving: text, page: p + 1, label: entry.label };
    }
    const opening = page.lines[0]?.within;
    if (p > 0 && opening !== undefined) (truth.pageBreaks ??= []).push({ block: "paragraph", index: opening.paragraph, offset: opening.offset, page: p + 1 });
    const overrun = pages[p + 1]?.carried.length ? true : false;
    truth.pages.push({ page: p + 1, bodyLines: page.lines.length, format: "labelled", markers: page.notes.length, lost: 0, truncated: 0, overrun, listLost: 0 });
  });
  truth.notes.forEach((note) => {
    for (const m of note.text.matchAll(URL_IN_NOTE)) truth.urls.push(m[0].replace(/[.,;:]+$/, ""));
  });

  return { html: pagesHtml(pages, params, { pageWidth, pageHeight, margin, bodyPitch, notePitch }), truth, pages: pages.length };
}

interface Frame {
  pageWidth: number;
  pageHeight: number;
  margin: number;
  bodyPitch: number;
  notePitch: number;
}

function pagesHtml(pages: readonly PrintedPage[], params: PdfLayoutParameters, frame: Frame): string {
  const g = params.geometry;
  const { pageWidth, pageHeight, margin, bodyPitch, notePitch } = frame;
  const at = (top: number, left: number, cls: string, inner: string, extra = "") => `<div class="${cls}" style="top:${top.toFixed(2)}pt;left:${left.toFixed(2)}pt${extra}">${inner}</div>`;
  const out: string[] = [];
  pages.forEach((page) => {
    const parts: string[] = [];
    const labels = new Map(page.notes.map((n) => [n.note, n.label]));
    const withMarkers = (text: string) =>
      Array.from(text)
        .map((ch) => (isPlaceholder(ch) ? `<sup>${escapeHtml(labels.get(ch.charCodeAt(0) - PLACEHOLDER_BASE)!)}</sup>` : escapeHtml(ch)))
        .join("");
    if (page.head !== null) parts.push(at(margin, margin, "furniture", escapeHtml(page.head)));
    if (g.folio === "head") parts.push(at(margin, pageWidth - margin - 3 * g.bodyPt, "furniture", escapeHtml(page.folio)));
    let y = margin + 2 * bodyPitch;
    page.lines.forEach((line) => {
      if (line.kind === "heading" || line.kind === "front-title") {
        // Space above a heading, not between the lines of one wrapped heading.
        if (!line.continues) y += HEADING_SPACE_LINES * bodyPitch;
        parts.push(at(y, margin, line.kind === "heading" ? "heading" : "title", escapeHtml(line.text)));
        y += g.headingPt * g.leading;
      } else {
        const left = margin + (line.indent ? PARAGRAPH_INDENT_EM * g.bodyPt : 0);
        const justify = params.justified === true && line.full === true ? `;width:${(pageWidth - margin - left).toFixed(2)}pt;text-align:justify;text-align-last:justify` : "";
        parts.push(at(y, left, "body", withMarkers(line.text), justify));
        y += bodyPitch;
      }
    });
    // Notes stand at the foot of the page, above the folio line; the rule just above them.
    const noteLines = [...page.carried, ...page.notes.flatMap((n) => n.lines)];
    let noteY = pageHeight - margin - bodyPitch - noteLines.length * notePitch;
    if (noteLines.length > 0) parts.push(`<hr style="top:${(noteY - notePitch * 0.4).toFixed(2)}pt;left:${margin.toFixed(2)}pt;width:${((pageWidth - 2 * margin) / 3).toFixed(2)}pt">`);
    for (const text of noteLines) {
      parts.push(at(noteY, margin, "note", escapeHtml(text)));
      noteY += notePitch;
    }
    if (g.folio === "foot") parts.push(at(pageHeight - margin, pageWidth / 2 - g.bodyPt, "furniture", escapeHtml(page.folio)));
    out.push(`<section class="page">${parts.join("")}</section>`);
  });
  const css = [
    `@page { size: ${g.pageWidthMm}mm ${g.pageHeightMm}mm; margin: 0 }`,
    `html, body { margin: 0; padding: 0 }`,
    `body { font-family: "${CJK_FONT_FAMILY}", serif; color: #000 }`,
    `.page { position: relative; width: ${g.pageWidthMm}mm; height: ${g.pageHeightMm}mm; overflow: hidden; break-after: page }`,
    `.page > div { position: absolute; white-space: pre; line-height: 1 }`,
    `.body, .furniture { font-size: ${g.bodyPt}pt }`,
    `.heading, .title { font-size: ${g.headingPt}pt; font-weight: bold }`,
    `.note { font-size: ${g.notePt}pt }`,
    `sup { font-size: 0.6em; vertical-align: 0.45em; line-height: 0 }`,
    `hr { position: absolute; margin: 0; border: 0; border-top: 0.5pt solid #000; height: 0 }`,
  ].join("\n");
  return `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><style>${css}</style></head><body>${out.join("")}</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
