import type { DocumentStructure } from "@/lib/model/document-model";
import { withGlyphArtefacts } from "./glyph-artefacts";
import type { LayoutParameters } from "./layout-parameters";
import type { LayoutTruth, SimulatedLayout, TruthNote } from "./layout-truth";
import type { TrueDocument } from "./true-document";
import { charWidth, PLACEHOLDER_BASE, wrapLines } from "./wrap-lines";

/**
 * Classifies what a parse missed, from the simulator's truth: for each note text the source holds that is not
 * attached exactly to its own marker, each paragraph not rebuilt exactly, each URL not rebuilt; and, for each,
 * whether the printed layout decides the answer at all (`decided`), from counts, order and labels alone — no
 * wording. A note is decided when:
 *   - its page prints labels and it kept its own (its head survived), or it lost its label but the labelled
 *     notes around it leave exactly as many free markers as unlabelled texts between them;
 *   - its page prints no labels (a bare list or nothing) and every one of the page's notes survives in part or
 *     whole: as many texts as markers, in order;
 *   - and, when it runs over onto the next page, the next page's first note kept its head (else the run-over
 *     lines and a start-less first note read alike).
 * A paragraph boundary is visible when a blank line ends blocks, the paragraph's last line stops at least an
 * em short of the measure, or the next paragraph's first line is indented and not its last line.
 */

export interface MissClass {
  what: "note" | "paragraph" | "url";
  /** Whether the layout decides the right answer (see above). */
  decided: boolean;
  why: string;
}

export interface Classification {
  attachableNotes: number;
  decidedNotes: number;
  truthParagraphs: number;
  decidedParagraphs: number;
  urls: number;
  /** URLs of present notes whose attachment the layout decides. */
  decidedUrls: number;
  misses: MissClass[];
}

