import type { LineGeometry, PdfLineRole } from "../layout-pages";
import { matchHeading } from "../match-heading";
import type { PdfLine, PdfText } from "./read-pdf-text";

/**
 * The lines of a PDF → the structure stage's input: one printed line per source line (so corrections and
 * warnings name lines as they do for text), plus what the geometry says about each line, made explicit:
 * its page, whether it is page furniture (a running head or folio repeated in the same place on the
 * pages), note area (the run of smaller type at the foot of a page), a heading (larger type) or body, and
 * whether a body line opens a paragraph (indented from the body's left edge). The text itself is left as
 * printed (radicals unified by the reader); the structure stage normalises it as it does any text.
 */

export interface PdfSource {
  /** The printed lines, a form feed before the first line of every page after the first. */
  text: string;
  /** Per 0-based source line. */
  geometry: LineGeometry[];
}

/** Smaller than this share of the body size is note type (notes are set 1–3 points smaller than the body). */
const NOTE_SIZE_RATIO = 0.9;
/** Larger than this share of the body size is heading type. */
const HEADING_SIZE_RATIO = 1.1;
/** A first line indented by at least this many em (of its size) opens a paragraph; 2 em is the norm. */
const MIN_PARAGRAPH_INDENT_EM = 1;
/** …and by at most this many: more is a centred or displayed line, not an indent. */
const MAX_PARAGRAPH_INDENT_EM = 4;
/** Lines of one wrapped heading stand at most this many em apart (top to top); a new heading has space above. */
const WRAPPED_LINE_PITCH_EM = 2;
/** Page furniture is found among this many lines at the top and at the foot of a page. */
const FURNITURE_LINES_PER_EDGE = 2;
/** Two lines are "in the same place" on two pages when their tops differ by less than this (points). */
const SAME_PLACE_PT = 3;
/** A folio: a page number alone, possibly between dashes. */
const FOLIO_TEXT = /^[\s\u3000]*[-－—·•]?[\s\u3000]*[0-9０-９]{1,4}[\s\u3000]*[-－—·•]?[\s\u3000]*$/u;
/** The page number of a folio line, or at either end of a running head (`某某评论 2021年第3期　27`). */
const PRINTED_PAGE_NUMBER = /^[-－—·•]?[\s\u3000]*([0-9０-９]{1,4})[\s\u3000]*[-－—·•]?$|^([0-9０-９]{1,4})[\s\u3000]+\S|\S[\s\u3000]+([0-9０-９]{1,4})$/u;
/** Page furniture stands apart from the text block by at least this many body line pitches (top to top). */
const FURNITURE_GAP_PITCHES = 1.5;
/** A sentence end: running text has them, a running head (even one repeated) never does. */
const SENTENCE_END = /[。！？!?]/u;
/** Punctuation found in running text and never in a running head. */
const SENTENCE_PUNCTUATION = /[，。；！？,;!?]/u;
/** Size values are compared to this precision (pdf.js reports sizes as floats from the text matrix). */
const SIZE_PRECISION = 0.1;

export function pdfSourceLines(pdf: PdfText): PdfSource {
  const all = pdf.pages.flatMap((page) => page.lines);
  const bodySize = dominantSize(all);
  const furniture = findFurniture(pdf, bodySize);
  const bodyLeft = dominantLeft(all.filter((line) => sameSize(line.fontSize, bodySize)));

  const texts: string[] = [];
  const geometry: LineGeometry[] = [];
  for (const page of pdf.pages) {
    const lines = page.lines;
    // The note area: the run of note-size lines at the page's foot (after any furniture there).
    let noteStart = lines.length;
    for (let k = lines.length - 1; k >= 0; k -= 1) {
      const line = lines[k]!;
      if (furniture.has(line)) {
        if (noteStart === k + 1) noteStart = k;
        continue;
      }
      if (line.fontSize < bodySize * NOTE_SIZE_RATIO) noteStart = k;
      else break;
    }
    let previousHeading: PdfLine | null = null;
    lines.forEach((line, k) => {
      const role: PdfLineRole = furniture.get(line) ?? (k >= noteStart ? "note" : line.fontSize > bodySize * HEADING_SIZE_RATIO ? "heading" : "body");
      const indentEm = (line.x - bodyLeft) / line.fontSize;
      const paragraphStart = role === "body" && indentEm >= MIN_PARAGRAPH_INDENT_EM && indentEm <= MAX_PARAGRAPH_INDENT_EM;
      // A heading wrapped over two lines is one heading: its lines are joined into one source line. A line
      // with its own enumerator, or set apart by more than a line's pitch, is the next heading.
      const wraps = previousHeading !== null && sameSize(previousHeading.fontSize, line.fontSize) && line.y - previousHeading.y <= WRAPPED_LINE_PITCH_EM * line.fontSize && matchHeading(line.text) === null;
      if (role === "heading" && wraps) {
        const last = texts.length - 1;
        texts[last] = joinWrapped(texts[last]!, line.text);
        geometry[last]!.boxes.push(boxOf(line));
        return;
      }
      previousHeading = role === "heading" ? line : null;
      const opensPage = k === 0 && texts.length > 0;
      // A leading space marks a new text block, as text extraction prints one: here it says outright that
      // a paragraph (or heading) starts, so that front matter, like the abstract, ends before it.
      const lead = paragraphStart || role === "heading" ? " " : "";
      texts.push(`${opensPage ? "\f" : ""}${lead}${line.text}`);
      const folio = role === "folio" || role === "running-head" ? PRINTED_PAGE_NUMBER.exec(line.text.trim())?.slice(1).find((n) => n !== undefined) : undefined;
      geometry.push({
        page: page.page,
        role,
        paragraphStart,
        raised: line.raised.map((r) => ({ offset: r.offset + lead.length, text: r.text })),
        boxes: [boxOf(line)],
        ...(folio !== undefined ? { folio: folio.normalize("NFKC") } : {}),
      });
    });
  }
  return { text: texts.join("\n") + "\n", geometry };
}

