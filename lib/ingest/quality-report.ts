import type { DocumentDraft } from "./document-draft";
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
  fragments: number;
  citations: number;
  citationsWithoutTitle: number;
  citationsWithSuspiciousUrl: number;
  debris: number;
  warnings: number;
}

export function qualityFigures(draft: DocumentDraft): QualityFigures {
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
    fragments: draft.fragments.length,
    citations: citations.length,
    citationsWithoutTitle: citations.filter((c) => c.title === null && c.repeats === null).length,
    citationsWithSuspiciousUrl: citations.filter((c) => c.url !== null && isSuspiciousUrl(c.url)).length,
    debris: draft.debris.length,
    warnings: draft.warnings.length,
  };
}

export function formatQualityReport(draft: DocumentDraft): string {
  const f = qualityFigures(draft);
  const lines = [
    `${draft.slug}: ${draft.title}`,
    `  pages ${f.pages} · headings ${f.headings} · paragraphs ${f.paragraphs} · markers ${f.markers}`,
    `  notes: ${f.notesPresent} present, ${f.notesMissing} missing, ${f.notesTruncated} truncated · unattached fragments ${f.fragments}`,
    `  citations ${f.citations} (${f.citationsWithoutTitle} without a title, ${f.citationsWithSuspiciousUrl} with a suspicious URL) · debris removed ${f.debris}`,
    `  warnings ${f.warnings}`,
  ];
  const suspicious = draft.footnotes.flatMap((note) =>
    note.citations.filter((c) => c.url !== null && isSuspiciousUrl(c.url)).map((c) => `    ${c.anchor} ${c.url} (lines ${c.sourceLines[0]}–${c.sourceLines[1]})`),
  );
  if (suspicious.length > 0) lines.push("  suspicious URLs:", ...suspicious);
  for (const w of draft.warnings) {
    const where = w.sourceLines[0] === w.sourceLines[1] ? `line ${w.sourceLines[0]}` : `lines ${w.sourceLines[0]}–${w.sourceLines[1]}`;
    lines.push(`  [${w.code}] ${where}: ${w.message}`);
  }
  return lines.join("\n");
}
