import type { AttachmentDraft, IngestWarning, SourceLines } from "./document-draft";
import type { BodyMarker } from "./build-body";
import { parseMarkerLabel } from "./find-markers";
import { compactText, normaliseText } from "./normalise-text";
import type { NoteSegment } from "./split-notes";

/**
 * Note texts → the body markers they belong to, page by page (labels restart on every page). A
 * labelled note goes to its label. Unlabelled notes go in order when their number equals the page's
 * markers. When texts were lost, the survivors are aligned to markers in order by what they share
 * with the sentence before each marker (dates, names, words); a note is attached only when every
 * near-best alignment puts it under the same marker. Otherwise it stays a fragment, with a warning.
 */

export interface PlacedNote {
  segment: NoteSegment;
  attachment: AttachmentDraft;
}

export interface UnplacedNote {
  segment: NoteSegment;
  /** Labels of the markers it could belong to. */
  candidates: string[];
  reason: string;
}

export interface MatchResult {
  /** Keyed by index into the document's body markers. */
  placed: Map<number, PlacedNote>;
  fragments: UnplacedNote[];
  warnings: IngestWarning[];
}

/** Minimum lead (in shared-feature weight) the chosen alignment must have over any alternative for a note. */
export const PLACEMENT_MARGIN = 1.5;

export function matchNotes(
  markers: readonly BodyMarker[],
  segmentsByPage: ReadonlyMap<number, NoteSegment[]>,
  markerLists: ReadonlyMap<number, Array<{ label: string; lineNo: number }>>,
): MatchResult {
  const result: MatchResult = { placed: new Map(), fragments: [], warnings: [] };
  const pages = [...new Set([...markers.map((m) => m.page), ...segmentsByPage.keys()])].sort((a, b) => a - b);
  const segments = joinContinuations(pages, segmentsByPage, result.warnings);

  const markersByPage = new Map<number, { marker: BodyMarker; index: number }[]>();
  markers.forEach((marker, index) => markersByPage.set(marker.page, [...(markersByPage.get(marker.page) ?? []), { marker, index }]));
  for (const page of pages) {
    const onPage = markersByPage.get(page) ?? [];
    checkSequence(page, onPage.map(({ marker }) => marker), result.warnings);
    const list = markerLists.get(page) ?? [];
    if (list.length > 0 && list.length !== onPage.length) {
      result.warnings.push({
        code: "marker-list-mismatch",
        message: `Page ${page}: the marker list shows ${list.map((m) => m.label).join("")} but the body has ${onPage.map(({ marker }) => marker.label).join("") || "no markers"}.`,
        sourceLines: [list[0]!.lineNo, list[list.length - 1]!.lineNo],
      });
    }
    const pageSegments = segments.get(page) ?? [];
    const labelled = pageSegments.filter((s) => s.label !== null);
    const unlabelled = pageSegments.filter((s) => s.label === null);

    if (labelled.length > 0) {
      for (const segment of labelled) {
        const number = parseMarkerLabel(segment.label!)?.number;
        const target = onPage.find(({ marker, index }) => marker.number === number && !result.placed.has(index));
        if (target) result.placed.set(target.index, { segment, attachment: { how: "label", confidence: 1, uncertain: false, evidence: `printed with its label ${segment.label}` } });
        else unplaced(result, segment, [], `Page ${page}: the note labelled ${segment.label} has no marker ${segment.label} in the body on this page.`);
      }
      for (const segment of unlabelled) {
        unplaced(result, segment, [], `Page ${page}: a note fragment without its label cannot be placed.`);
      }
      continue;
    }

    const free = onPage.filter(({ index }) => !result.placed.has(index));
    if (unlabelled.length === 0) continue;
    if (unlabelled.length === free.length) {
      unlabelled.forEach((segment, k) =>
        result.placed.set(free[k]!.index, { segment, attachment: { how: "order", confidence: 0.9, uncertain: false, evidence: `${unlabelled.length} note texts for ${free.length} markers, in order` } }),
      );
      continue;
    }
    const alignment = alignNotes(
      free.map(({ marker }) => ({ context: marker.context, termPosition: marker.termPosition })),
      unlabelled.map((segment) => ({ text: segment.text, gloss: isGloss(segment.text) })),
    );
    const kept = new Set<number>();
    for (const pair of alignment) {
      const segment = unlabelled[pair.note]!;
      if (pair.sure) {
        const { index, marker } = free[pair.marker]!;
        result.placed.set(index, { segment, attachment: { how: "wording", confidence: 0.7, uncertain: true, evidence: `shares its wording with the sentence before ${marker.label}` } });
        kept.add(pair.note);
        result.warnings.push({
          code: "note-placement-inferred",
          message: `Page ${page}: ${unlabelled.length} note texts for ${free.length} markers; this one is placed under ${marker.label} by its wording${isGloss(segment.text) ? " (it glosses a term)" : ""}.`,
          sourceLines: linesOf(segment),
        });
      }
    }
    unlabelled.forEach((segment, k) => {
      if (kept.has(k)) return;
      const candidates = alignment.find((pair) => pair.note === k)?.candidates ?? [];
      const labels = candidates.map((m) => free[m]!.marker.label).join("、");
      unplaced(
        result,
        segment,
        candidates.map((m) => free[m]!.marker.label),
        `Page ${page}: ${unlabelled.length} note texts for ${free.length} markers and nothing decides which this one belongs to${labels ? ` (could be ${labels})` : ""}; left unattached.`,
      );
    });
  }
  return result;
}

