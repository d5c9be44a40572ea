/**
 * Parse fidelity on simulated layouts (tests/layout-simulator): invented documents printed as extracted text
 * under random layouts, parsed, and scored against the truth of what was printed. Per marker style: note-text
 * recall and kept, exact paragraph F1, marker, heading and URL recall, wrong attachments, body characters
 * lost/added, debris leaked, parse time (median, p95, and as a ratio to decoding and splitting the same bytes,
 * measured in the same run), and which invariants fail on which layout shapes, with seeds to reproduce
 * (`node --import tsx tests/layout-simulator/show-failure.ts --style S --seed N`; add `--corpus corpus-001` for the
 * re-typeset essay). Then the same figures on typeset PDFs (tests/pdf-typesetter/pdf-fidelity.ts), with PDF pages
 * per second, and on the same PDFs as poppler's pdftotext prints them (DUIZHAO_FIDELITY_PDFTOTEXT per style).
 */
import os from "node:os";
import { decodeSource } from "@/lib/ingest/decode-source";
import { findUrls } from "@/lib/ingest/repair-url";
import type { DocumentStructure } from "@/lib/model/document-model";
import { caseForSeed, runCase, type LayoutCase } from "@/tests/layout-simulator/layout-case";
import { classifyOutcome } from "@/tests/layout-simulator/classify-misses";
import type { InvariantName } from "@/tests/layout-simulator/layout-invariants";
import type { MarkerStyle } from "@/tests/layout-simulator/layout-parameters";
import type { LayoutTruth } from "@/tests/layout-simulator/layout-truth";
import { corpusDocument } from "@/tests/layout-simulator/corpus-structure";
import type { TrueDocument } from "@/tests/layout-simulator/true-document";
import { benchPdfFidelity, benchPdftotextFidelity } from "@/tests/pdf-typesetter/pdf-fidelity";

const LAYOUTS_PER_STYLE = Number(process.env.DUIZHAO_FIDELITY_LAYOUTS ?? 2000);
/** Corpus 001 re-typeset: a real essay's structure (29 notes, long paragraphs) under random layouts. */
const CORPUS_LAYOUTS_PER_STYLE = Math.ceil(LAYOUTS_PER_STYLE / 10);
/** Typeset PDFs per marker style: each is printed by Chromium (about a second), so far fewer than text layouts. */
const PDFS_PER_STYLE = Number(process.env.DUIZHAO_FIDELITY_PDFS ?? 30);
/** Typeset PDFs per style read by poppler's pdftotext (each printed once, read in three modes); 0 leaves them out. */
const PDFTOTEXT_PER_STYLE = Number(process.env.DUIZHAO_FIDELITY_PDFTOTEXT ?? PDFS_PER_STYLE);
/**
 * Seeds 1… are the layouts the parser has been looked at against; DUIZHAO_FIDELITY_FIRST_SEED=<n> scores it on
 * a range it was never tuned to.
 */
const FIRST_SEED = Number(process.env.DUIZHAO_FIDELITY_FIRST_SEED ?? 1);
const BASELINE_REPEATS = 5;
const EXAMPLE_SEEDS = 5;
/** Shapes are reported when at least this many layouts have them, so a rate means something. */
const MIN_SHAPE_LAYOUTS = 25;
const TOP_SHAPES = 4;

const percent = (part: number, whole: number) => (whole === 0 ? "n/a" : `${((100 * part) / whole).toFixed(1)}%`);

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/** Words for a layout's shape, to see which shapes an invariant fails on. */
function shapeOf(layoutCase: LayoutCase, truth: LayoutTruth): string[] {
  const p = layoutCase.params;
  const pages = truth.pages;
  const shapes = [
    `pages:${p.pageSeparator}`,
    `blank-lines:${p.blankLines}`,
    p.furniture === "none" ? "furniture:none" : `furniture:${p.runningHead === "none" ? "folio" : p.runningHead}@${p.furniture}`,
    ...new Set(pages.filter((pg) => pg.markers > 0).map((pg) => `notes:${pg.format}`)),
  ];
  if (p.glyphArtefacts) shapes.push("glyph-artefacts");
  if (pages.some((pg) => pg.lost > 0 && pg.lost < pg.markers)) shapes.push("some-notes-lost");
  if (pages.some((pg) => pg.lost > 0 && pg.lost === pg.markers)) shapes.push("all-page-notes-lost");
  if (pages.some((pg) => pg.truncated > 0)) shapes.push("truncated-note");
  if (pages.some((pg) => pg.overrun)) shapes.push("note-overrun");
  if (pages.some((pg) => pg.listLost > 0)) shapes.push("list-lost-labels");
  if (pages.length === 1) shapes.push("single-page");
  if (p.width < 28) shapes.push("narrow<28em");
  if (truth.markers.length === 0) shapes.push("no-notes");
  return shapes;
}

