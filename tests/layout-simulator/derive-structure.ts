/**
 * Writes the hand-checkable structure (DocumentStructure JSON) of a corpus essay from its current parse, so
 * the essay can be re-typeset by the simulator under other layouts:
 *   node --import tsx tests/layout-simulator/derive-structure.ts corpus/001_dd40619b11185e85.txt tests/layout-simulator/fixtures/corpus-001-structure.json
 * Only for a parse checked to be exact (corpus 001's is): the structure is taken as the truth afterwards.
 * Notes the parse reports missing or unlocated have no text to typeset and are refused.
 */
import fs from "node:fs";
import path from "node:path";
import { parseDocument } from "@/lib/ingest/parse-document";
import type { DocumentStructure, EnumeratorStyle } from "./true-document";

const [source, target] = process.argv.slice(2);
if (!source || !target) {
  console.error("usage: derive-structure.ts <corpus text> <structure.json>");
  process.exit(2);
}

const HAN = "一二三四五六七八九";
function hanValue(numeral: string): number {
  if (numeral === "十") return 10;
  const [tens, units] = numeral.includes("十") ? numeral.split("十") : ["", numeral];
  return (numeral.includes("十") ? (tens === "" ? 1 : HAN.indexOf(tens!) + 1) * 10 : 0) + (units === "" ? 0 : HAN.indexOf(units!) + 1);
}

function styleOf(label: string, printedLine: string): { style: EnumeratorStyle; number: number } {
  let m: RegExpExecArray | null;
  if ((m = /^（([一二三四五六七八九十]+)）$/u.exec(label))) return { style: "paren-han", number: hanValue(m[1]!) };
  if ((m = /^（(\d+)）$/u.exec(label))) return { style: "paren-arabic", number: Number(m[1]) };
  if ((m = /^(\d+)\.$/u.exec(label))) return { style: "arabic-dot", number: Number(m[1]) };
  if (/^[一二三四五六七八九十]+$/u.test(label)) return { style: printedLine.includes("、") ? "han-comma" : "han-space", number: hanValue(label) };
  throw new Error(`heading label ${label} has no enumerator style`);
}

const bytes = fs.readFileSync(source!);
const lines = bytes.toString("utf8").split("\n");
const draft = parseDocument({ bytes, fileName: source! });
const unusable = draft.footnotes.filter((f) => f.status !== "present");
if (unusable.length > 0) throw new Error(`notes without their whole text: ${unusable.map((f) => `p${f.page} ${f.label} ${f.status}`).join(", ")}`);

const noteIndex = new Map(draft.footnotes.map((f, i) => [f.anchor, i]));
const blocks: DocumentStructure["blocks"] = [
  ...draft.headings.map((h) => ({ line: h.sourceLines[0], block: { heading: { level: h.level as 1 | 2 | 3 | 4, ...styleOf(h.label, lines[h.sourceLines[0] - 1]!), text: h.text } } })),
  ...draft.paragraphs.map((p) => {
    let text = "";
    let last = 0;
    for (const marker of p.markers) {
      text += `${p.text.slice(last, marker.offset)}{${noteIndex.get(marker.footnoteAnchor)}}`;
      last = marker.offset;
    }
    return { line: p.sourceLines[0], block: { paragraph: text + p.text.slice(last) } };
  }),
]
  .sort((a, b) => a.line - b.line)
  .map((entry) => entry.block);

const structure: DocumentStructure = {
  title: draft.title,
  authors: draft.authors.length > 0 ? draft.authors : ["佚名"],
  abstract: draft.abstract ?? "",
  blocks,
  notes: draft.footnotes.map((f) => f.text),
};
fs.mkdirSync(path.dirname(target!), { recursive: true });
fs.writeFileSync(target!, JSON.stringify(structure, null, 1) + "\n");
console.log(`${target}: ${blocks.length} blocks, ${structure.notes.length} notes`);