function boxOf(line: PdfLine): LineGeometry["boxes"][number] {
  const round = (n: number) => Math.round(n * 10) / 10;
  return { page: line.page, x: round(line.x), y: round(line.y), width: round(line.width), height: round(line.height) };
}

function joinWrapped(first: string, second: string): string {
  return /[A-Za-z0-9]$/u.test(first) && /^[A-Za-z0-9]/u.test(second) ? `${first} ${second}` : first + second;
}

const sameSize = (a: number, b: number) => Math.abs(a - b) < SIZE_PRECISION;

/** The type size most characters are set in: the body's. */
function dominantSize(lines: readonly PdfLine[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) {
    const key = Math.round(line.fontSize / SIZE_PRECISION) * SIZE_PRECISION;
    weight.set(key, (weight.get(key) ?? 0) + Array.from(line.text).length);
  }
  return [...weight.entries()].sort((p, q) => q[1] - p[1])[0]?.[0] ?? 0;
}

/** The left edge most body lines start at (rounded to a point). */
function dominantLeft(lines: readonly PdfLine[]): number {
  const count = new Map<number, number>();
  for (const line of lines) count.set(Math.round(line.x), (count.get(Math.round(line.x)) ?? 0) + 1);
  return [...count.entries()].sort((p, q) => q[1] - p[1] || p[0] - q[0])[0]?.[0] ?? 0;
}

/**
 * Running heads and folios: among the first and last lines of each page, a page number alone, or a line
 * that recurs (digits aside) in the same place on another page. A body line never recurs verbatim in the
 * same place, and the title on the first page stands lower than the running heads that repeat it.
 */
function findFurniture(pdf: PdfText, bodySize: number): Map<PdfLine, "running-head" | "folio"> {
  const edges = pdf.pages.flatMap((page) => {
    const lines = page.lines;
    const top = lines.slice(0, FURNITURE_LINES_PER_EDGE);
    const foot = lines.slice(Math.max(top.length, lines.length - FURNITURE_LINES_PER_EDGE));
    return [...top, ...foot];
  });
  const key = (line: PdfLine) => line.text.replace(/[0-9０-９\s\u3000]/gu, "");
  const found = new Map<PdfLine, "running-head" | "folio">();
  const pitch = bodyPitch(pdf, bodySize);
  for (const line of edges) {
    const page = pdf.pages[line.page - 1]!;
    const k = page.lines.indexOf(line);
    // Note-size lines at the foot are notes, whatever they say; heading-size lines are titles and headings.
    if (k > 0 && line.fontSize < bodySize * NOTE_SIZE_RATIO) continue;
    if (line.fontSize > bodySize * HEADING_SIZE_RATIO) continue;
    if (FOLIO_TEXT.test(line.text)) {
      found.set(line, "folio");
      continue;
    }
    const recurs = edges.some((other) => other.page !== line.page && Math.abs(other.y - line.y) < SAME_PLACE_PT && key(other) === key(line) && key(line) !== "");
    // A head on a single page, or one that changes from page to page (the title on one, the journal on the
    // other): a short line without sentence punctuation, set apart from the text block by white space.
    const neighbour = k === 0 ? page.lines[1] : page.lines[k - 1];
    const apart = neighbour !== undefined && Math.abs(neighbour.y - line.y) >= FURNITURE_GAP_PITCHES * pitch;
    if ((recurs && !SENTENCE_END.test(line.text)) || (apart && !SENTENCE_PUNCTUATION.test(line.text))) found.set(line, "running-head");
  }
  // Only an edge line, or one next to another furniture line at that edge, is furniture.
  for (const page of pdf.pages) {
    const lines = page.lines;
    for (let k = 0; k < lines.length; k += 1) {
      const line = lines[k]!;
      if (!found.has(line)) continue;
      const atTop = lines.slice(0, k).every((l) => found.has(l));
      const atFoot = lines.slice(k + 1).every((l) => found.has(l));
      if (!atTop && !atFoot) found.delete(line);
    }
  }
  return found;
}

/** The usual distance from one body line to the next (top to top), in points. */
function bodyPitch(pdf: PdfText, bodySize: number): number {
  const steps = new Map<number, number>();
  for (const page of pdf.pages) {
    for (let k = 1; k < page.lines.length; k += 1) {
      const [above, below] = [page.lines[k - 1]!, page.lines[k]!];
      if (!sameSize(above.fontSize, bodySize) || !sameSize(below.fontSize, bodySize)) continue;
      const step = Math.round(below.y - above.y);
      steps.set(step, (steps.get(step) ?? 0) + 1);
    }
  }
  return [...steps.entries()].sort((p, q) => q[1] - p[1])[0]?.[0] ?? bodySize * 1.5;
}
