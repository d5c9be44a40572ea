import { createRequire } from "node:module";
import path from "node:path";
import { getDocument, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem } from "pdfjs-dist/types/src/display/api";
import { IngestError } from "../ingest-error";
import { unifySharedGlyphs } from "./shared-glyph-text";

/**
 * PDF bytes → the printed lines of every page, with their geometry: where each line stands, its type size
 * and font, and which of its glyphs are raised and smaller (note markers). Uses Mozilla's pdf.js (legacy
 * build, which runs in Node without a worker thread); it reads only the bytes it is given — and its own
 * CMaps and standard-font data from its package folder, for CJK fonts that are not embedded. Nothing in the
 * PDF is ever executed: no scripting, `isEvalSupported: false`, and a PDF that carries JavaScript is refused.
 */

/**
 * Largest PDF accepted. A journal essay of 40 pages with its CJK font subsets and a few figures stays under
 * 10 MiB; pdf.js holds the whole file and its decoded streams in memory, so a much larger file is a scanned
 * issue or a book, not an essay, and would only tie up the machine before being refused as image-only.
 */
export const MAX_PDF_BYTES = 32 * 1024 * 1024;
/** An essay is not a book: more pages than this is a whole issue or a monograph, to be split first. */
export const MAX_PDF_PAGES = 300;

export interface RaisedRun {
  /** UTF-16 offset of the run in the line's text. */
  offset: number;
  text: string;
}

export interface PdfLine {
  /** 1-based physical page. */
  page: number;
  text: string;
  /** Box in PDF points, from the page's top-left corner (y grows downwards): the em boxes of its glyphs. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Type size of most of its characters, in points. */
  fontSize: number;
  /** pdf.js's name of that font (per document, e.g. `g_d0_f12`). */
  fontName: string;
  /** Runs set smaller than the line and above its baseline: superscripts, i.e. note markers. */
  raised: RaisedRun[];
}

export interface PdfPage {
  page: number;
  width: number;
  height: number;
  lines: PdfLine[];
}

export interface PdfText {
  pages: PdfPage[];
}

export interface ReadPdfOptions {
  maxBytes?: number;
}

/** A run set at most this share of the line's size, with its baseline raised, is a superscript. */
const RAISED_SIZE_RATIO = 0.8;
/** …raised by at least this share of the line's size (a subscript or a smaller word on the baseline is not). */
const RAISED_BASELINE_SHARE = 0.15;
/** Two runs belong to one line when their em boxes overlap vertically by at least this share of the smaller. */
const SAME_LINE_OVERLAP = 0.5;
/** A horizontal gap wider than this share of the size between two runs is a space the PDF did not print… */
const WORD_GAP_SHARE = 0.2;
/** …and one this wide (most of an em) is an ideographic space (`一　引言`), which pdf.js drops as blank. */
const IDEOGRAPHIC_GAP_SHARE = 0.8;
/** Characters a word space may stand between: Latin letters, digits and their punctuation. */
const LATIN_EDGE = /[\x21-\x7e\u00c0-\u024f]/u;
/** A note's label alone at the start of its line (`[3]`, `③`): the white after it is the space printed there. */
const LEADING_LABEL = /^\s*(?:\[\d{1,3}\]|[\u2460-\u2473])$/u;
/** Ascent of an em box above the baseline, as a share of the size (CJK faces: about 0.88). */
const ASCENT_SHARE = 0.88;

const PDF_SIGNATURE = "%PDF-";
/** The signature may follow a little junk (some writers prepend a header); PDF readers look this far. */
const SIGNATURE_WINDOW = 1024;

const pdfjsFolder = path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));

