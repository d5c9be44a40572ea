/**
 * Why paragraphs are not rebuilt exactly: for every truth paragraph the parse does not return character for
 * character, what happened at the boundary (or inside) — joined across a true boundary, split where the truth
 * has none, text lost or added — with the printed evidence around that place (how short the last line stands,
 * whether the next paragraph's first line is indented, a page break, blank lines, furniture, notes) and whether a
 * careful reader of the raw text could decide it. Run:
 *   node --import tsx tests/layout-simulator/classify-paragraph-misses.ts --first 41000001 --count 1000 [--style circled] [--corpus corpus-001] [--examples 4]
 * Analysis only: nothing in lib/ingest reads it.
 */
import { fitDocumentWidthModel } from "@/lib/ingest/parse-document";
import { seeded } from "@/tests/fixtures/ingest/render-essay";
import { diffCharacters } from "./character-diff";
import { withGlyphArtefacts } from "./glyph-artefacts";
import { caseForSeed, runCase } from "./layout-case";
import { MAX_MARKERS_PER_PAGE, type LayoutParameters } from "./layout-parameters";
import { readClassifierOptions } from "./classifier-options";
import type { TrueDocument } from "./true-document";
import { charWidth, isPlaceholder, LINE_BREAK_HYPHEN, PLACEHOLDER_BASE, wrapLines } from "./wrap-lines";


/** As typeset-document.ts sets them. */
const MARKER_WIDTH = { circled: 0.5, bracket: 1.5 } as const;
const PARAGRAPH_INDENT = 2;
/** A line a full em short of the measure stops early: a Han character would have fitted. */
const SHORT_BY_EM = 1;
const SENTENCE_END = /[。！？!?…ꎮ][”’」』）)》»]*$/u;

const fold = (s: string) => s.replace(/[\s\u3000]+/gu, "");

interface PrintedLine {
  text: string;
  width: number;
  page: number;
  /** Last body line of its page. */
  pageEnd: boolean;
  /** Non-space characters of true text it prints. */
  chars: number;
}

/** The body's printed lines per block, with pages, replicating typeset-document.ts's wrapping and paging. */
function printedBlocks(document: TrueDocument, requested: LayoutParameters): Array<{ kind: "heading" | "paragraph"; lines: PrintedLine[] }> {
  const params = requested.pageSeparator === "form-feed" ? { ...requested, blankLines: "none" as const } : requested;
  const random = seeded(params.pageNoise);
  const hyphenMark = () => random() < params.pHyphenMark;
  const print = (s: string) => (params.glyphArtefacts ? withGlyphArtefacts(s) : s);
  const markerWidth = MARKER_WIDTH[params.style];
  const blocks: Array<{ kind: "heading" | "paragraph"; lines: PrintedLine[]; markers: number[] }> = [];
  for (const block of document.blocks) {
    if (block.kind === "heading") {
      blocks.push({ kind: "heading", lines: [{ text: block.text, width: 0, page: 0, pageEnd: false, chars: 0 }], markers: [0] });
      continue;
    }
    let raw = "";
    for (const piece of block.pieces) {
      raw += print(piece.text);
      if (piece.note !== undefined) raw += String.fromCharCode(PLACEHOLDER_BASE + piece.note);
    }
    const lines = wrapLines(raw, { width: params.width, firstIndent: PARAGRAPH_INDENT, markerWidth, hyphenMark });
    blocks.push({
      kind: "paragraph",
      lines: lines.map((text, i) => ({
        text,
        width: Array.from(text).reduce((w, c) => w + charWidth(c, markerWidth), 0) + (i === 0 ? PARAGRAPH_INDENT : 0),
        page: 0,
        pageEnd: false,
        chars: Array.from(text).filter((c) => !/[\s\u3000]/u.test(c) && c !== LINE_BREAK_HYPHEN && !isPlaceholder(c)).length,
      })),
      markers: lines.map((text) => Array.from(text).filter(isPlaceholder).length),
    });
  }
  let page = 1;
  let onPage = 0;
  let markers = 0;
  let previous: PrintedLine | undefined;
  for (const block of blocks) {
    block.lines.forEach((line, i) => {
      const m = block.markers[i] ?? 0;
      if (onPage > 0 && (onPage >= params.linesPerPage || markers + m > MAX_MARKERS_PER_PAGE)) {
        if (previous) previous.pageEnd = true;
        page += 1;
        onPage = 0;
        markers = 0;
      }
      line.page = page;
      onPage += 1;
      markers += m;
      previous = line;
    });
  }
  return blocks;
}

/**
 * The parser's width model for the printed text, fitted as parse-document.ts fits it: how far its measure and its
 * Latin (ASCII) width sit from the typesetter's, which is what moves a line's read shortfall off the printed one.
 */
