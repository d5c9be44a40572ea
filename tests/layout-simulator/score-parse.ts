import type { DocumentStructure } from "@/lib/model/document-model";
import { diffCharacters } from "./character-diff";
import type { LayoutTruth, TruthMarker } from "./layout-truth";

/**
 * Compares a DocumentStructure with the truth of the layout it was parsed from. Texts are compared with
 * whitespace removed so that a space the normaliser legitimately keeps or drops
 * is not a difference; everything else — punctuation, digits, Latin — must be exact.
 */

/** Below this share of a note's characters an attached text is not taken for a damaged copy of it. */
const SAME_NOTE_SIMILARITY = 0.8;
/** Characters before a marker that identify its place when the alignment cannot. */
const CONTEXT_CHARS = 6;

export type WrongAttachmentKind = "other-note" | "overlong" | "no-note" | "spurious-marker";

export interface WrongAttachment {
  kind: WrongAttachmentKind;
  page: number;
  label: string;
  /** The truth note's surviving text ("" when the source has none). */
  expected: string;
  attached: string;
}

export interface ParseScore {
  markers: { truth: number; found: number; spurious: number };
  wrongAttachments: WrongAttachment[];
  notes: {
    /** Truth notes the source holds whole or in part. */
    attachable: number;
    /** … whose surviving text is attached, exactly, to their own marker. */
    attachedRight: number;
    /** … whose text is kept somewhere (attached or as a fragment), not dropped or swallowed by the body. */
    kept: number;
    /** Own note attached, but its text differs (glyph repair, joins): attached text vs expected. */
    altered: Array<{ label: string; page: number; expected: string; attached: string }>;
    /** Source holds the text, yet the note is left missing/unlocated with no warning naming it. */
    unattachedWithoutWarning: Array<{ label: string; page: number }>;
  };
  paragraphs: { truth: number; draft: number; exact: number };
  headings: { truth: number; found: number; missed: string[] };
  body: { lost: number; added: number; lostRuns: string[]; addedRuns: string[] };
  urls: { truth: number; found: number; missed: string[] };
  debrisLeaked: Array<{ text: string; where: "body" | "notes" }>;
}

const noSpace = (s: string) => s.replace(/[\s\u3000]+/gu, "");
/** Notes compare without whitespace; no NFKC, which would read a leaked label ① as the digit 1. */
const foldNote = noSpace;

interface Block {
  text: string;
  markers: Array<{ label: string; offset: number; footnoteAnchor?: string; truth?: TruthMarker }>;
}

/** Whitespace-free concatenation of blocks, and for each marker the index of the character it follows. */
function concatenate(blocks: Block[]): { text: string; keys: Array<{ key: number; block: Block; marker: Block["markers"][number] }> } {
  let text = "";
  const keys: Array<{ key: number; block: Block; marker: Block["markers"][number] }> = [];
  for (const block of blocks) {
    const start = text.length;
    for (const marker of block.markers) keys.push({ key: start + noSpace(block.text.slice(0, marker.offset)).length - 1, block, marker });
    text += noSpace(block.text);
  }
  return { text, keys };
}

/** How often `needle` occurs; a number (a folio) counts only where it stands alone, not inside a longer number. */
function occurrences(haystack: string, needle: string): number {
  if (needle === "") return 0;
  if (/^\d+$/.test(needle)) return haystack.match(new RegExp(`(?<!\\d)${needle}(?!\\d)`, "g"))?.length ?? 0;
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) n += 1;
  return n;
}

function multisetMatches(truth: string[], found: string[]): { matched: number; missed: string[] } {
  const pool = new Map<string, number>();
  for (const f of found) pool.set(f, (pool.get(f) ?? 0) + 1);
  let matched = 0;
  const missed: string[] = [];
  for (const t of truth) {
    const left = pool.get(t) ?? 0;
    if (left > 0) {
      matched += 1;
      pool.set(t, left - 1);
    } else missed.push(t);
  }
  return { matched, missed };
}

function similarity(expected: string, attached: string): number {
  if (expected === "" || attached === "") return 0;
  const diff = diffCharacters(expected, attached);
  return (expected.length - diff.lost) / Math.max(expected.length, attached.length);
}

