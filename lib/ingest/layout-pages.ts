import type { IngestWarning } from "./document-draft";
import { leadingNoteLabel, markerListLabels } from "./find-markers";
import { lineDeficit, type WidthModel } from "./line-width";
import { compactText, normaliseLine } from "./normalise-text";
import { endsFullStop } from "./sentence-end";

/**
 * Printed lines → pages. Each page keeps its body lines and its note-area lines apart; running heads,
 * folios, marker lists and editorial tags are taken out as debris. Pages are found from structure only:
 * runs of blank lines, running heads, the end of a note area, and lines with a leading space (the
 * extraction starts every new text block, a page's body or a note block, with one).
 */

export interface LayoutLine {
  /** 1-based line number in the source. */
  lineNo: number;
  raw: string;
  /** The line repaired on its own (see normalise-text). */
  normal: string;
  /** 1-based page. */
  page: number;
  /** The line starts with whitespace: the extraction opened a new text block here. */
  indent: boolean;
  /** Shortfall from the body measure in em (negative for lines wider than body lines, as notes are). */
  deficit: number;
}

export interface PageLayout {
  page: number;
  body: LayoutLine[];
  /** Note-area text lines, in order, marker lists removed. */
  notes: LayoutLine[];
  /** Labels of the marker lists found in this page's note area. */
  markerList: Array<{ label: string; lineNo: number }>;
}

export type DebrisKind = "running-head" | "folio" | "marker-list" | "other";

export interface Debris {
  kind: DebrisKind;
  text: string;
  line: number;
}

export interface Layout {
  pages: PageLayout[];
  debris: Debris[];
  warnings: IngestWarning[];
  /** Journal running head (`欧洲研究 2023年第6期`), when the pages carry one. */
  journal: string | null;
  issue: string | null;
  year: string | null;
  /** Leading spaces mark paragraphs (not blocks) in this text: too many to be page or note-block starts. */
  indentMarksParagraphs: boolean;
}

export interface LayoutInput {
  lines: readonly string[];
  /** 0-based index of the first body line (after the front matter). */
  bodyStart: number;
  title: string | null;
  model: WidthModel;
  /** 1-based lines an editorial correction says are debris. */
  debrisLines?: ReadonlySet<number>;
  /** 0-based lines that certainly open a new page (form feeds). */
  pageBreaks?: ReadonlySet<number>;
}

const FOLIO = /^[\s\u3000]*[-－—·•]?[\s\u3000]*[0-9０-９]{1,4}[\s\u3000]*[-－—·•]?[\s\u3000]*$/u;
const LEADING_FOLIO = /^[\s\u3000]*[0-9０-９]{1,4}[\s\u3000]+/u;
const TRAILING_FOLIO = /[\s\u3000]+[0-9０-９]{1,4}[\s\u3000]*$/u;
const JOURNAL_ISSUE = /^(.{2,30}?)(\d{4})年第(\d{1,2})期$/u;
const EDITORIAL_TAG = /^[\s\u3000]*[【〔][\s\u3000]*\p{Script=Han}{2,8}[\s\u3000]*[:：][^】〕]*[】〕][\s\u3000]*$/u;
const INDENT = /^[ \u3000\t]/u;
const BLANK_RUN_PAGE_BREAK = 3;

type LineKind = "blank" | "folio" | "running-head" | "editorial" | "marker-list" | "labelled-note" | "text";

interface Classified {
  kind: LineKind;
  labels?: string[];
}

