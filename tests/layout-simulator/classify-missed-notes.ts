/**
 * Why the parser misses what it misses: for every note text the source holds but the parse does not attach,
 * exactly, to its own marker, every paragraph not rebuilt exactly and every URL not rebuilt, a class drawn
 * from the simulator's truth — and whether the printed layout decides the answer at all. Run:
 *   node --import tsx tests/layout-simulator/classify-missed-notes.ts --first 700001 --count 1000 [--style circled] [--corpus corpus-001] [--examples 3]
 * Prints counts per class with example seeds. Analysis only: nothing in lib/ingest reads it.
 */
import { classifyOutcome, type MissClass } from "./classify-misses";
import { caseForSeed, runCase } from "./layout-case";
import { readClassifierOptions } from "./classifier-options";


const { first, count, examples, styles, corpus, document } = readClassifierOptions({ first: "700001" });

for (const style of styles) {
  const tally = new Map<string, { n: number; seeds: number[] }>();
  const totals = { notes: 0, paragraphs: 0, urls: 0, decidedNotes: 0, decidedParagraphs: 0 };
  const add = (miss: MissClass, seed: number) => {
    const key = `${miss.what} | ${miss.decided ? "DECIDED  " : "undecided"} | ${miss.why}`;
    const entry = tally.get(key) ?? { n: 0, seeds: [] };
    entry.n += 1;
    if (!entry.seeds.includes(seed)) entry.seeds.push(seed);
    tally.set(key, entry);
  };
  for (let seed = first; seed < first + count; seed += 1) {
    const layoutCase = caseForSeed(style, seed, undefined, document);
    const outcome = runCase(layoutCase);
    if (outcome.draft === null) continue;
    const result = classifyOutcome(outcome.layout, outcome.draft, layoutCase.document, layoutCase.params);
    totals.notes += result.attachableNotes;
    totals.decidedNotes += result.decidedNotes;
    totals.paragraphs += result.truthParagraphs;
    totals.decidedParagraphs += result.decidedParagraphs;
    totals.urls += result.urls;
    for (const miss of result.misses) add(miss, seed);
  }
  console.log(`\n${corpus ?? "invented"} ${style}: seeds ${first}–${first + count - 1}`);
  console.log(
    `  attachable notes ${totals.notes} (layout decides ${totals.decidedNotes}); paragraphs ${totals.paragraphs} (boundaries visible ${totals.decidedParagraphs}); urls ${totals.urls}`,
  );
  for (const [key, { n, seeds }] of [...tally].sort((a, b) => a[0].split(" | ")[0]!.localeCompare(b[0].split(" | ")[0]!) || b[1].n - a[1].n)) {
    console.log(`  ${String(n).padStart(5)}  ${key}   seeds ${seeds.slice(0, examples).join(" ")}`);
  }
}
