import type { CaseOutcome, LayoutCase } from "./layout-case";

/**
 * A failing layout in words and in full: the violated invariants, the layout's shape, the printed text with
 * line numbers, the truth, and what the parser made of the notes, so a failure can be debugged from the
 * test output alone.
 */

const NOTE_CLIP = 60;
const clip = (s: string) => (Array.from(s).length > NOTE_CLIP ? `${Array.from(s).slice(0, NOTE_CLIP).join("")}…` : s);

export function describeShape(layoutCase: LayoutCase, outcome: CaseOutcome): string {
  const p = layoutCase.params;
  const pages = outcome.layout.truth.pages
    .map((page) => `p${page.page}:${page.format}/${page.markers}m${page.lost ? `/${page.lost}lost` : ""}${page.truncated ? `/${page.truncated}trunc` : ""}${page.overrun ? "/overrun" : ""}${page.listLost ? `/list-${page.listLost}` : ""}`)
    .join(" ");
  return (
    `${p.style} width ${p.width} em, ${p.linesPerPage} lines/page, notes ×${p.noteWidthRatio}, blank lines ${p.blankLines}${p.blankLinesInNotes ? "+notes" : ""}, ` +
    `pages ${p.pageSeparator}, head ${p.runningHead} at ${p.furniture}${p.glyphArtefacts ? ", glyph artefacts" : ""}\n  ${pages}`
  );
}

export function failureReport(layoutCase: LayoutCase, outcome: CaseOutcome): string {
  const lines: string[] = [];
  lines.push("violated invariants:");
  for (const v of outcome.violations) lines.push(`  ${v.invariant}: ${v.detail}`);
  lines.push("", `layout: ${describeShape(layoutCase, outcome)}`, "", "printed text (line numbers as the parser counts them):");
  outcome.layout.text.split("\n").forEach((line, i) => lines.push(`${String(i + 1).padStart(4)}| ${line.replace(/\f/g, "\\f")}`));
  const truth = outcome.layout.truth;
  lines.push("", "truth: headings");
  for (const h of truth.headings) lines.push(`  ${h.level} ${h.label} ${h.text}`);
  lines.push("truth: markers → notes");
  for (const m of truth.markers) {
    const note = truth.notes[m.note]!;
    lines.push(`  p${m.page} ${m.label} ¶${m.paragraph}@${m.offset} ${note.status}: ${clip(note.status === "truncated" ? `…${note.surviving}…` : note.text)}`);
  }
  if (outcome.draft) {
    lines.push("parse: markers → notes");
    for (const f of outcome.draft.footnotes) lines.push(`  p${f.page} ${f.label} ${f.status}${f.attachment ? ` (${f.attachment.how} ${f.attachment.confidence.toFixed(2)})` : ""}: ${clip(f.text)}`);
    for (const f of outcome.draft.fragments) lines.push(`  fragment p${f.page} [${f.candidates.join("")}] ${clip(f.text)} — ${f.reason}`);
    lines.push(`parse: ${outcome.draft.paragraphs.length} paragraphs, ${outcome.draft.headings.length} headings, ${outcome.draft.pageCount} pages, ${outcome.draft.warnings.length} warnings`);
  } else lines.push(`parse threw: ${outcome.error}`);
  if (outcome.score) {
    const s = outcome.score;
    if (s.body.lostRuns.length > 0) lines.push(`body lost: ${s.body.lostRuns.map(clip).join(" | ")}`);
    if (s.body.addedRuns.length > 0) lines.push(`body added: ${s.body.addedRuns.map(clip).join(" | ")}`);
    // In full: an overlong attachment differs from the expected text only at its end.
    for (const w of s.wrongAttachments) lines.push(`wrong attachment p${w.page} ${w.label} (${w.kind}):\n    attached «${w.attached}»\n    expected «${w.expected}»`);
  }
  lines.push("", `case JSON: ${JSON.stringify(layoutCase)}`);
  return lines.join("\n");
}