export function layoutPages(input: LayoutInput): Layout {
  const { lines, bodyStart, model } = input;
  const heads = findRunningHeads(lines, bodyStart, input.title, model);
  const wideLimit = -Math.max(3, 0.1 * model.measure);

  const made = (k: number): LayoutLine => ({
    lineNo: k + 1,
    raw: lines[k]!,
    normal: normaliseLine(lines[k]!),
    page: 0,
    indent: INDENT.test(lines[k]!),
    deficit: lineDeficit(model, lines[k]!),
  });

  const classifyOnce = (k: number): Classified => {
    const raw = lines[k]!;
    if (raw.trim() === "") return { kind: "blank" };
    if (input.debrisLines?.has(k + 1)) return { kind: "editorial" };
    if (FOLIO.test(raw)) return { kind: "folio" };
    if (heads.has(k)) return { kind: "running-head" };
    if (EDITORIAL_TAG.test(raw)) return { kind: "editorial" };
    const labels = markerListLabels(raw);
    if (labels) return { kind: "marker-list", labels };
    const lead = leadingNoteLabel(raw);
    if (lead && lead.rest.trim() !== "") {
      const wide = lineDeficit(model, raw) < wideLimit;
      // Typesetters never start a body line with a note mark (it hangs at the end of the previous line),
      // so a label followed by a space at a line start opens a note. A label run straight into text
      // (`①技术…`) may be an enumerator: a note only when set wider than the body.
      if (lead.separator !== "none" || wide) return { kind: "labelled-note" };
    }
    return { kind: "text" };
  };
  const classified: Classified[] = lines.map((_, k) => (k >= bodyStart ? classifyOnce(k) : { kind: "blank" }));
  const classify = (k: number): Classified => classified[k]!;

  // Text blocks opened by a leading space: a page's body, or a note block whose marker list was lost.
  const blockIsNotes = (start: number): boolean => {
    let wide = 0;
    let full = 0;
    for (let k = start; k < lines.length; k += 1) {
      if (k > start) {
        const kind = classify(k).kind;
        if (kind === "folio" || kind === "running-head" || kind === "marker-list" || kind === "editorial") break;
        if (INDENT.test(lines[k]!) && lines[k]!.trim() !== "") break;
        if (kind === "blank" && blankRunFrom(lines, k) >= BLANK_RUN_PAGE_BREAK) break;
        if (kind === "blank") continue;
      }
      const deficit = lineDeficit(model, lines[k]!);
      if (deficit < wideLimit) wide += 1;
      else if (deficit < model.measure * 0.25) full += 1;
    }
    return wide > 0 && wide >= full;
  };

  const indentCount = lines.slice(bodyStart).filter((l) => INDENT.test(l) && l.trim() !== "").length;
  const textCount = lines.slice(bodyStart).filter((l) => l.trim() !== "").length;
  const indentMarksParagraphs = indentCount > Math.max(6, textCount / 10);

  const pages: PageLayout[] = [];
  const debris: Debris[] = [];
  const warnings: IngestWarning[] = [];
  let page: PageLayout = { page: 1, body: [], notes: [], markerList: [] };
  let inNotes = false;
  let pendingBreak = false;
  let blankRun = 0;

  const hasContent = (p: PageLayout) => p.body.length > 0 || p.notes.length > 0 || p.markerList.length > 0;
  const newPage = () => {
    if (!hasContent(page)) return;
    pages.push(page);
    page = { page: page.page + 1, body: [], notes: [], markerList: [] };
  };
  const addBody = (k: number) => {
    const line = made(k);
    line.page = page.page;
    page.body.push(line);
  };
  const addNote = (k: number) => {
    const line = made(k);
    line.page = page.page;
    page.notes.push(line);
  };
  const enterNotes = () => {
    inNotes = true;
    pendingBreak = false;
  };
  const resumeBody = () => {
    newPage();
    inNotes = false;
    pendingBreak = false;
  };

  for (let k = bodyStart; k < lines.length; k += 1) {
    const raw = lines[k]!;
    const { kind, labels } = classify(k);
    if (input.pageBreaks?.has(k)) pendingBreak = true;
    if (kind === "blank") {
      blankRun += 1;
      if (blankRun === BLANK_RUN_PAGE_BREAK) pendingBreak = true;
      continue;
    }
    blankRun = 0;
    switch (kind) {
      case "folio":
      case "running-head":
      case "editorial":
        debris.push({ kind: kind === "editorial" ? "other" : kind, text: raw.trim(), line: k + 1 });
        if (kind !== "editorial") pendingBreak = true;
        continue;
      case "marker-list":
        debris.push({ kind: "marker-list", text: raw.trim(), line: k + 1 });
        if (!inNotes && pendingBreak && page.body.length > 0 && page.markerList.length > 0) newPage();
        enterNotes();
        for (const label of labels ?? []) page.markerList.push({ label, lineNo: k + 1 });
        continue;
      case "labelled-note":
        enterNotes();
        addNote(k);
        continue;
      default:
        break;
    }

    const indent = INDENT.test(raw) && !indentMarksParagraphs;
    if (inNotes) {
      const previous = page.notes[page.notes.length - 1];
      const labelledArea = page.notes.some((l) => leadingNoteLabel(l.raw)?.separator === "wide");
      if (indent) {
        if (blockIsNotes(k)) addNote(k);
        else {
          resumeBody();
          addBody(k);
        }
      } else if (pendingBreak) {
        resumeBody();
        addBody(k);
      } else if (labelledArea && previous !== undefined && endsNoteLine(previous) && lineDeficit(model, raw) >= wideLimit) {
        // In a note area whose notes all start with their label, an unlabelled line after a finished
        // note is body text resuming on the next page.
        warnings.push({
          code: "page-break-inferred",
          message: "Body text resumes after a note area without a blank-line or leading-space break; a new page is assumed.",
          sourceLines: [k + 1, k + 1],
        });
        resumeBody();
        addBody(k);
      } else addNote(k);
      continue;
    }

    if (pendingBreak) {
      newPage();
      pendingBreak = false;
    }
    if (indent && page.body.length > 0) {
      if (blockIsNotes(k)) {
        enterNotes();
        addNote(k);
        continue;
      }
      newPage();
    }
    addBody(k);
  }
  if (hasContent(page)) pages.push(page);

  const journalHead = heads.journal;
  return {
    pages,
    debris: debris.sort((a, b) => a.line - b.line),
    warnings,
    journal: journalHead?.journal ?? null,
    issue: journalHead ? `${journalHead.year}年第${journalHead.number}期` : null,
    year: journalHead?.year ?? null,
    indentMarksParagraphs,
  };
}

