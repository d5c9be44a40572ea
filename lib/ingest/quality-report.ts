import type { DocumentStructure } from "@/lib/model/document-model";
import { isSuspiciousUrl } from "./repair-url";

/**
 * What a reviewer needs to judge an ingestion at a glance: counts, what was lost, and every warning
 * with the source lines to look at.
 */
export interface QualityFigures {
  pages: number;
  headings: number;
  paragraphs: number;
  markers: number;
  notesPresent: number;
  notesMissing: number;
  notesTruncated: number;
  /** Markers whose page left note texts unplaced: their note may be among the fragments. */
  notesUnlocated: number;
  /** Notes placed under their marker with less than certainty (the reader says "attachment uncertain"). */
  attachmentsUncertain: number;
  fragments: number;
  citations: number;
  citationsWithoutTitle: number;
  citationsWithSuspiciousUrl: number;
  debris: number;
  warnings: number;
  /** Entries of the corrections file applied at this ingest, and those that no longer apply. */
  correctionsApplied: number;
  correctionsNotApplied: number;
}

export function qualityFigures(draft: DocumentStructure): QualityFigures {
  const citations = draft.footnotes.flatMap((note) => note.citations);
  const markers = draft.paragraphs.reduce((n, p) => n + p.markers.length, 0) + draft.headings.reduce((n, h) => n + h.markers.length, 0);
  return {
    pages: draft.pageCount,
    headings: draft.headings.length,
    paragraphs: draft.paragraphs.length,
    markers,
    notesPresent: draft.footnotes.filter((n) => n.status === "present").length,
    notesMissing: draft.footnotes.filter((n) => n.status === "missing").length,
    notesTruncated: draft.footnotes.filter((n) => n.status === "truncated").length,
    notesUnlocated: draft.footnotes.filter((n) => n.status === "unlocated").length,
    attachmentsUncertain: draft.footnotes.filter((n) => n.attachment?.uncertain === true).length,
    fragments: draft.fragments.length,
    citations: citations.length,
    citationsWithoutTitle: citations.filter((c) => c.title === null && c.repeats === null).length,
    citationsWithSuspiciousUrl: citations.filter((c) => c.url !== null && isSuspiciousUrl(c.url)).length,
    debris: draft.debris.length,
    warnings: draft.warnings.length,
    correctionsApplied: draft.corrections.filter((c) => c.applied).length,
    correctionsNotApplied: draft.corrections.filter((c) => !c.applied).length,
  };
}

const linesText = ([from, to]: readonly [number, number]): string => (from === to ? `line ${from}` : `lines ${from}–${to}`);

/**
 * For a PDF source: the pages the blocks holding these lines stand on, and their printed page numbers, e.g.
 * ` (PDF p. 3, printed p. 29)`; empty for a text source (its blocks carry no placement).
 */
function pagesText(draft: DocumentStructure, [from, to]: readonly [number, number]): string {
  const placed = [...draft.headings, ...draft.paragraphs, ...draft.footnotes].filter((b) => b.placement !== undefined && b.sourceLines[0] <= to && from <= b.sourceLines[1]);
  if (placed.length === 0) return "";
  const first = Math.min(...placed.map((b) => b.placement!.pages[0]));
  const last = Math.max(...placed.map((b) => b.placement!.pages[1]));
  const folios = [...new Set(placed.flatMap((b) => b.placement!.folios))];
  const range = (a: string, b: string) => (a === b ? a : `${a}–${b}`);
  return ` (PDF p. ${range(String(first), String(last))}${folios.length > 0 ? `, printed p. ${range(folios[0]!, folios[folios.length - 1]!)}` : ""})`;
}

export function formatQualityReport(draft: DocumentStructure): string {
  const f = qualityFigures(draft);
  const lines = [
    `${draft.slug}: ${draft.title}`,
    `  pages ${f.pages} · headings ${f.headings} · paragraphs ${f.paragraphs} · markers ${f.markers}`,
    `  notes: ${f.notesPresent} present, ${f.notesMissing} missing, ${f.notesTruncated} truncated, ${f.notesUnlocated} unlocated · attachments uncertain ${f.attachmentsUncertain} · unattached fragments ${f.fragments}`,
    `  citations ${f.citations} (${f.citationsWithoutTitle} without a title, ${f.citationsWithSuspiciousUrl} with a suspicious URL) · debris removed ${f.debris}`,
    `  warnings ${f.warnings}`,
  ];
  if (draft.corrections.length > 0) {
    lines.push(`  corrections file: ${f.correctionsApplied} applied, ${f.correctionsNotApplied} no longer apply`);
  }
  const suspicious = draft.footnotes.flatMap((note) =>
    note.citations.filter((c) => c.url !== null && isSuspiciousUrl(c.url)).map((c) => `    ${c.anchor} ${c.url} (lines ${c.sourceLines[0]}–${c.sourceLines[1]})`),
  );
  if (suspicious.length > 0) lines.push("  suspicious URLs:", ...suspicious);
  const uncertain = draft.footnotes.filter((note) => note.attachment?.uncertain === true);
  if (uncertain.length > 0) {
    lines.push("  uncertain attachments:");
    for (const note of uncertain) {
      const { how, confidence, evidence } = note.attachment!;
      lines.push(`    ${note.label} page ${note.page} (${linesText(note.sourceLines)}${pagesText(draft, note.sourceLines)}), by ${how}, confidence ${confidence.toFixed(2)}: ${evidence}`);
    }
  }
  if (draft.corrections.length > 0) {
    lines.push("  corrections:");
    for (const c of draft.corrections) {
      const message = c.message.replace(/^(?:no longer applies|applied)\s*:\s*/iu, "");
      lines.push(`    corrections[${c.index}] ${c.kind}: ${c.applied ? "applied" : "NO LONGER APPLIES"}: ${message}`);
    }
  }
  for (const w of draft.warnings) lines.push(`  [${w.code}] ${linesText(w.sourceLines)}${pagesText(draft, w.sourceLines)}: ${w.message}`);
  return lines.join("\n");
}