export function scoreParse(draft: DocumentStructure, truth: LayoutTruth): ParseScore {
  const headingKey = (level: number, label: string, text: string) => `${level}|${label}|${text}`;

  // Body in reading order, headings as label + text on both sides.
  const truthBlocks: Block[] = truth.order.map((id) => {
    const index = Number(id.slice(1));
    if (id.startsWith("h")) return { text: truth.headings[index]!.label + truth.headings[index]!.text, markers: [] };
    return { text: truth.paragraphs[index]!, markers: truth.markers.filter((m) => m.paragraph === index).map((m) => ({ label: m.label, offset: m.offset, truth: m })) };
  });
  const draftBlocks: Block[] = [
    ...draft.headings.map((h) => ({ line: h.sourceLines[0], rank: 0, block: { text: h.label + h.text, markers: h.markers.map((m) => ({ ...m, offset: m.offset + h.label.length })) } })),
    ...draft.paragraphs.map((p) => ({ line: p.sourceLines[0], rank: 1, block: { text: p.text, markers: p.markers } })),
  ]
    .sort((a, b) => a.line - b.line || a.rank - b.rank)
    .map((entry) => entry.block);
  const truthBody = concatenate(truthBlocks);
  const draftBody = concatenate(draftBlocks);
  const diff = diffCharacters(truthBody.text, draftBody.text);

  // Markers: first at the same place with the same label, then left-overs paired by label in order
  // (a marker found at a wrong offset still has its attachment judged).
  const footnotes = new Map(draft.footnotes.map((f) => [f.anchor, f]));
  const unmatchedDraft = new Set(draftBody.keys.map((_, i) => i));
  const pairs: Array<{ truth: TruthMarker; draft: (typeof draftBody.keys)[number] | null; placed: boolean }> = [];
  const before = (text: string, key: number) => text.slice(Math.max(0, key + 1 - CONTEXT_CHARS), key + 1);
  const slack = diff.lost + diff.added;
  for (const t of truthBody.keys) {
    const target = t.key >= 0 ? diff.map[t.key]! : -1;
    let hit = target === -1 ? -1 : draftBody.keys.findIndex((d, i) => unmatchedDraft.has(i) && d.key === target && d.marker.label === t.marker.label);
    if (hit === -1) {
      // The alignment is ambiguous next to lost or added text (which `。` is which?): accept the same label
      // after the same characters, no further away than the edits could shift it.
      let nearest = t.key;
      while (nearest >= 0 && diff.map[nearest] === -1) nearest -= 1;
      const expected = nearest >= 0 ? diff.map[nearest]! + (t.key - nearest) : t.key;
      const context = before(truthBody.text, t.key);
      hit = draftBody.keys.findIndex(
        (d, i) => unmatchedDraft.has(i) && d.marker.label === t.marker.label && Math.abs(d.key - expected) <= slack && before(draftBody.text, d.key) === context,
      );
    }
    if (hit !== -1) unmatchedDraft.delete(hit);
    pairs.push({ truth: t.marker.truth!, draft: hit === -1 ? null : draftBody.keys[hit]!, placed: hit !== -1 });
  }
  for (const pair of pairs) {
    if (pair.draft !== null) continue;
    const hit = [...unmatchedDraft].find((i) => draftBody.keys[i]!.marker.label === pair.truth.label);
    if (hit !== undefined) {
      unmatchedDraft.delete(hit);
      pair.draft = draftBody.keys[hit]!;
    }
  }

  const score: ParseScore = {
    markers: { truth: truth.markers.length, found: pairs.filter((p) => p.placed).length, spurious: unmatchedDraft.size },
    wrongAttachments: [],
    notes: { attachable: 0, attachedRight: 0, kept: 0, altered: [], unattachedWithoutWarning: [] },
    paragraphs: { truth: truth.paragraphs.length, draft: draft.paragraphs.length, exact: multisetMatches(truth.paragraphs, draft.paragraphs.map((p) => p.text)).matched },
    headings: { truth: truth.headings.length, found: 0, missed: [] },
    body: { lost: diff.lost, added: diff.added, lostRuns: diff.lostRuns, addedRuns: diff.addedRuns },
    urls: { truth: truth.urls.length, found: 0, missed: [] },
    debrisLeaked: [],
  };

  const truthNoteTexts = truth.notes.map((n) => foldNote(n.surviving));
  for (const pair of pairs) {
    const note = truth.notes[pair.truth.note]!;
    const expected = truthNoteTexts[pair.truth.note]!;
    if (note.status !== "missing") score.notes.attachable += 1;
    const footnote = pair.draft?.marker.footnoteAnchor ? footnotes.get(pair.draft.marker.footnoteAnchor) : undefined;
    if (footnote === undefined) continue;
    if (footnote.status === "missing" || footnote.status === "unlocated") {
      if (note.status !== "missing") {
        const warned = draft.warnings.some(
          (w) => (w.sourceLines[0] <= footnote.sourceLines[0] && footnote.sourceLines[0] <= w.sourceLines[1]) || w.message.includes(footnote.label),
        );
        if (!warned) score.notes.unattachedWithoutWarning.push({ label: pair.truth.label, page: pair.truth.page });
      }
      continue;
    }
    const attached = foldNote(footnote.text);
    const wrong = (kind: WrongAttachmentKind) => score.wrongAttachments.push({ kind, page: pair.truth.page, label: pair.truth.label, expected: note.surviving, attached: footnote.text });
    if (note.status === "missing") {
      wrong("no-note");
      continue;
    }
    if (attached !== "" && foldNote(note.text).includes(attached)) {
      if (attached === expected && pair.placed) score.notes.attachedRight += 1;
      else if (attached !== expected) score.notes.altered.push({ label: pair.truth.label, page: pair.truth.page, expected: note.surviving, attached: footnote.text });
      continue;
    }
    const own = similarity(expected, attached);
    const best = truthNoteTexts.reduce((b, text, i) => (i !== pair.truth.note && similarity(text, attached) > b ? similarity(text, attached) : b), 0);
    if (attached.includes(expected)) wrong("overlong");
    else if (best > own) wrong("other-note");
    else if (own >= SAME_NOTE_SIMILARITY) score.notes.altered.push({ label: pair.truth.label, page: pair.truth.page, expected: note.surviving, attached: footnote.text });
    else wrong("other-note");
  }
  for (const i of unmatchedDraft) {
    const d = draftBody.keys[i]!;
    const footnote = d.marker.footnoteAnchor ? footnotes.get(d.marker.footnoteAnchor) : undefined;
    if (footnote && (footnote.status === "present" || footnote.status === "truncated")) {
      score.wrongAttachments.push({ kind: "spurious-marker", page: footnote.page, label: d.marker.label, expected: "", attached: footnote.text });
    }
  }

  // Kept: attached anywhere or left as a fragment, in source order.
  const notePool = [
    ...draft.footnotes.filter((f) => f.status === "present" || f.status === "truncated").map((f) => ({ line: f.sourceLines[0], text: foldNote(f.text) })),
    ...draft.fragments.map((f) => ({ line: f.sourceLines[0], text: foldNote(f.text) })),
  ]
    .sort((a, b) => a.line - b.line)
    .map((e) => e.text);
  const joinedPool = notePool.join("");
  truth.notes.forEach((note, i) => {
    if (note.status === "missing") return;
    const text = truthNoteTexts[i]!;
    if (notePool.some((p) => p.includes(text)) || joinedPool.includes(text)) score.notes.kept += 1;
  });

  const headingMatch = multisetMatches(
    truth.headings.map((h) => headingKey(h.level, h.label, h.text)),
    draft.headings.map((h) => headingKey(h.level, h.label, h.text)),
  );
  score.headings.found = headingMatch.matched;
  score.headings.missed = headingMatch.missed;

  const urlMatch = multisetMatches(
    truth.urls,
    draft.footnotes.flatMap((f) => f.citations.map((c) => c.url).filter((u): u is string => u !== null)),
  );
  score.urls.found = urlMatch.matched;
  score.urls.missed = urlMatch.missed;

  // Debris leaked. Running heads and label lists: occurring more often in the parse than in the truth.
  // Folios are numbers, and numbers are everywhere (第3页): one leaked only where an added run of body text
  // is the folio (with or without its running head), or a note reads as a true note with the folio stuck on.
  const truthNotes = truthNoteTexts.join("\u0000");
  const draftNotes = notePool.join("\u0000");
  const heads = [...new Set(truth.debris.filter((d) => d.kind === "running-head").map((d) => foldNote(d.text)))];
  const withoutHeads = (run: string) => heads.reduce((r, h) => r.split(h).join(""), run);
  const inTruthNote = (t: string) => t !== "" && truthNoteTexts.some((n) => n.includes(t));
  const leaked = new Set<string>();
  for (const debris of truth.debris) {
    const text = foldNote(debris.text);
    if (text === "") continue;
    if (debris.kind === "folio") {
      if (!leaked.has(`body:${text}`) && score.body.addedRuns.some((run) => withoutHeads(run) === text)) leaked.add(`body:${text}`);
      const stuck = notePool.some((t) => {
        const at = t.indexOf(text);
        return at !== -1 && !inTruthNote(t) && inTruthNote(withoutHeads(t.slice(0, at) + t.slice(at + text.length)));
      });
      if (stuck) leaked.add(`notes:${text}`);
      continue;
    }
    if (occurrences(draftBody.text, text) > occurrences(truthBody.text, text)) leaked.add(`body:${text}`);
    if (occurrences(draftNotes, text) > occurrences(truthNotes, text)) leaked.add(`notes:${text}`);
  }
  for (const key of leaked) {
    const [where, ...rest] = key.split(":");
    score.debrisLeaked.push({ text: rest.join(":"), where: where as "body" | "notes" });
  }
  return score;
}
