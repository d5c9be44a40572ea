import type { DocumentStructure } from "@/lib/model/document-model";
import type { LayoutTruth } from "@/tests/layout-simulator/layout-truth";
import type { ParseScore } from "@/tests/layout-simulator/score-parse";

/**
 * The part the case printers (show-pdf-case.ts, show-pdftotext-case.ts) share: the truth's markers and notes,
 * the parse's notes, fragments and warnings, and the scored differences, whatever read the text.
 */
export function printCaseOutcome(truth: LayoutTruth, outcome: { draft: DocumentStructure | null; error: string | null; score: ParseScore | null }): void {
  console.log("\ntruth: markers → notes");
  for (const m of truth.markers) {
    const note = truth.notes[m.note]!;
    console.log(`  p${m.page} ${m.label} ¶${m.paragraph}@${m.offset} ${note.status}: ${note.text.slice(0, 70)}`);
  }
  if (outcome.draft) {
    console.log("parse: markers → notes");
    for (const f of outcome.draft.footnotes) console.log(`  p${f.page} ${f.label} ${f.status}${f.attachment ? ` (${f.attachment.how} ${f.attachment.confidence.toFixed(2)})` : ""}: ${f.text.slice(0, 70)}`);
    for (const f of outcome.draft.fragments) console.log(`  fragment p${f.page} [${f.candidates.join("")}] ${f.text.slice(0, 70)} — ${f.reason}`);
    for (const w of outcome.draft.warnings) console.log(`  warning ${w.code} ${w.sourceLines.join("-")}: ${w.message.slice(0, 120)}`);
  } else console.log(`parse threw: ${outcome.error}`);
  if (outcome.score) {
    const s = outcome.score;
    if (s.body.lostRuns.length > 0) console.log(`body lost: ${s.body.lostRuns.join(" | ")}`);
    if (s.body.addedRuns.length > 0) console.log(`body added: ${s.body.addedRuns.join(" | ")}`);
    for (const w of s.wrongAttachments) console.log(`wrong attachment p${w.page} ${w.label} (${w.kind}):\n    attached «${w.attached}»\n    expected «${w.expected}»`);
    console.log(`paragraphs: truth ${s.paragraphs.truth}, draft ${s.paragraphs.draft}, exact ${s.paragraphs.exact}; urls ${s.urls.found}/${s.urls.truth}`);
  }
}
