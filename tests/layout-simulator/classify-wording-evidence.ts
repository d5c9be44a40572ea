/**
 * How far the wording of a note decides its marker on the pages where counts, order and labels do not: unlabelled
 * pages (a bare label list, or texts alone) that lost some of their note texts. For every such page the simulator
 * printed, the surviving texts are aligned with the page's markers by `alignNotes` (lib/ingest/match-notes.ts, the
 * parser's own alignment, on the contexts the parser reads: up to 60 characters before each marker) and each kind of
 * wording evidence is scored against the truth: how often it points at the right marker, and how often at a wrong one.
 * A kind of evidence that is ever wrong cannot decide an attachment (one wrong attachment outweighs any recall gain).
 * Run:
 *   node --import tsx tests/layout-simulator/classify-wording-evidence.ts --first 1 --count 1000 [--style circled] [--corpus corpus-001] [--examples 4]
 * Analysis only: nothing in lib/ingest reads it.
 */
import { alignNotes, sentenceFrequency } from "@/lib/ingest/match-notes";
import { isGloss } from "@/lib/ingest/split-notes";
import { caseForSeed } from "./layout-case";
import { readClassifierOptions } from "./classifier-options";
import { typesetDocument } from "./typeset-document";


/** As lib/ingest/build-body.ts reads a marker's context: this many characters before it, after the marker before. */
const CONTEXT_CHARS = 60;

const { first, count, examples, styles, corpus, document } = readClassifierOptions({ first: "1" });

/** Dated titles: `《title》` and `YYYY年M月` both in `text` (URLs left out: they name where a work was found). */
function titles(text: string): Set<string> {
  return new Set([...text.replace(/https?:\/\/\S+/gu, " ").matchAll(/《([^《》]+)》/gu)].map((m) => m[1]!));
}
function months(text: string): Set<string> {
  return new Set([...text.replace(/https?:\/\/\S+/gu, " ").matchAll(/((?:1[6-9]|20)\d\d)年(\d{1,2})月/gu)].map((m) => `${m[1]}-${Number(m[2])}`));
}
const shares = (a: Set<string>, b: Set<string>) => [...a].some((x) => b.has(x));

interface Tally {
  right: number;
  wrong: number;
  wrongSeeds: number[];
}
const tally = () => ({ right: 0, wrong: 0, wrongSeeds: [] as number[] });
function score(t: Tally, right: boolean, seed: number): void {
  if (right) t.right += 1;
  else {
    t.wrong += 1;
    if (!t.wrongSeeds.includes(seed)) t.wrongSeeds.push(seed);
  }
}

for (const style of styles) {
  const totals = { pages: 0, survivors: 0, markers: 0 };
  const kinds = {
    /** The parser's own suggestion (`likely`: a date, number or Latin word only that sentence shares). */
    suggestion: tally(),
    /** The best alignment by shared wording, for every survivor. */
    bestAlignment: tally(),
    /** A title in 《》 shared with exactly one marker's context on the page. */
    titleOnlyHere: tally(),
    /** A year and month shared with exactly one marker's context on the page. */
    monthOnlyHere: tally(),
    /** Both a title and a year and month shared with one context, neither with any other on the page. */
    titleAndMonthOnlyHere: tally(),
  };
  for (let seed = first; seed < first + count; seed += 1) {
    const layoutCase = caseForSeed(style, seed, undefined, document);
    const { truth } = typesetDocument(layoutCase.document, layoutCase.params);
    const rarity = sentenceFrequency(truth.paragraphs);
    for (const page of truth.pages) {
      if (page.format === "labelled" || page.lost === 0 || page.lost === page.markers) continue;
      const markers = truth.markers.filter((m) => m.page === page.page);
      const contexts = markers.map((m) => {
        const previous = truth.markers.filter((o) => o.paragraph === m.paragraph && o.offset < m.offset).map((o) => o.offset);
        const from = Math.max(0, m.offset - CONTEXT_CHARS, ...previous);
        return truth.paragraphs[m.paragraph]!.slice(from, m.offset);
      });
      const survivors = markers.map((m, j) => ({ j, note: truth.notes[m.note]! })).filter(({ note }) => note.status !== "missing");
      totals.pages += 1;
      totals.survivors += survivors.length;
      totals.markers += markers.length;
      const pairs = alignNotes(
        contexts.map((context) => ({ context, termPosition: false })),
        survivors.map(({ note }) => ({ text: note.surviving, gloss: isGloss(note.surviving) })),
        rarity,
      );
      for (const pair of pairs) {
        const right = survivors[pair.note]!.j === pair.marker;
        score(kinds.bestAlignment, right, seed);
        if (pair.likely) score(kinds.suggestion, right, seed);
      }
      survivors.forEach(({ j, note }) => {
        const t = titles(note.surviving);
        const mo = months(note.surviving);
        const withTitle = contexts.map((c, k) => ({ k, on: shares(t, titles(c)) })).filter((x) => x.on);
        const withMonth = contexts.map((c, k) => ({ k, on: shares(mo, months(c)) })).filter((x) => x.on);
        if (withTitle.length === 1) score(kinds.titleOnlyHere, withTitle[0]!.k === j, seed);
        if (withMonth.length === 1) score(kinds.monthOnlyHere, withMonth[0]!.k === j, seed);
        if (withTitle.length === 1 && withMonth.length === 1 && withTitle[0]!.k === withMonth[0]!.k) score(kinds.titleAndMonthOnlyHere, withTitle[0]!.k === j, seed);
      });
    }
  }
  console.log(`\n${corpus ?? "invented"} ${style}: seeds ${first}–${first + count - 1}`);
  console.log(`  unlabelled pages that lost some texts ${totals.pages}: ${totals.survivors} surviving texts for ${totals.markers} markers`);
  for (const [kind, t] of Object.entries(kinds)) {
    console.log(`  ${kind.padEnd(22)} right ${String(t.right).padStart(5)}  wrong ${String(t.wrong).padStart(5)}   wrong in seeds ${t.wrongSeeds.slice(0, examples).join(" ")}`);
  }
}