/** Whether the bytes are a PDF (its `%PDF-` signature near the start). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, SIGNATURE_WINDOW));
  return head.includes(PDF_SIGNATURE);
}

export async function readPdfText(bytes: Uint8Array, options: ReadPdfOptions = {}): Promise<PdfText> {
  const maxBytes = options.maxBytes ?? MAX_PDF_BYTES;
  if (bytes.length === 0) throw new IngestError("empty", "The file is empty.");
  if (bytes.length > maxBytes) {
    throw new IngestError("too-large", `The PDF is ${mib(bytes.length)} MiB; the limit is ${mib(maxBytes)} MiB (an essay's PDF is far smaller: split a whole issue into its essays).`);
  }
  if (!looksLikePdf(bytes)) throw new IngestError("damaged", "The file is not a PDF (it has no %PDF- signature).");
  if (carriesJavaScriptName(bytes)) throw scripted();

  let document: PDFDocumentProxy;
  try {
    document = await getDocument({
      // pdf.js takes ownership of the buffer it is given: a copy keeps the caller's bytes intact.
      data: bytes.slice(),
      isEvalSupported: false,
      enableXfa: false,
      useSystemFonts: false,
      stopAtErrors: true,
      verbosity: 0,
      cMapUrl: path.join(pdfjsFolder, "cmaps") + path.sep,
      cMapPacked: true,
      standardFontDataUrl: path.join(pdfjsFolder, "standard_fonts") + path.sep,
    }).promise;
  } catch (error) {
    throw refusal(error);
  }
  try {
    if (await document.getJSActions() !== null || (await document.hasJSActions())) throw scripted();
    if (document.numPages > MAX_PDF_PAGES) {
      throw new IngestError("too-large", `The PDF has ${document.numPages} pages; the limit is ${MAX_PDF_PAGES} (an essay, not a whole issue or book).`);
    }
    const pages: PdfPage[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      if (Object.keys((await page.getJSActions()) ?? {}).length > 0) throw scripted();
      const annotations = (await page.getAnnotations()) as Array<{ actions?: unknown; action?: string }>;
      if (annotations.some((a) => a.actions !== undefined && a.actions !== null && Object.keys(a.actions).length > 0)) throw scripted();
      const [left, bottom, right, top] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const items = content.items.filter((item): item is TextItem => "str" in item && item.str.trim() !== "");
      pages.push({ page: number, width: right - left, height: top - bottom, lines: textItemsToLines(items, number, left, top) });
      page.cleanup();
    }
    if (pages.every((page) => page.lines.length === 0)) {
      throw new IngestError("no-text-layer", `The PDF has no text layer on any of its ${pages.length} pages (a scan or images of pages): it needs OCR first.`);
    }
    return { pages };
  } catch (error) {
    throw refusal(error);
  } finally {
    await document.destroy();
  }
}

const mib = (n: number) => (n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 0);

const scripted = () => new IngestError("scripted", "The PDF carries JavaScript (actions that run on opening or in forms); it is refused unread and nothing in it was run.");

/**
 * `/JavaScript` or `/JS` as a name in the file: an action that runs code. Names inside compressed object
 * streams are not visible here; pdf.js's own action lists catch those.
 */
function carriesJavaScriptName(bytes: Uint8Array): boolean {
  const text = new TextDecoder("latin1").decode(bytes);
  return /\/(?:JavaScript|JS)(?![A-Za-z0-9])/u.test(text);
}

function refusal(error: unknown): Error {
  if (error instanceof IngestError) return error;
  const name = error instanceof Error ? error.name : "";
  const message = error instanceof Error ? error.message : String(error);
  if (name === "PasswordException") return new IngestError("encrypted", "The PDF is password-protected: open it with its password and save an unprotected copy to ingest.");
  return new IngestError("damaged", `The PDF cannot be read (damaged or truncated): ${message.replace(/\s+/gu, " ").trim().replace(/\.+$/u, "") || name}.`);
}

interface Run {
  text: string;
  x: number;
  width: number;
  baseline: number;
  size: number;
  fontName: string;
}

/** Text runs of one page (pdf.js text items; `left`/`top`: the page's view box edges) → lines, top to bottom, each run in x order. */
export function textItemsToLines(items: readonly Pick<TextItem, "str" | "transform" | "width" | "height" | "fontName">[], page: number, left: number, top: number): PdfLine[] {
  const runs: Run[] = items.map((item) => {
    const [a, b, , , e, f] = item.transform as [number, number, number, number, number, number];
    const size = Math.hypot(a, b) || item.height;
    return { text: unifySharedGlyphs(item.str), x: e - left, width: item.width, baseline: top - f, size, fontName: item.fontName };
  });
  // Top of each em box, top to bottom; a raised marker's box overlaps its line's, so it joins that line.
  runs.sort((p, q) => p.baseline - p.size * ASCENT_SHARE - (q.baseline - q.size * ASCENT_SHARE) || p.x - q.x);
  const groups: Run[][] = [];
  for (const run of runs) {
    const line = groups[groups.length - 1];
    if (line && overlapShare(line, run) >= SAME_LINE_OVERLAP) line.push(run);
    else groups.push([run]);
  }
  return groups.map((group) => lineOf(group, page));
}