/**
 * How many of the truth's URLs the parse rebuilds exactly anywhere a reader finds them: in an attached note's
 * citations, or in the text of an unattached fragment read the way citations read URLs (`findUrls`, the same repair),
 * which is the URL an editor's attachment of that fragment gives. A multiset: each rebuilt URL counts once.
 */
function urlsRebuiltAnywhere(truthUrls: readonly string[], draft: DocumentStructure): number {
  const left = new Map<string, number>();
  const rebuilt = [
    ...draft.footnotes.flatMap((f) => f.citations.map((c) => c.url).filter((u): u is string => u !== null)),
    ...draft.fragments.flatMap((f) => findUrls(f.text).map((span) => span.url)),
  ];
  for (const url of rebuilt) left.set(url, (left.get(url) ?? 0) + 1);
  let found = 0;
  for (const url of truthUrls) {
    const n = left.get(url) ?? 0;
    if (n === 0) continue;
    left.set(url, n - 1);
    found += 1;
  }
  return found;
}

/** Shortest run of body text worth attributing to a note or heading (shorter runs match anything). */
const MIN_ATTRIBUTED_RUN = 4;

/** What the body diff of one layout consists of, in words: where lost and added text came from. */
function bodyDamage(truth: LayoutTruth, added: string[], lost: string[], debris: string[]): string[] {
  const noSpace = (s: string) => s.replace(/[\s\u3000]+/gu, "");
  const notes = truth.notes.map((n) => noSpace(n.surviving)).filter((t) => t !== "");
  const headings = truth.headings.map((h) => noSpace(h.label + h.text));
  const kinds = new Set<string>();
  for (const run of added) {
    if (run.length >= MIN_ATTRIBUTED_RUN && notes.some((n) => n.includes(run) || run.includes(n))) kinds.add("note text in body");
    else if (debris.some((d) => d !== "" && run.includes(d))) kinds.add("debris in body");
    else if (/[①-⑳]|\[\d+\]/u.test(run)) kinds.add("marker label left in body");
    else kinds.add(run.length < MIN_ATTRIBUTED_RUN ? "a few characters added" : "other text added");
  }
  for (const run of lost) {
    if (headings.some((h) => h.includes(run) && run.length >= 2)) kinds.add("heading text lost");
    else kinds.add(run.length < MIN_ATTRIBUTED_RUN ? "a few characters lost" : "body text lost");
  }
  return [...kinds];
}