function endsNoteLine(line: LayoutLine): boolean {
  return endsFullStop(line.normal);
}

function blankRunFrom(lines: readonly string[], k: number): number {
  let n = 0;
  while (k + n < lines.length && lines[k + n]!.trim() === "") n += 1;
  return n;
}

interface RunningHeads {
  has(k: number): boolean;
  journal: { journal: string; year: string; number: string } | null;
}

/**
 * Running heads: short lines, often with the folio attached, that repeat the essay title or carry the
 * journal name and issue. A short line without sentence punctuation counts when it equals the title,
 * reads as `journal YYYY年第N期`, or recurs on two or more pages.
 */
function findRunningHeads(lines: readonly string[], bodyStart: number, title: string | null, model: WidthModel): RunningHeads {
  const titleKey = title ? compactText(normaliseLine(title)) : "";
  const candidates = new Map<number, string>();
  const counts = new Map<string, number>();
  for (let k = bodyStart; k < lines.length; k += 1) {
    const raw = lines[k]!;
    if (raw.trim() === "" || markerListLabels(raw) || FOLIO.test(raw)) continue;
    if (lineDeficit(model, raw) < model.measure * 0.15) continue;
    const core = raw.replace(LEADING_FOLIO, "").replace(TRAILING_FOLIO, "");
    const normal = normaliseLine(core);
    if (/[，。；,;！？!?]/u.test(normal) || /[①-⑳]|\[\d{1,3}\]/u.test(normal)) continue;
    const key = compactText(normal);
    if (Array.from(key).length < 4) continue;
    candidates.set(k, key);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const heads = new Set<number>();
  let journal: RunningHeads["journal"] = null;
  for (const [k, key] of candidates) {
    const journalMatch = JOURNAL_ISSUE.exec(key);
    if (journalMatch) {
      heads.add(k);
      journal ??= { journal: journalMatch[1]!, year: journalMatch[2]!, number: journalMatch[3]! };
      continue;
    }
    if ((titleKey !== "" && key === titleKey) || (counts.get(key) ?? 0) >= 2) heads.add(k);
  }
  return { has: (k) => heads.has(k), journal };
}