function overlapShare(line: readonly Run[], run: Run): number {
  const lineTop = Math.min(...line.map((r) => r.baseline - r.size * ASCENT_SHARE));
  const lineBottom = Math.max(...line.map((r) => r.baseline + r.size * (1 - ASCENT_SHARE)));
  const runTop = run.baseline - run.size * ASCENT_SHARE;
  const runBottom = run.baseline + run.size * (1 - ASCENT_SHARE);
  const overlap = Math.min(lineBottom, runBottom) - Math.max(lineTop, runTop);
  return overlap / Math.min(run.size, lineBottom - lineTop);
}

function lineOf(group: Run[], page: number): PdfLine {
  group.sort((p, q) => p.x - q.x);
  // The line's own size and font: those of most of the characters standing on its baseline, the lowest one
  // (a raised marker may have more characters than a short last line: `点。[5]`).
  const lowest = Math.max(...group.map((run) => run.baseline));
  const onBaseline = group.filter((run) => lowest - run.baseline < RAISED_BASELINE_SHARE * run.size);
  const weight = new Map<string, number>();
  for (const run of onBaseline) {
    const key = `${run.size.toFixed(2)}|${run.fontName}`;
    weight.set(key, (weight.get(key) ?? 0) + Array.from(run.text).length);
  }
  const [mainKey] = [...weight.entries()].sort((p, q) => q[1] - p[1])[0]!;
  const [sizeText, fontName] = mainKey.split("|") as [string, string];
  const fontSize = Number(sizeText);
  const mainRuns = onBaseline.filter((run) => run.size.toFixed(2) === sizeText);
  const baseline = mainRuns.reduce((sum, run) => sum + run.baseline, 0) / mainRuns.length;

  let text = "";
  const raised: RaisedRun[] = [];
  let end = -Infinity;
  let previousRaised = false;
  for (const run of group) {
    const gap = run.x - end;
    const em = Math.min(run.size, fontSize);
    const isRaised = run.size <= fontSize * RAISED_SIZE_RATIO && baseline - run.baseline >= fontSize * RAISED_BASELINE_SHARE;
    // A gap next to a raised marker is the marker's own spacing, never a space in the text (`。[3]2003年`).
    if (text !== "" && !isRaised && !previousRaised && gap > WORD_GAP_SHARE * em && !/\s$/u.test(text) && !/^\s/u.test(run.text)) {
      // An em of white is an ideographic space; less is a word space, which only Latin words have between them.
      if (gap >= IDEOGRAPHIC_GAP_SHARE * em) text += "\u3000";
      else if ((LATIN_EDGE.test(text.slice(-1)) && LATIN_EDGE.test(run.text.slice(0, 1))) || LEADING_LABEL.test(text)) text += " ";
    }
    // One marker may come as several runs (writers that place each glyph: `[`, `1`, `]`): a raised run that
    // follows a raised run without a word's white between them continues it, so the marker is read whole.
    const last = raised[raised.length - 1];
    if (isRaised && previousRaised && last !== undefined && gap <= WORD_GAP_SHARE * em) last.text += run.text;
    else if (isRaised) raised.push({ offset: text.length, text: run.text });
    text += run.text;
    end = Math.max(end, run.x + run.width);
    previousRaised = isRaised;
  }
  const x = Math.min(...group.map((r) => r.x));
  const y = Math.min(...group.map((r) => r.baseline - r.size * ASCENT_SHARE));
  const bottom = Math.max(...group.map((r) => r.baseline + r.size * (1 - ASCENT_SHARE)));
  return { page, text, x, y, width: end - x, height: bottom - y, fontSize, fontName, raised };
}