async function benchStyle(style: MarkerStyle, layouts: number, document?: { name: string; truth: TrueDocument }): Promise<void> {
  const totals = {
    attachable: 0, attachedRight: 0, kept: 0, altered: 0, decided: 0, decidedRight: 0, decidedUrls: 0, decidedUrlsFound: 0,
    paragraphsTruth: 0, paragraphsDraft: 0, paragraphsExact: 0,
    markersTruth: 0, markersFound: 0, markersSpurious: 0,
    headingsTruth: 0, headingsFound: 0, urlsTruth: 0, urlsFound: 0, urlsAnywhere: 0,
    wrong: 0, layoutsWithWrong: 0, lost: 0, added: 0, bodyChars: 0, debris: 0, layoutsWithDebris: 0, threw: 0,
  };
  const parseMs: number[] = [];
  const ratios: number[] = [];
  const failing = new Map<InvariantName, number[]>();
  const shapeCount = new Map<string, number>();
  const shapeFail = new Map<string, Map<InvariantName, number>>();
  const wrongKinds = new Map<string, number>();
  const damage = new Map<string, number[]>();
  const errors = new Map<string, number[]>();

  for (let seed = FIRST_SEED; seed < FIRST_SEED + layouts; seed += 1) {
    const layoutCase = caseForSeed(style, seed, undefined, document?.truth);
    const outcome = runCase(layoutCase);
    const bytes = new TextEncoder().encode(outcome.layout.text);
    const baselineStart = performance.now();
    for (let i = 0; i < BASELINE_REPEATS; i += 1) decodeSource(bytes).split("\n");
    const baselineMs = (performance.now() - baselineStart) / BASELINE_REPEATS;
    parseMs.push(outcome.parseMs);
    ratios.push(outcome.parseMs / Math.max(baselineMs, 1e-3));

    const shapes = shapeOf(layoutCase, outcome.layout.truth);
    for (const shape of shapes) shapeCount.set(shape, (shapeCount.get(shape) ?? 0) + 1);
    for (const v of new Set(outcome.violations.map((x) => x.invariant))) {
      failing.set(v, [...(failing.get(v) ?? []), seed]);
      for (const shape of shapes) {
        const byInvariant = shapeFail.get(shape) ?? new Map<InvariantName, number>();
        byInvariant.set(v, (byInvariant.get(v) ?? 0) + 1);
        shapeFail.set(shape, byInvariant);
      }
    }
    const s = outcome.score;
    if (s === null) {
      totals.threw += 1;
      errors.set(outcome.error ?? "", [...(errors.get(outcome.error ?? "") ?? []), seed]);
      continue;
    }
    const debrisTexts = outcome.layout.truth.debris.map((d) => d.text.replace(/[\s\u3000]+/gu, ""));
    for (const kind of bodyDamage(outcome.layout.truth, s.body.addedRuns, s.body.lostRuns, debrisTexts)) damage.set(kind, [...(damage.get(kind) ?? []), seed]);
    const classified = classifyOutcome(outcome.layout, outcome.draft!, layoutCase.document, layoutCase.params);
    totals.decided += classified.decidedNotes;
    totals.decidedRight += classified.decidedNotes - classified.misses.filter((m) => m.what === "note" && m.decided).length;
    totals.decidedUrls += classified.decidedUrls;
    totals.decidedUrlsFound += classified.decidedUrls - classified.misses.filter((m) => m.what === "url" && m.decided).length;
    totals.attachable += s.notes.attachable;
    totals.attachedRight += s.notes.attachedRight;
    totals.kept += s.notes.kept;
    totals.altered += s.notes.altered.length;
    totals.paragraphsTruth += s.paragraphs.truth;
    totals.paragraphsDraft += s.paragraphs.draft;
    totals.paragraphsExact += s.paragraphs.exact;
    totals.markersTruth += s.markers.truth;
    totals.markersFound += s.markers.found;
    totals.markersSpurious += s.markers.spurious;
    totals.headingsTruth += s.headings.truth;
    totals.headingsFound += s.headings.found;
    totals.urlsTruth += s.urls.truth;
    totals.urlsFound += s.urls.found;
    totals.urlsAnywhere += urlsRebuiltAnywhere(outcome.layout.truth.urls, outcome.draft!);
    totals.wrong += s.wrongAttachments.length;
    if (s.wrongAttachments.length > 0) totals.layoutsWithWrong += 1;
    for (const w of s.wrongAttachments) wrongKinds.set(w.kind, (wrongKinds.get(w.kind) ?? 0) + 1);
    totals.lost += s.body.lost;
    totals.added += s.body.added;
    totals.bodyChars += outcome.layout.truth.paragraphs.join("").length + outcome.layout.truth.headings.map((h) => h.label + h.text).join("").length;
    totals.debris += s.debrisLeaked.length;
    if (s.debrisLeaked.length > 0) totals.layoutsWithDebris += 1;
  }

  const t = totals;
  const precision = t.paragraphsExact / Math.max(1, t.paragraphsDraft);
  const recall = t.paragraphsExact / Math.max(1, t.paragraphsTruth);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  console.log(
    `\n${document ? `${document.name} re-typeset, ` : "invented documents, "}${style} markers: ${layouts} layouts (seeds ${FIRST_SEED}–${FIRST_SEED + layouts - 1})${t.threw ? `, parser threw on ${t.threw}` : ""}`,
  );
  console.log(`  note-text recall (own text, exact, right marker)  ${percent(t.attachedRight, t.attachable)}  (${t.attachedRight}/${t.attachable}; ${t.altered} attached to their own marker with altered text)`);
  // Beside the headline, never instead of it: a page that prints no labels and lost some of its note texts
  // leaves several assignments of the survivors that counts and order cannot choose between
  // (tests/layout-simulator/classify-misses.ts says which notes the layout decides, and is tested).
  console.log(
    `  …where the layout decides the attachment         ${percent(t.decidedRight, t.decided)}  (${t.decidedRight}/${t.decided}; the other ${t.attachable - t.decided} are on pages without labels that lost note texts, or lost their label beside a lost note)`,
  );
  console.log(`  note-text kept (attached or fragment)             ${percent(t.kept, t.attachable)}`);
  console.log(`  exact paragraph F1                                ${(100 * f1).toFixed(1)}%  (precision ${percent(t.paragraphsExact, t.paragraphsDraft)}, recall ${percent(t.paragraphsExact, t.paragraphsTruth)})`);
  console.log(`  marker recall (right place, right label)          ${percent(t.markersFound, t.markersTruth)}  (${t.markersSpurious} spurious markers)`);
  console.log(`  heading recall                                    ${percent(t.headingsFound, t.headingsTruth)}`);
  console.log(`  exact URL recall                                  ${percent(t.urlsFound, t.urlsTruth)}  (${t.urlsFound}/${t.urlsTruth})`);
  console.log(`  …where the layout decides its note's attachment  ${percent(t.decidedUrlsFound, t.decidedUrls)}  (${t.decidedUrlsFound}/${t.decidedUrls})`);
  // A second line, never instead of the first: a URL in an unattached fragment is shown and exported as the
  // fragment's text, not as a citation of any marker, until an editor attaches it.
  console.log(`  ${"…attached, or exact in an unattached fragment".padEnd(50)}${percent(t.urlsAnywhere, t.urlsTruth)}  (${t.urlsAnywhere}/${t.urlsTruth})`);
  console.log(`  wrong attachments                                 ${t.wrong} in ${percent(t.layoutsWithWrong, layouts)} of layouts  (${[...wrongKinds].map(([k, n]) => `${k} ${n}`).join(", ") || "none"})`);
  console.log(`  body characters lost / added                      ${t.lost} / ${t.added} of ${t.bodyChars}  (${((1000 * t.lost) / t.bodyChars).toFixed(2)}‰ / ${((1000 * t.added) / t.bodyChars).toFixed(2)}‰)`);
  console.log(`  debris leaked into text                           ${t.debris} in ${percent(t.layoutsWithDebris, layouts)} of layouts`);
  console.log(
    `  parse time per document                           median ${quantile(parseMs, 0.5).toFixed(1)} ms, p95 ${quantile(parseMs, 0.95).toFixed(1)} ms; ` +
      `ratio to decode+split of the same bytes: median ${quantile(ratios, 0.5).toFixed(0)}×, p95 ${quantile(ratios, 0.95).toFixed(0)}×`,
  );
  console.log("  body damage (layouts, example seeds):");
  for (const [kind, seeds] of [...damage].sort((a, b) => b[1].length - a[1].length)) console.log(`    ${kind}: ${seeds.length}, seeds ${seeds.slice(0, EXAMPLE_SEEDS).join(" ")}`);
  for (const [error, seeds] of errors) console.log(`  parser threw on ${seeds.length} (seeds ${seeds.slice(0, EXAMPLE_SEEDS).join(" ")}): ${error}`);
  console.log("  invariants failed (layouts, example seeds; shapes with the highest failure rate):");
  for (const [invariant, seeds] of [...failing].sort((a, b) => b[1].length - a[1].length)) {
    const shapes = [...shapeCount]
      .filter(([, n]) => n >= MIN_SHAPE_LAYOUTS)
      .map(([shape, n]) => ({ shape, rate: (shapeFail.get(shape)?.get(invariant) ?? 0) / n }))
      .sort((a, b) => b.rate - a.rate)
      .slice(0, TOP_SHAPES);
    console.log(`    ${invariant}: ${seeds.length} (${percent(seeds.length, layouts)}), seeds ${seeds.slice(0, EXAMPLE_SEEDS).join(" ")}`);
    console.log(`      ${shapes.map((s) => `${s.shape} ${(100 * s.rate).toFixed(0)}%`).join(", ")}`);
  }
}

export default async function run(): Promise<void> {
  console.log(`load average ${os.loadavg().map((n) => n.toFixed(1)).join(" ")} on ${os.cpus().length} cores`);
  // Warm up the JIT as a long-running ingest would be.
  for (let seed = 0; seed > -20; seed -= 1) runCase(caseForSeed("circled", 1_000_000 - seed));
  for (const style of ["circled", "bracket"] as const) await benchStyle(style, LAYOUTS_PER_STYLE);
  const corpus001 = { name: "corpus-001", truth: corpusDocument("corpus-001") };
  for (const style of ["circled", "bracket"] as const) await benchStyle(style, CORPUS_LAYOUTS_PER_STYLE, corpus001);
  // DUIZHAO_FIDELITY_PDFS=0 leaves the typeset PDFs out altogether (they need Chromium and some minutes).
  if (PDFS_PER_STYLE > 0) await benchPdfFidelity({ perStyle: PDFS_PER_STYLE, seed: FIRST_SEED });
  if (PDFTOTEXT_PER_STYLE > 0) await benchPdftotextFidelity({ perStyle: PDFTOTEXT_PER_STYLE, seed: FIRST_SEED });
}