function unplaced(result: MatchResult, segment: NoteSegment, candidates: string[], message: string): void {
  result.fragments.push({ segment, candidates, reason: message });
  result.warnings.push({ code: "note-unplaced", message, sourceLines: linesOf(segment) });
}

export function linesOf(segment: NoteSegment): SourceLines {
  return [segment.lines[0]!.lineNo, segment.lines[segment.lines.length - 1]!.lineNo];
}

/**
 * A note area that opens with a tail (no label, starting mid-sentence) continues the last note of the
 * previous page when that note stopped at the margin: notes run over onto the next page.
 */
function joinContinuations(
  pages: readonly number[],
  segmentsByPage: ReadonlyMap<number, NoteSegment[]>,
  warnings: IngestWarning[],
): Map<number, NoteSegment[]> {
  const out = new Map<number, NoteSegment[]>();
  for (const page of pages) out.set(page, [...(segmentsByPage.get(page) ?? [])]);
  for (const page of pages) {
    const here = out.get(page)!;
    const previous = out.get(page - 1);
    const head = here[0];
    const last = previous?.[previous.length - 1];
    if (!head || !last || head.label !== null || head.startsLikeNote || last.complete) continue;
    const joinedLines = [...last.lines, ...head.lines];
    const rawLines = [...last.rawLines, ...head.rawLines];
    const merged: NoteSegment = {
      ...last,
      lines: joinedLines,
      rawLines,
      text: normaliseText(rawLines.join("\n")),
      complete: head.complete,
    };
    previous!.splice(previous!.length - 1, 1, merged);
    here.shift();
    warnings.push({
      code: "note-continued",
      message: `The note area of page ${page} opens with the end of the last note of page ${page - 1}; joined to it.`,
      sourceLines: [head.lines[0]!.lineNo, head.lines[head.lines.length - 1]!.lineNo],
    });
  }
  return out;
}

function checkSequence(page: number, markers: readonly BodyMarker[], warnings: IngestWarning[]): void {
  const bad = markers.some((marker, k) => marker.number !== k + 1);
  if (!bad || markers.length === 0) return;
  warnings.push({
    code: "marker-sequence",
    message: `Page ${page}: markers read ${markers.map((m) => m.label).join("")}, not 1..n in order.`,
    sourceLines: [markers[0]!.lineNo, markers[markers.length - 1]!.lineNo],
  });
}

/** A note opening with 即 ("namely") explains the term its marker follows. */
export function isGloss(text: string): boolean {
  return /^(?:即|亦即)/u.test(text);
}

export interface AlignMarker {
  context: string;
  termPosition: boolean;
}

export interface AlignNote {
  text: string;
  gloss: boolean;
}

export interface AlignedPair {
  note: number;
  marker: number;
  /** Every alternative alignment within the margin agrees on this pair. */
  sure: boolean;
  /** Markers this note goes under in alignments within the margin of the best. */
  candidates: number[];
}

