/**
 * Prints one generated layout's body lines as the parser reads their widths: the width model's measure and glyph
 * weights, then each body line with its page, its shortfall from the measure in em (the model's, and recentred on
 * the body's full lines as build-body reads it), and where the parse and the truth open a paragraph. For tracing a
 * paragraph boundary the parse missed or invented:
 *   node --import tsx tests/layout-simulator/show-body-widths.ts --seed N --style bracket [--corpus corpus-001] [--from 20 --to 60]
 * Analysis only: nothing in lib/ingest reads it.
 */
import { parseArgs } from "node:util";
import { buildBody } from "@/lib/ingest/build-body";
import { decodeSource } from "@/lib/ingest/decode-source";
import { layoutPages } from "@/lib/ingest/layout-pages";
import { normaliseText } from "@/lib/ingest/normalise-text";
import { fitDocumentWidthModel } from "@/lib/ingest/parse-document";
import { parseFrontMatter } from "@/lib/ingest/parse-front-matter";
import { CORPUS_STRUCTURES, corpusDocument } from "./corpus-structure";
import { caseForSeed } from "./layout-case";
import type { MarkerStyle } from "./layout-parameters";
import { typesetDocument } from "./typeset-document";

const { values } = parseArgs({
  options: { seed: { type: "string" }, style: { type: "string", default: "bracket" }, corpus: { type: "string" }, from: { type: "string" }, to: { type: "string" } },
});
const style = values.style as MarkerStyle;
if ((style !== "circled" && style !== "bracket") || values.seed === undefined) {
  console.error("usage: show-body-widths.ts --seed N [--style circled|bracket] [--corpus corpus-001] [--from L --to L]");
  process.exit(2);
}
const corpus = values.corpus;
if (corpus !== undefined && !(corpus in CORPUS_STRUCTURES)) throw new Error(`--corpus must be one of ${Object.keys(CORPUS_STRUCTURES).join(", ")}`);
const document = corpus === undefined ? undefined : corpusDocument(corpus as keyof typeof CORPUS_STRUCTURES);
const layoutCase = caseForSeed(style, Number(values.seed), undefined, document);
const { text, truth } = typesetDocument(layoutCase.document, layoutCase.params);

// As parseDocument reads a text source (no form feeds kept, no corrections).
const lines = decodeSource(new TextEncoder().encode(text)).split("\n");
const pageBreaks = new Set(lines.flatMap((line, k) => (line.includes("\f") ? [k] : [])));
const plain = lines.map((line) => line.replace(/\f/gu, ""));
const model = fitDocumentWidthModel(plain);
const front = parseFrontMatter(plain, model);
const layout = layoutPages({ lines: plain, bodyStart: front.bodyStart, title: front.title, model, pageBreaks });
const body = buildBody(layout.pages, model, { indentMarksParagraphs: layout.indentMarksParagraphs });

const fold = (s: string) => s.replace(/[\s\u3000]+/gu, "");
// The truth's paragraphs run together, and the offsets where each opens; each body line is found at the running
// offset (markers, which the truth does not print, taken out), so a line opening a truth paragraph is known.
const truthText = truth.paragraphs.map(fold).join("");
const truthOpenings = new Set<number>();
let offset = 0;
for (const p of truth.paragraphs) {
  truthOpenings.add(offset);
  offset += fold(p).length;
}
/** How far past the running offset a line's text may be found (a heading between, which is not in the paragraphs). */
const SEARCH_AHEAD = 80;
let cursor = 0;
const opensTruthParagraph = (raw: string): boolean => {
  const text = fold(normaliseText(raw)).replace(/\[\d{1,3}\]|[\u2460-\u2473]/gu, "").replace(/\uFFE3$/u, "");
  const at = text === "" ? -1 : truthText.indexOf(text.slice(0, 6), cursor);
  if (at < 0 || at > cursor + SEARCH_AHEAD) return false;
  cursor = at + text.length;
  return truthOpenings.has(at);
};
const parseOpenings = new Set(body.paragraphs.map((p) => p.sourceLines[0]));
const weights = Object.entries(model.weights).map(([k, w]) => `${k} ${w.toFixed(2)}`).join(", ");
console.log(`measure ${model.measure.toFixed(2)} em, spread ${model.spread.toFixed(2)}; ${weights}`);
console.log(`layout: ${JSON.stringify(layoutCase.params)}`);
console.log("line  page  deficit  | parse opens ¶ (P), truth opens ¶ (T)");
const from = Number(values.from ?? 0);
const to = Number(values.to ?? Infinity);
for (const page of layout.pages) {
  for (const line of page.body) {
    const opensTruth = opensTruthParagraph(line.raw);
    if (line.lineNo < from || line.lineNo > to) continue;
    const mark = `${parseOpenings.has(line.lineNo) ? "P" : " "}${opensTruth ? "T" : " "}`;
    console.log(`${String(line.lineNo).padStart(4)}  p${String(line.page).padEnd(3)} ${line.deficit.toFixed(2).padStart(6)}  ${mark} ${line.raw}`);
  }
}