const fold = (s: string) => s.replace(/[\s\u3000]+/gu, "");
const URL_IN_NOTE = /https?:\/\/[A-Za-z0-9\-._~:/?#@!$&'*+=%]+/g;
/** A line a full em short of the measure stops early: a Han character would have fitted. */
const SHORT_BY_EM = 1;
/** A paragraph's first line is indented 2 em (typeset-document.ts). */
const PARAGRAPH_INDENT = 2;
const MARKER_WIDTH = { circled: 0.5, bracket: 1.5 } as const;

type Truncation = "none" | "head-lost" | "tail-lost";

function truncation(note: TruthNote): Truncation {
  if (note.status !== "truncated") return "none";
  return note.text.startsWith(note.surviving) ? "tail-lost" : "head-lost";
}

/** Whether the layout, by counts, order and labels, decides which marker note `n` belongs to; and why not. */
export function noteDecided(truth: LayoutTruth, n: number): { decided: boolean; why: string } {
  const note = truth.notes[n]!;
  const page = truth.pages[note.page - 1]!;
  const onPage = truth.notes.map((t, i) => ({ t, i })).filter(({ t }) => t.page === note.page);
  const surviving = onPage.filter(({ t }) => t.status !== "missing");
  let own: { decided: boolean; why: string };
  if (page.format === "labelled") {
    if (truncation(note) !== "head-lost") own = { decided: true, why: "labelled page, own label printed" };
    else {
      const labelled = (i: number) => truth.notes[i]!.status !== "missing" && truncation(truth.notes[i]!) !== "head-lost";
      const position = onPage.findIndex(({ i }) => i === n);
      let low = position - 1;
      while (low >= 0 && !labelled(onPage[low]!.i)) low -= 1;
      let high = position + 1;
      while (high < onPage.length && !labelled(onPage[high]!.i)) high += 1;
      const gap = onPage.slice(low + 1, high);
      const unlabelledTexts = gap.filter(({ t }) => t.status !== "missing").length;
      own =
        gap.length === unlabelledTexts
          ? { decided: true, why: "labelled page, label lost with the head; the labels around leave one free marker per text" }
          : { decided: false, why: `labelled page, label lost with the head; more free markers than texts between labels` };
    }
  } else if (surviving.length === onPage.length) own = { decided: true, why: `unlabelled (${page.format}) page, as many texts as markers${note.status === "truncated" ? ` (this one ${truncation(note)})` : ""}` };
  else own = { decided: false, why: `unlabelled (${page.format}) page lost some texts: counts and order leave several assignments` };
  if (!own.decided) return own;
  const isLast = onPage[onPage.length - 1]?.i === n || surviving[surviving.length - 1]?.i === n;
  if (page.overrun && isLast) {
    const next = truth.notes.find((t) => t.page === note.page + 1 && t.status !== "missing");
    if (next !== undefined && truncation(next) === "head-lost") return { decided: false, why: "runs over onto a page whose first surviving note lost its head: the run-over lines and that text read alike" };
    return { decided: true, why: `${own.why}; runs over onto the next page` };
  }
  return own;
}

interface PrintedParagraph {
  lastWidth: number;
  firstIsLast: boolean;
}

function printedParagraphs(document: TrueDocument, params: LayoutParameters): PrintedParagraph[] {
  const markerWidth = MARKER_WIDTH[params.style];
  const print = (s: string) => (params.glyphArtefacts ? withGlyphArtefacts(s) : s);
  const out: PrintedParagraph[] = [];
  for (const block of document.blocks) {
    if (block.kind !== "paragraph") continue;
    let raw = "";
    for (const piece of block.pieces) {
      raw += print(piece.text);
      if (piece.note !== undefined) raw += String.fromCharCode(PLACEHOLDER_BASE + piece.note);
    }
    // Hyphen marks only move where a Latin word breaks; the width of a paragraph's last line rarely depends on it.
    const lines = wrapLines(raw, { width: params.width, firstIndent: PARAGRAPH_INDENT, markerWidth, hyphenMark: () => false });
    const last = lines[lines.length - 1]!;
    const width = Array.from(last).reduce((w, c) => w + charWidth(c, markerWidth), 0) + (lines.length === 1 ? PARAGRAPH_INDENT : 0);
    out.push({ lastWidth: width, firstIsLast: lines.length === 1 });
  }
  return out;
}

/** Whether a reader of the printed text can see where paragraph `i` ends and the next begins. */
export function boundaryVisible(params: LayoutParameters, printed: readonly PrintedParagraph[], i: number): { visible: boolean; why: string } {
  if (params.blankLines === "blocks" && params.pageSeparator !== "form-feed") return { visible: true, why: "blank line between blocks" };
  const p = printed[i]!;
  if (p.lastWidth <= params.width - SHORT_BY_EM) return { visible: true, why: "last line stops short" };
  const next = printed[i + 1];
  if (next !== undefined && !next.firstIsLast) return { visible: true, why: "last line full; next paragraph's first line indented" };
  return { visible: false, why: "last line full, next paragraph a single line: no printed sign of the boundary" };
}

export function classifyOutcome(layout: SimulatedLayout, draft: DocumentStructure, document: TrueDocument, params: LayoutParameters): Classification {
  const truth = layout.truth;
  const misses: MissClass[] = [];
  const result: Classification = { attachableNotes: 0, decidedNotes: 0, truthParagraphs: truth.paragraphs.length, decidedParagraphs: 0, urls: truth.urls.length, decidedUrls: 0, misses };

  // Notes. Draft footnotes are in marker order, as truth notes are; pair them only when labels agree throughout.
  const paired = draft.footnotes.length === truth.notes.length && draft.footnotes.every((f, i) => f.label === truth.notes[i]!.label);
  const pool = [...draft.fragments.map((f) => ({ text: fold(f.text), kind: "fragment" })), ...draft.footnotes.map((f) => ({ text: fold(f.text), kind: "footnote" }))];
  const attachedRight = new Set<number>();
  truth.notes.forEach((note, n) => {
    if (note.status === "missing") return;
    result.attachableNotes += 1;
    const decision = noteDecided(truth, n);
    if (decision.decided) result.decidedNotes += 1;
    const expected = fold(note.surviving);
    const footnote = paired ? draft.footnotes[n]! : undefined;
    if (footnote && (footnote.status === "present" || footnote.status === "truncated") && fold(footnote.text) === expected) {
      attachedRight.add(n);
      return;
    }
    let outcome: string;
    if (!paired) outcome = "markers not paired";
    else if (footnote!.status === "present" || footnote!.status === "truncated") {
      const got = fold(footnote!.text);
      outcome = got.includes(expected) ? "attached with more text" : expected.includes(got) ? "attached with part of its text" : "attached, text differs";
    } else {
      const exact = pool.some((e) => e.kind === "fragment" && e.text === expected);
      const inside = pool.find((e) => e.text.includes(expected) && e.text !== expected);
      const part = pool.some((e) => e.kind === "fragment" && e.text !== "" && expected.includes(e.text));
      outcome = exact ? "unattached, exact fragment" : inside ? `unattached, inside a longer ${inside.kind}` : part ? "unattached, split into pieces" : "unattached, text not kept";
    }
    misses.push({ what: "note", decided: decision.decided, why: `${decision.why} → ${outcome}` });
  });

  // Paragraphs: merged boundaries, splits, and everything else.
  const draftTexts = draft.paragraphs.map((p) => fold(p.text));
  const draftSet = new Map<string, number>();
  for (const t of draftTexts) draftSet.set(t, (draftSet.get(t) ?? 0) + 1);
  const printed = printedParagraphs(document, params);
  const truthTexts = truth.paragraphs.map(fold);
  truthTexts.forEach((text, i) => {
    const visible = i + 1 < truthTexts.length ? boundaryVisible(params, printed, i) : { visible: true, why: "last paragraph" };
    if (visible.visible) result.decidedParagraphs += 1;
    const left = draftSet.get(text) ?? 0;
    if (left > 0) {
      draftSet.set(text, left - 1);
      return;
    }
    const next = truthTexts[i + 1];
    const previous = truthTexts[i - 1];
    if (next !== undefined && draftTexts.some((d) => d.includes(text + next))) {
      misses.push({ what: "paragraph", decided: visible.visible, why: `merged with the next: ${visible.why}` });
      return;
    }
    if (previous !== undefined && draftTexts.some((d) => d.includes(previous + text))) {
      const before = i > 0 ? boundaryVisible(params, printed, i - 1) : visible;
      misses.push({ what: "paragraph", decided: before.visible, why: `merged with the previous (counted there)` });
      return;
    }
    const pieces = draftTexts.filter((d) => d !== "" && text.includes(d));
    if (pieces.length >= 2 && pieces.join("").length >= text.length) {
      misses.push({ what: "paragraph", decided: true, why: "split in two or more" });
      return;
    }
    const withMore = draftTexts.find((d) => d.includes(text));
    if (withMore !== undefined) {
      const extra = withMore.replace(text, "");
      const noteText = truth.notes.some((t) => t.surviving !== "" && (fold(t.surviving).includes(extra) || extra.includes(fold(t.surviving))));
      misses.push({ what: "paragraph", decided: true, why: noteText ? "note text inside" : `other text added (${extra.length} chars)` });
      return;
    }
    misses.push({ what: "paragraph", decided: true, why: "text lost or changed" });
  });

  // URLs: with their notes, or rebuilt wrong in a note attached right.
  const found = new Map<string, number>();
  for (const f of draft.footnotes) for (const c of f.citations) if (c.url !== null) found.set(c.url, (found.get(c.url) ?? 0) + 1);
  truth.notes.forEach((note, n) => {
    if (note.status !== "present") return;
    const noteIsDecided = noteDecided(truth, n).decided;
    for (const m of note.text.matchAll(URL_IN_NOTE)) {
      if (noteIsDecided) result.decidedUrls += 1;
      const url = m[0].replace(/[.,;:]+$/, "");
      const left = found.get(url) ?? 0;
      if (left > 0) {
        found.set(url, left - 1);
        continue;
      }
      misses.push({
        what: "url",
        decided: noteIsDecided,
        why: attachedRight.has(n) ? "note attached right, URL rebuilt wrong" : `note not attached: ${noteIsDecided ? "decided" : "undecided"}`,
      });
    }
  });
  return result;
}