/**
 * Order-preserving alignment of note texts to markers (fewer notes than markers, or more), maximising
 * the weight of features each note shares with its marker's context. Features: Han bigrams, dates
 * (year and month weighted most), longer numbers, Latin words; weighted by rarity among the page's
 * contexts.
 */
export function alignNotes(markers: readonly AlignMarker[], notes: readonly AlignNote[]): AlignedPair[] {
  const k = notes.length;
  const n = markers.length;
  if (k === 0 || n === 0) return [];
  const contextFeatures = markers.map((m) => features(m.context));
  const documentFrequency = new Map<string, number>();
  for (const fs of contextFeatures) for (const f of fs.keys()) documentFrequency.set(f, (documentFrequency.get(f) ?? 0) + 1);
  const hasTermMarker = markers.some((m) => m.termPosition);

  const sim: number[][] = notes.map((note) => {
    const nf = features(note.text);
    return markers.map((marker, j) => {
      if (note.gloss && hasTermMarker && !marker.termPosition) return Number.NEGATIVE_INFINITY;
      let score = 0;
      for (const [f, weight] of nf) {
        if (!contextFeatures[j]!.has(f)) continue;
        score += weight * Math.log((n + 1) / (documentFrequency.get(f)! + 0.5));
      }
      return score;
    });
  });

  const best = bestAlignment(sim, null);
  if (best === null) return [];
  const noteOf = new Map(best.pairs.map(([note, marker]) => [note, marker]));

  // Competing markers for a note: those it takes in some alignment not far below the best.
  const competitors = (note: number, marker: number): number[] => {
    const out: number[] = [];
    for (let j = 0; j < n; j += 1) {
      if (j === marker) continue;
      const forced = bestAlignmentWith(sim, note, j);
      if (forced && best.score - forced.score < DOMINANT_MARGIN) out.push(j);
    }
    return out;
  };

  // 1. Placements the wording settles: a dominant lead, or a fair lead resting on something only
  //    this marker's context shares with the note (a date, a number, a name, a long phrase).
  const sure = new Set<number>();
  const candidatesOf = new Map<number, number[]>();
  for (const [note, marker] of best.pairs) {
    const alternative = bestAlignment(sim, [note, marker]);
    const margin = best.score - (alternative?.score ?? Number.NEGATIVE_INFINITY);
    const rivals = margin >= DOMINANT_MARGIN ? [] : competitors(note, marker);
    candidatesOf.set(note, [marker, ...rivals].sort((a, b) => a - b));
    if (margin >= DOMINANT_MARGIN) sure.add(note);
    else if (margin >= PLACEMENT_MARGIN && hasDistinctiveEvidence(notes[note]!.text, markers[marker]!.context, rivals.map((j) => markers[j]!.context))) sure.add(note);
  }
  // 2. Placements the order settles: notes between two settled ones that exactly fill the markers between.
  let changed = true;
  while (changed) {
    changed = false;
    const settled = [...sure].sort((a, b) => a - b);
    const bounds = [-1, ...settled, k];
    for (let g = 0; g + 1 < bounds.length; g += 1) {
      const from = bounds[g]!;
      const to = bounds[g + 1]!;
      const gapNotes = to - from - 1;
      if (gapNotes <= 0) continue;
      const lowMarker = from === -1 ? -1 : noteOf.get(from)!;
      const highMarker = to === k ? n : noteOf.get(to)!;
      if (highMarker - lowMarker - 1 === gapNotes) {
        for (let t = from + 1; t < to; t += 1) {
          sure.add(t);
          candidatesOf.set(t, [noteOf.get(t)!]);
        }
        changed = true;
      }
    }
  }
  return best.pairs.map(([note, marker]) => ({ note, marker, sure: sure.has(note), candidates: candidatesOf.get(note) ?? [marker] }));
}

/** A lead this large in shared-feature weight settles a placement on its own. */
const DOMINANT_MARGIN = 4;