function modelReading(text: string): string {
  const lines = text.split("\n").map((line) => line.replace(/\f/gu, ""));
  const model = fitDocumentWidthModel(lines);
  return `model: ascii ${model.weights.ascii.toFixed(2)} em, measure ${model.measure.toFixed(1)}, spread ${model.spread.toFixed(1)}`;
}

interface Event {
  key: string;
  seed: number;
}

const { first, count, examples, styles, corpus, document, verbose } = readClassifierOptions({ first: "41000001" });

const bucket = (em: number) => (em < 0.5 ? "full" : em < SHORT_BY_EM ? "<1em" : em < 2 ? "1-2em" : em < 3 ? "2-3em" : ">=3em");

for (const style of styles) {
  const events: Event[] = [];
  let truthParagraphs = 0;
  let missed = 0;
  const missKinds = new Map<string, number>();
  for (let seed = first; seed < first + count; seed += 1) {
    const layoutCase = caseForSeed(style, seed, undefined, document);
    const outcome = runCase(layoutCase);
    if (outcome.draft === null) continue;
    const truth = outcome.layout.truth;
    const params = layoutCase.params;
    const draftTexts = outcome.draft.paragraphs.map((p) => fold(p.text));
    const truthTexts = truth.paragraphs.map(fold);
    truthParagraphs += truthTexts.length;

    // Exact matches as the scorer counts them (a multiset).
    const left = new Map<string, number>();
    for (const t of draftTexts) left.set(t, (left.get(t) ?? 0) + 1);
    const exact = truthTexts.map((t) => {
      const n = left.get(t) ?? 0;
      if (n > 0) left.set(t, n - 1);
      return n > 0;
    });
    if (exact.every(Boolean)) continue;

    const blocks = printedBlocks(layoutCase.document, params);
    const paragraphs = blocks.filter((b) => b.kind === "paragraph");
    const blockIndex = blocks.map((b, i) => ({ b, i })).filter(({ b }) => b.kind === "paragraph").map(({ i }) => i);

    // Align the concatenated paragraph texts, truth → draft.
    const truthAll = truthTexts.join("");
    const draftAll = draftTexts.join("");
    const diff = diffCharacters(truthAll, draftAll);
    const truthEnds: number[] = [];
    let at = 0;
    for (const t of truthTexts) truthEnds.push((at += t.length));
    const draftEnds = new Set<number>();
    at = 0;
    for (const t of draftTexts) draftEnds.add((at += t.length));
    const draftToTruth = new Int32Array(draftAll.length + 1).fill(-1);
    for (let k = 0; k < diff.map.length; k += 1) if (diff.map[k]! >= 0) draftToTruth[diff.map[k]!] = k;

    const shape = (p: LayoutParameters) =>
      `blank:${p.blankLines} sep:${p.pageSeparator} furn:${p.furniture}`;

    const paragraphMissed = new Set<number>();
    const mark = (i: number) => paragraphMissed.add(i);

    // Joined: a truth boundary with no draft boundary at its image.
    truthEnds.slice(0, -1).forEach((end, i) => {
      const image = diff.map[end - 1]!;
      if (image >= 0 && draftEnds.has(image + 1)) return;
      if (image < 0) return; // text lost at the boundary: counted below
      const p = paragraphs[i]!;
      const q = paragraphs[i + 1]!;
      const headingBetween = blockIndex[i + 1]! !== blockIndex[i]! + 1;
      const last = p.lines[p.lines.length - 1]!;
      const lastShort = params.width - last.width;
      const nextSingle = q.lines.length === 1;
      const pageBreak = last.pageEnd;
      const blocksBlank = params.blankLines === "blocks" && params.pageSeparator !== "form-feed";
      // What hides the next first line's indent, when it has one: the Latin word, number or address opening the
      // line after it moved on whole (a line before one falls short by up to its width, so an indent within that
      // width reads the same), or its closing mark and a note marker both hung past the measure.
      const secondLine = q.lines[1]?.text ?? "";
      const movedRun = /^[!-~\uFF01-\uFF5E]+/u.exec(secondLine)?.[0] ?? "";
      const movedRunWidth = Array.from(movedRun).reduce((w, c) => w + charWidth(c, MARKER_WIDTH[params.style]), 0);
      const masked =
        nextSingle ? "" : movedRunWidth > PARAGRAPH_INDENT ? "next's indent within the width of the Latin run opening its second line" : /[，。、；：！？ꎬꎮꎻ”’》」』）][\uE000-\uF8FF]$/u.test(q.lines[0]!.text) ? "next's first line ends on a mark and a marker" : "";
      // A first line whose mark and marker hung past the measure is as wide as a full line where both fitted (the
      // marker is ½–1½ em): widths do not tell them apart.
      const decidable = headingBetween || blocksBlank || lastShort >= SHORT_BY_EM || (!nextSingle && movedRunWidth <= PARAGRAPH_INDENT && !masked.includes("marker"));
      const why = [
        headingBetween ? "heading between" : "",
        `last line ${bucket(lastShort)}`,
        nextSingle ? "next is one line" : `next indented`,
        pageBreak ? "at page break" : "same page",
        blocksBlank ? "blank between blocks" : "",
        masked,
      ].filter(Boolean).join(", ");
      events.push({ key: `joined   | ${decidable ? "DECIDABLE" : "invisible"} | ${why}`, seed });
      if (verbose) console.log(`  ${seed} joined p${i}|p${i + 1}: last «${last.text.slice(-12)}» (${lastShort.toFixed(1)} em short), next «${q.lines[0]!.text.slice(0, 12)}» (${(params.width - q.lines[0]!.width).toFixed(1)} em short with its indent) ${shape(params)} width ${params.width}; ${modelReading(outcome.layout.text)}`);
      mark(i);
      mark(i + 1);
    });

    // Split: a draft boundary whose preimage is no truth boundary.
    const truthEndSet = new Set(truthEnds);
    for (const end of draftEnds) {
      if (end >= draftAll.length) continue;
      const pre = draftToTruth[end - 1]!;
      if (pre < 0 || truthEndSet.has(pre + 1)) continue;
      const i = truthEnds.findIndex((e) => e > pre);
      const p = paragraphs[i]!;
      const offsetIn = pre + 1 - (i > 0 ? truthEnds[i - 1]! : 0);
      // The printed line the split falls after.
      let seen = 0;
      let k = 0;
      while (k < p.lines.length - 1 && seen + p.lines[k]!.chars < offsetIn) seen += p.lines[k++]!.chars;
      const line = p.lines[k]!;
      const next = p.lines[k + 1];
      const atLineEnd = seen + line.chars === offsetIn;
      const short = params.width - line.width;
      const nextShort = next === undefined ? NaN : params.width - next.width;
      const endsSentence = SENTENCE_END.test(line.text.replace(/[\uE000-\uF8FF]/gu, "").trimEnd());
      const why = [
        atLineEnd ? "" : "mid-line",
        `line ${k + 1}/${p.lines.length}`,
        endsSentence ? "ends sentence" : "no sentence end",
        `line ${bucket(short)}`,
        next === undefined ? "" : `next ${bucket(nextShort)}${k + 1 === p.lines.length - 1 ? " (last)" : ""}`,
        line.pageEnd ? "at page break" : "same page",
        `blank:${params.blankLines === "blocks" && params.pageSeparator === "form-feed" ? "none" : params.blankLines}`,
      ].filter(Boolean).join(", ");
      events.push({ key: `split    | DECIDABLE | ${why}`, seed });
      if (verbose) console.log(`  ${seed} split p${i} after line ${k + 1}/${p.lines.length}: «${line.text.slice(-12)}» (${short.toFixed(1)} em short) next «${next?.text.slice(0, 12)}» (${nextShort.toFixed(1)}) ${shape(params)} width ${params.width}; ${modelReading(outcome.layout.text)}`);
      mark(i);
    }

    // Everything else: characters lost or added inside.
    truthTexts.forEach((t, i) => {
      if (exact[i] || paragraphMissed.has(i)) return;
      const start = i > 0 ? truthEnds[i - 1]! : 0;
      let lost = 0;
      for (let k = start; k < truthEnds[i]!; k += 1) if (diff.map[k]! < 0) lost += 1;
      const why = lost > 0 ? `text lost (${lost > 20 ? ">20" : lost} chars)` : "text added or boundary moved";
      events.push({ key: `other    | -         | ${why}`, seed });
      mark(i);
    });
    for (const i of paragraphMissed) if (!exact[i]) missed += 1;
    for (let i = 0; i < exact.length; i += 1) if (!exact[i] && !paragraphMissed.has(i)) missKinds.set("unclassified", (missKinds.get("unclassified") ?? 0) + 1);
  }

  const tally = new Map<string, { n: number; seeds: number[] }>();
  for (const e of events) {
    const entry = tally.get(e.key) ?? { n: 0, seeds: [] };
    entry.n += 1;
    if (!entry.seeds.includes(e.seed)) entry.seeds.push(e.seed);
    tally.set(e.key, entry);
  }
  console.log(`\n${corpus ?? "invented"} ${style}: seeds ${first}–${first + count - 1}; ${truthParagraphs} paragraphs, ${missed} not exact${missKinds.size ? `, ${[...missKinds].map(([k, n]) => `${k} ${n}`).join(", ")}` : ""}`);
  for (const [key, { n, seeds }] of [...tally].sort((a, b) => b[1].n - a[1].n)) console.log(`  ${String(n).padStart(5)}  ${key}   seeds ${seeds.slice(0, examples).join(" ")}`);
}
