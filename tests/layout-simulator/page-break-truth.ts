import { documentToTei } from "@/lib/exchange/document-to-tei";
import type { DocumentStructure, PageBreak } from "@/lib/model/document-model";
import { readTeiPageBreaks } from "@/tests/fixtures/read-tei-page-breaks";
import type { LayoutTruth, TruthPageBreak } from "./layout-truth";
import { isPlaceholder, LINE_BREAK_HYPHEN } from "./wrap-lines";

/**
 * Where a printed line begins in the true text it was set from: the typesetters print every non-space
 * character of the true text exactly once and in order (glyph artefacts swap one character for another or
 * pad with spaces; line breaking drops spaces at line ends and adds the line-break hyphen `￣`; marker
 * placeholders stand for no character of the text). So line `k` begins at the true character reached after
 * as many non-space characters as the lines before it printed, less `skipped` (a note's printed label).
 */
export function trueOffsetOfLine(trueText: string, printedLines: readonly string[], k: number, skipped = 0): number {
  let printed = -skipped;
  for (const line of printedLines.slice(0, k)) for (const ch of line) if (countsAsText(ch)) printed += ch.length;
  let seen = 0;
  for (let offset = 0; offset < trueText.length; offset += 1) {
    if (isSpace(trueText[offset]!)) continue;
    if (seen === printed) return offset;
    seen += 1;
  }
  return trueText.length;
}

/** The non-space characters of a printed label or prefix. */
export function printedLength(text: string): number {
  let count = 0;
  for (const ch of text) if (countsAsText(ch)) count += ch.length;
  return count;
}

function countsAsText(ch: string): boolean {
  return !isSpace(ch) && ch !== LINE_BREAK_HYPHEN && !isPlaceholder(ch);
}

function isSpace(ch: string): boolean {
  return /^[\s\u3000]$/u.test(ch);
}

export interface PageBreakComparison {
  /** Truth breaks in blocks the parse read whole (same text), each found at its character and page, with the parsed block's anchor. */
  found: (TruthPageBreak & { anchor: string })[];
  /** Truth breaks in such blocks that the parse put elsewhere or left out, and breaks it put there that the truth has not. */
  wrong: string[];
  /** Blocks holding truth breaks that the parse did not read whole (their text differs): not judged here. */
  unjudged: number;
  /** Whether pages were judged too (the layout stage counted as many pages as were printed). */
  pagesJudged: boolean;
}

/**
 * The parse's page breaks against the truth's, block by block: a paragraph or note is judged when the parse holds
 * one with the very text the truth has (then every break inside it must be the truth's, no more, no fewer). The
 * page a break opens is judged too when the layout stage counted the pages the simulator printed (a text source's
 * pages are the layout stage's count: where it takes one page for two, every page after is numbered one more).
 */
export function comparePageBreaks(draft: DocumentStructure, truth: LayoutTruth): PageBreakComparison {
  const pagesCounted = draft.pageCount === truth.pages.length;
  const result: PageBreakComparison = { found: [], wrong: [], unjudged: 0, pagesJudged: pagesCounted };
  const key = (b: { offset: number; page: number }) => (pagesCounted ? `${b.offset}@${b.page}` : `${b.offset}`);
  const truthBreaks = truth.pageBreaks ?? [];
  const judge = (kind: TruthPageBreak["block"], index: number, text: string, parsed: readonly { anchor: string; pageBreaks?: PageBreak[]; text: string }[]) => {
    const expected = truthBreaks.filter((b) => b.block === kind && b.index === index);
    const twins = parsed.filter((block) => block.text === text);
    if (twins.length !== 1) {
      if (expected.length > 0) result.unjudged += 1;
      return;
    }
    const actual = (twins[0]!.pageBreaks ?? []).map(key);
    const wanted = expected.map(key);
    if (actual.join(" ") === wanted.join(" ")) result.found.push(...expected.map((b) => ({ ...b, anchor: twins[0]!.anchor })));
    else result.wrong.push(`${kind} ${index} (${JSON.stringify(text.slice(0, 20))}…): parsed ${actual.join(" ") || "none"}, printed ${wanted.join(" ") || "none"}`);
  };
  truth.paragraphs.forEach((text, index) => judge("paragraph", index, text, draft.paragraphs));
  truth.notes.forEach((note, index) => {
    if (note !== undefined && note.status === "present") judge("note", index, note.text, draft.footnotes);
  });
  return result;
}

/**
 * The truth's breaks that the parse found, as its TEI writes them: each must be a pb at the same character of the
 * block's text in the TEI (notes inside a paragraph left out). What is missing, in words.
 */
export function missingFromTei(draft: DocumentStructure, found: PageBreakComparison["found"]): string[] {
  const tei = readTeiPageBreaks(
    documentToTei({ document: draft, provenance: { sourceFile: "simulated", sourceSha256: "0".repeat(64), correctionsSha256: null, pipelineVersion: "test" } }),
  );
  return found
    .filter((b) => !(tei.get(b.anchor) ?? []).some((pb) => pb.offset === b.offset))
    .map((b) => `${b.block} ${b.anchor}: no pb at ${b.offset} (TEI has ${(tei.get(b.anchor) ?? []).map((pb) => pb.offset).join(", ") || "none"})`);
}