/** Something the note shares with `context` and with none of `rivals`: a date, a long number, a Latin word, a four-character phrase. */
function hasDistinctiveEvidence(note: string, context: string, rivals: readonly string[]): boolean {
  const strong = (text: string) => {
    const out = new Set<string>();
    for (const m of text.matchAll(/((?:1[6-9]|20)\d\d)年(\d{1,2})月/g)) out.add(`m:${m[1]}-${Number(m[2])}`);
    for (const m of text.matchAll(/\d{3,}/g)) out.add(`d:${m[0]}`);
    for (const m of text.matchAll(/[A-Za-z]{4,}/g)) out.add(`w:${m[0].toLowerCase()}`);
    const han = Array.from(compactText(text));
    for (let i = 0; i + 4 <= han.length; i += 1) {
      const gram = han.slice(i, i + 4);
      if (gram.every((ch) => /\p{Script=Han}/u.test(ch))) out.add(`q:${gram.join("")}`);
    }
    return out;
  };
  const noteFeatures = strong(note);
  const rivalFeatures = rivals.map(strong);
  for (const f of strong(context)) {
    if (noteFeatures.has(f) && rivalFeatures.every((r) => !r.has(f))) return true;
  }
  return false;
}

function features(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const compact = compactText(text);
  const chars = Array.from(compact);
  for (let i = 0; i + 1 < chars.length; i += 1) {
    if (/\p{Script=Han}/u.test(chars[i]!) && /\p{Script=Han}/u.test(chars[i + 1]!)) out.set(`h:${chars[i]}${chars[i + 1]}`, 1);
  }
  // Dates decide most: a year and month together, then a year; short numbers (days, pages) coincide too often.
  for (const m of text.matchAll(/((?:1[6-9]|20)\d\d)年(\d{1,2})月/g)) out.set(`m:${m[1]}-${Number(m[2])}`, 3);
  for (const m of text.matchAll(/\d{3,}/g)) out.set(`d:${m[0]}`, /^(?:1[6-9]|20)\d\d$/.test(m[0]) ? 1.5 : 1);
  for (const m of text.matchAll(/[A-Za-z]{3,}/g)) out.set(`w:${m[0].toLowerCase()}`, 1);
  return out;
}

interface Alignment {
  score: number;
  pairs: Array<[number, number]>;
}

/**
 * Best monotone alignment; `forbid` excludes one (note, marker) pair. Every item of the smaller side is
 * aligned; items of the larger side may be skipped.
 */
function bestAlignment(sim: readonly number[][], forbid: [number, number] | null): Alignment | null {
  const k = sim.length;
  const n = sim[0]!.length;
  const NEG = Number.NEGATIVE_INFINITY;
  const score = (i: number, j: number) => (forbid !== null && forbid[0] === i && forbid[1] === j ? NEG : sim[i]![j]!);
  const notesSmaller = k <= n;
  // dp[i][j]: best score aligning within notes[0..i) and markers[0..j), the smaller side fully used.
  const dp: number[][] = Array.from({ length: k + 1 }, (_, i) =>
    Array.from({ length: n + 1 }, (_, j) => (notesSmaller ? (i === 0 ? 0 : NEG) : j === 0 ? 0 : NEG)),
  );
  for (let i = 1; i <= k; i += 1) {
    for (let j = 1; j <= n; j += 1) {
      const skip = notesSmaller ? dp[i]![j - 1]! : dp[i - 1]![j]!;
      const take = dp[i - 1]![j - 1]! + score(i - 1, j - 1);
      dp[i]![j] = Math.max(skip, take);
    }
  }
  if (dp[k]![n] === NEG) return null;
  const pairs: Array<[number, number]> = [];
  let i = k;
  let j = n;
  while (i > 0 && j > 0) {
    const take = dp[i - 1]![j - 1]! + score(i - 1, j - 1);
    if (take !== NEG && take === dp[i]![j]) {
      pairs.unshift([i - 1, j - 1]);
      i -= 1;
      j -= 1;
    } else if (notesSmaller) j -= 1;
    else i -= 1;
  }
  return { score: dp[k]![n]!, pairs };
}

/** Best alignment in which note `note` goes under marker `marker`. */
function bestAlignmentWith(sim: readonly number[][], note: number, marker: number): Alignment | null {
  const forced = sim.map((row, i) => row.map((v, j) => (i === note && j !== marker) || (j === marker && i !== note) ? Number.NEGATIVE_INFINITY : v));
  return bestAlignment(forced, null);
}
