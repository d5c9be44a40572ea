import { seeded } from "@/tests/fixtures/ingest/render-essay";
import { withGlyphArtefacts } from "./glyph-artefacts";
import { MAX_MARKERS_PER_PAGE, type LayoutParameters, type NoteFormat } from "./layout-parameters";
import type { LayoutTruth, SimulatedLayout, TruthMarker, TruthNote } from "./layout-truth";
import { furnitureLines } from "./page-furniture";
import { printedLength, trueOffsetOfLine } from "./page-break-truth";
import { headingLabel, paragraphText, printedEnumerator, type TrueDocument } from "./true-document";
import { isPlaceholder, PLACEHOLDER_BASE, wrapLines } from "./wrap-lines";

/**
 * Prints a TrueDocument as raw extracted text under the given layout, and returns the truth about what it
 * printed: pages of body lines with markers restarting on every page, note areas at the foot of each page
 * in one of three formats, lost and truncated notes, notes running over onto the next page, running heads
 * and folios, and the three ways extraction separates pages. Deterministic for a document and parameters.
 */

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
/** Printed width of a marker in em: a superscript circled digit, or `[n]` in half-width digits. */
const MARKER_WIDTH = { circled: 0.5, bracket: 1.5 } as const;
/** A paragraph's first line is indented by 2 em. */
const PARAGRAPH_INDENT = 2;
/** Blank lines poppler-less extraction leaves between pages in the `blank-run` layout. */
const PAGE_BREAK_BLANKS = 3;
/** Truncation cuts fall in the middle half of a note. */
const CUT_FROM = 0.25;
const CUT_TO = 0.75;
const URL_IN_NOTE = /https?:\/\/[A-Za-z0-9\-._~:/?#@!$&'*+=%]+/g;

interface BodyLine {
  text: string;
  notes: number[];
  /** Last line of its heading or paragraph. */
  endsBlock: boolean;
  /** A paragraph's second or later line: where it begins in the paragraph's true text. */
  continues?: { paragraph: number; offset: number };
}

interface NoteEntry {
  note: number;
  lines: string[];
}

function label(style: LayoutParameters["style"], k: number): string {
  return style === "circled" ? CIRCLED[k]! : `[${k + 1}]`;
}

const isHanChar = (ch: string | undefined) => ch !== undefined && /\p{Script=Han}/u.test(ch);

/** Where a note may be cut so that both sides read as Chinese text (a cut inside a URL or Latin word is not a truncation extraction makes). */
function cutPoint(text: string, random: () => number, keep: "head" | "tail"): number | null {
  const candidates: number[] = [];
  for (let i = Math.floor(text.length * CUT_FROM); i <= Math.floor(text.length * CUT_TO); i += 1) {
    if (keep === "tail" ? isHanChar(text[i]) && isHanChar(text[i - 1]) : isHanChar(text[i - 1]) && isHanChar(text[i])) candidates.push(i);
  }
  return candidates.length === 0 ? null : candidates[Math.floor(random() * candidates.length)]!;
}

export function typesetDocument(document: TrueDocument, requested: LayoutParameters): SimulatedLayout {
  // poppler's form-feed layout prints lines solid, furniture at the top of the page.
  const params: LayoutParameters =
    requested.pageSeparator === "form-feed" ? { ...requested, blankLines: "none", blankLinesInNotes: false, furniture: requested.furniture === "none" ? "none" : "top" } : requested;
  const random = seeded(params.pageNoise);
  const hyphenMark = () => random() < params.pHyphenMark;
  const print = (s: string) => (params.glyphArtefacts ? withGlyphArtefacts(s) : s);
  const markerWidth = MARKER_WIDTH[params.style];
  const noteWidth = Math.round(params.width * params.noteWidthRatio);

  // Truth about the body, independent of the layout.
  const truth: LayoutTruth = { title: document.title, headings: [], paragraphs: [], order: [], markers: [], notes: [], urls: [], debris: [], pages: [] };
  const notePlace = new Map<number, { paragraph: number; offset: number }>();
  const bodyLines: BodyLine[] = [];
  for (const block of document.blocks) {
    if (block.kind === "heading") {
      truth.order.push(`h${truth.headings.length}`);
      truth.headings.push({ level: block.level, label: headingLabel(block), text: block.text });
      bodyLines.push({ text: print(printedEnumerator(block) + block.text), notes: [], endsBlock: true });
      continue;
    }
    const paragraph = truth.paragraphs.length;
    truth.order.push(`p${paragraph}`);
    truth.paragraphs.push(paragraphText(block));
    let offset = 0;
    let raw = "";
    for (const piece of block.pieces) {
      offset += piece.text.length;
      raw += print(piece.text);
      if (piece.note !== undefined) {
        notePlace.set(piece.note, { paragraph, offset });
        raw += String.fromCharCode(PLACEHOLDER_BASE + piece.note);
      }
    }
    const lines = wrapLines(raw, { width: params.width, firstIndent: PARAGRAPH_INDENT, markerWidth, hyphenMark });
    lines.forEach((text, i) => {
      const notes = Array.from(text).filter(isPlaceholder).map((ch) => ch.charCodeAt(0) - PLACEHOLDER_BASE);
      const continues = i === 0 ? undefined : { paragraph, offset: trueOffsetOfLine(truth.paragraphs[paragraph]!, lines, i) };
      bodyLines.push({ text, notes, endsBlock: i === lines.length - 1, continues });
    });
  }

  // Pages: a fixed number of body lines, ended early rather than carry more markers than a page can label.
  const pages: BodyLine[][] = [];
  let current: BodyLine[] = [];
  let markers = 0;
  for (const line of bodyLines) {
    if (current.length > 0 && (current.length >= params.linesPerPage || markers + line.notes.length > MAX_MARKERS_PER_PAGE)) {
      pages.push(current);
      current = [];
      markers = 0;
    }
    current.push(line);
    markers += line.notes.length;
  }
  if (current.length > 0) pages.push(current);

  const out: string[] = [];
  const blank = () => out.push("");
  const every = params.blankLines === "every";
  const notesSpaced = every && params.blankLinesInNotes;

  // Front matter: title, author, abstract, then the body opens a new text block (a leading space).
  out.push(print(document.title), "", document.authors.join("　"), "");
  for (const line of wrapLines(print(`内容提要：${document.abstract}`), { width: params.width, firstIndent: 0, markerWidth, hyphenMark })) {
    out.push(line);
    if (every) blank();
  }
  out.push("", "");

  // Lines of a note that ran over from the previous page; labels the current page's list dropped.
  let carry: string[] = [];
  let listLostOnPage = 0;
  pages.forEach((pageLines, p) => {
    const page = p + 1;
    const pageNotes = pageLines.flatMap((line) => line.notes);
    const labelOf = new Map(pageNotes.map((note, k) => [note, label(params.style, k)]));
    const format: NoteFormat = params.noteFormats[Math.floor(random() * params.noteFormats.length)]!;
    const furniture = p > 0 && params.furniture !== "none" ? furnitureLines(params, p, document.title, random) : null;
    if (furniture) truth.debris.push(...furniture.debris);

    // Page break.
    if (p > 0) {
      if (params.pageSeparator === "blank-run") {
        while (out.length > 0 && out[out.length - 1] === "") out.pop();
        for (let i = 0; i < PAGE_BREAK_BLANKS; i += 1) blank();
      } else while (out.length > 0 && out[out.length - 1] === "") out.pop();
    }
    const pageStart = out.length;
    const opening = pageLines[0]?.continues;
    if (p > 0 && opening !== undefined) (truth.pageBreaks ??= []).push({ block: "paragraph", index: opening.paragraph, offset: opening.offset, page });
    const opensPage = (line: string) => {
      // The first line printed on a page: a form feed before it, or the extraction's leading space.
      if (out.length !== pageStart || p === 0) return line;
      return params.pageSeparator === "form-feed" ? `\f${line}` : params.pageSeparator === "glued" ? ` ${line}` : line;
    };
    const pushFurniture = () => {
      for (const line of furniture?.lines ?? []) {
        out.push(opensPage(line));
        if (every) blank();
      }
    };

    if (params.furniture === "top") pushFurniture();
    pageLines.forEach((line, i) => {
      let text = line.text.replace(/[\ue000-\uefff]/gu, (ch) => labelOf.get(ch.charCodeAt(0) - PLACEHOLDER_BASE)!);
      if (p === 0 && i === 0) text = ` ${text}`;
      out.push(opensPage(text));
      if (every || (params.blankLines === "blocks" && line.endsBlock)) blank();
    });
    if (params.furniture === "between") pushFurniture();

    // Which note texts the extraction kept, and how much of each.
    const lost = new Set<number>();
    if (random() < params.pAllNotesLost) pageNotes.forEach((n) => lost.add(n));
    else if (random() < params.pSomeNotesLost) for (const n of pageNotes) if (random() < 0.5) lost.add(n);
    let truncated = 0;
    const entries: NoteEntry[] = [];
    for (const n of pageNotes) {
      const text = document.notes[n]!.text;
      const place = notePlace.get(n)!;
      const marker: TruthMarker = { page, label: labelOf.get(n)!, paragraph: place.paragraph, offset: place.offset, note: n };
      truth.markers.push(marker);
      const note: TruthNote = { text, status: "present", surviving: text, page, label: marker.label };
      truth.notes[n] = note;
      if (lost.has(n)) {
        note.status = "missing";
        note.surviving = "";
        continue;
      }
      const head = random() < params.pTruncatedHead;
      const tail = !head && random() < params.pTruncatedTail;
      const cut = head ? cutPoint(text, random, "tail") : tail ? cutPoint(text, random, "head") : null;
      if (cut !== null) {
        note.status = "truncated";
        note.surviving = head ? text.slice(cut) : text.slice(0, cut);
        truncated += 1;
      }
      const prefix = format === "labelled" && !(head && cut !== null) ? (params.style === "circled" ? `${marker.label} ` : `${marker.label}\u3000`) : "";
      entries.push({ note: n, lines: wrapLines(prefix + print(note.surviving), { width: noteWidth, firstIndent: 0, markerWidth, hyphenMark }) });
    }

    // The page's last note may run over onto the next page's note area.
    let overrun = false;
    const lastEntry = entries[entries.length - 1];
    if (lastEntry && p < pages.length - 1 && lastEntry.lines.length >= 2 && truth.notes[lastEntry.note]!.status === "present" && random() < params.pNoteOverrun) {
      const keep = 1 + Math.floor(random() * (lastEntry.lines.length - 1));
      const label = format === "labelled" ? printedLength(labelOf.get(lastEntry.note)!) : 0;
      const offset = trueOffsetOfLine(truth.notes[lastEntry.note]!.text, lastEntry.lines, keep, label);
      (truth.pageBreaks ??= []).push({ block: "note", index: lastEntry.note, offset, page: page + 1 });
      const nextCarry = lastEntry.lines.slice(keep);
      lastEntry.lines = lastEntry.lines.slice(0, keep);
      overrun = true;
      printNoteArea(format, entries, pageNotes, labelOf);
      carry = nextCarry;
    } else {
      printNoteArea(format, entries, pageNotes, labelOf);
      carry = [];
    }
    if (params.furniture === "bottom") pushFurniture();
    truth.pages.push({ page, bodyLines: pageLines.length, format, markers: pageNotes.length, lost: lost.size, truncated, overrun, listLost: listLostOnPage });
  });

  function printNoteArea(format: NoteFormat, entries: NoteEntry[], pageNotes: number[], labelOf: Map<number, string>): void {
    listLostOnPage = 0;
    const texts = [...(carry.length > 0 ? [{ note: -1, lines: carry }] : []), ...entries];
    const hasList = format === "list" && pageNotes.length > 0;
    if (!hasList && texts.length === 0) return;
    if (params.blankLines === "blocks" && out[out.length - 1] !== "") blank();
    if (hasList) {
      let labels = pageNotes.map((n) => labelOf.get(n)!);
      if (random() < params.pListLosesEntries && labels.length > 1) {
        const kept = labels.filter(() => random() >= 0.5);
        listLostOnPage = labels.length - Math.max(kept.length, 1);
        labels = kept.length > 0 ? kept : [labels[0]!];
      }
      for (const l of labels) {
        out.push(l);
        truth.debris.push({ kind: "marker-list", text: l });
        if (every) blank();
        if (random() < params.pStrayBlank) blank();
      }
    }
    texts.forEach((entry, e) => {
      entry.lines.forEach((line, i) => {
        // A note area without labels is a new text block: the extraction opens it with a space.
        const opensBlock = e === 0 && i === 0 && (format !== "labelled" || entry.note === -1);
        out.push(opensBlock ? ` ${line}` : line);
        if (notesSpaced) blank();
      });
      if (params.blankLines === "blocks") blank();
    });
  }

  truth.notes.forEach((note) => {
    if (note.status === "present") for (const m of note.text.matchAll(URL_IN_NOTE)) truth.urls.push(m[0].replace(/[.,;:]+$/, ""));
  });
  return { text: out.join("\n") + "\n", truth };
}
