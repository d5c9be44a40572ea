import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildBody } from "./build-body";
import { fitWidthModel, lineDeficit, PRIOR_WIDTHS, type WidthModel } from "./line-width";
import { layoutPages } from "./layout-pages";
import { normaliseLine } from "./normalise-text";
import { parseFrontMatter } from "./parse-front-matter";
import { endsSentence } from "./sentence-end";

function build(lines: string[]) {
  const model = fitWidthModel(lines);
  const front = parseFrontMatter(lines, model);
  const layout = layoutPages({ lines, bodyStart: front.bodyStart, title: front.title, model });
  return buildBody(layout.pages, model, { indentMarksParagraphs: layout.indentMarksParagraphs });
}

describe("buildBody", () => {
  const fixture = readFileSync(fileURLToPath(new URL("../../tests/fixtures/ingest/interleaved-notes.txt", import.meta.url)), "utf8").split("\n");

  it("runs a paragraph on across a page break and an interleaved note block", () => {
    const body = build(fixture);
    expect(body.paragraphs).toHaveLength(2);
    const first = body.paragraphs[0]!;
    expect(first.sourceLines).toEqual([4, 17]);
    expect(first.text).toContain("近年来的实践表明");
    expect(first.text).not.toContain("出版社");
    expect(body.headings.map((h) => [h.level, h.label, h.text])).toEqual([[1, "二", "结论"]]);
    expect(body.paragraphs[1]!.headingIndex).toBe(0);
  });

  it("takes markers out of the text with their page, line and offset", () => {
    const body = build(fixture);
    expect(body.markers.map((m) => [m.label, m.page, m.lineNo])).toEqual([
      ["①", 1, 6],
      ["①", 2, 13],
      ["②", 2, 17],
    ]);
    const text = body.paragraphs[0]!.text;
    expect(text.slice(0, body.markers[0]!.offset).endsWith("难点。")).toBe(true);
    expect(body.markers[2]!.offset).toBe(text.length);
  });

  it("reads shortfalls from the body's own full lines on a short text whose fitted measure sits an indent too narrow", () => {
    // Too few lines to fit widths on: the typical widths, and a measure read among first lines (22 em where the body's
    // full lines are 24). Four lines stop mid-sentence on a Han character (two first lines, two full lines): the first
    // paragraph's last line, 22 em of 24, reads full against the fitted measure, and so does the next first line.
    const model: WidthModel = { weights: PRIOR_WIDTHS, measure: 22, spread: 1 };
    const raws = ["甲".repeat(22), "乙".repeat(24), `${"丙".repeat(21)}。`, "丁".repeat(22), "戊".repeat(24), `${"己".repeat(10)}。`];
    const body = raws.map((raw, k) => ({ lineNo: k + 1, raw, normal: normaliseLine(raw), page: 1, indent: false, deficit: lineDeficit(model, raw), blankBefore: false }));
    const built = buildBody([{ page: 1, body, notes: [], markerList: [] }], model);
    expect(built.paragraphs.map((p) => p.sourceLines)).toEqual([
      [1, 3],
      [4, 6],
    ]);
  });

  it("opens a paragraph on a first line that ends a sentence when the line after it fills the measure with its closing mark inside", () => {
    // `丙…a。` ends a paragraph 1.5 em short; `丁…。` is the next paragraph's first line, short by its indent, and ends a
    // sentence at the margin; `戊…。` fills the measure with its full stop inside it (it did not hang): without the mark it
    // reads a mark's width short, as a full line does, not an indent short.
    const model: WidthModel = { weights: PRIOR_WIDTHS, measure: 24, spread: 0.5 };
    const raws = ["甲".repeat(22), "乙".repeat(24), `${"丙".repeat(21)}a。`, `${"丁".repeat(21)}。`, `${"戊".repeat(23)}。`, `${"己".repeat(10)}。`];
    const body = raws.map((raw, k) => ({ lineNo: k + 1, raw, normal: normaliseLine(raw), page: 1, indent: false, deficit: lineDeficit(model, raw), blankBefore: false }));
    const built = buildBody([{ page: 1, body, notes: [], markerList: [] }], model);
    expect(built.paragraphs.map((p) => p.sourceLines)).toEqual([
      [1, 3],
      [4, 6],
    ]);
  });

  it("ends a paragraph on a full line when the next line is short by an indent", () => {
    const full = "甲".repeat(20);
    const lines = ["标题", "", ...[full, full, `${"乙".repeat(19)}。`, "丙".repeat(18), full, `${"丁".repeat(9)}。`, full, full, `${"戊".repeat(19)}。`, "己".repeat(18), `${"庚".repeat(5)}。`].flatMap((l) => [l, ""])];
    const body = build(lines);
    expect(body.paragraphs.map((p) => p.sourceLines)).toEqual([
      [3, 7],
      [9, 13],
      [15, 19],
      [21, 23],
    ]);
    expect(body.paragraphs.map((p) => Array.from(p.text)[0])).toEqual(["甲", "丙", "甲", "己"]);
  });
  it("ends a paragraph on a sentence whose line left room for the next line's first Han character, though the next line's indent is hidden", () => {
    const full = "甲".repeat(20);
    // `乙…1 2。` stops 1.75 em short; the next paragraph's one-sentence first line (2-em indent, 18 em of text) is
    // followed by a line opening with a year that did not fit after it, so its shortfall says nothing of an indent.
    const lines = ["标题", "", ...[full, full, `${"乙".repeat(16)}1 2。`, `${"丙".repeat(17)}。`, `2023年${"丁".repeat(17)}`, `${"戊".repeat(9)}。`, full, full, `${"己".repeat(9)}。`].flatMap((l) => [l, ""])];
    const body = build(lines);
    expect(body.paragraphs.map((p) => Array.from(p.text)[0])).toEqual(["甲", "丙", "甲"]);
  });

  it("does not end a paragraph on a sentence whose line is short only by the Latin word or number that opens the next line", () => {
    const full = "甲".repeat(20);
    // 16 em + the 4-em word `Internet` that did not fit: the sentence ends there, the paragraph does not.
    const lines = ["标题", "", ...[full, full, `${"乙".repeat(15)}。`, `Internet${"丙".repeat(16)}`, `${"丁".repeat(9)}。`, full, full, full, `${"戊".repeat(9)}。`].flatMap((l) => [l, ""])];
    const body = build(lines);
    expect(body.paragraphs.map((p) => p.sourceLines)).toEqual([
      [3, 11],
      [13, 19],
    ]);
  });

  it("ends a paragraph on a full line when the next is short by an indent and by the Latin word that moved on from it", () => {
    const full = "甲".repeat(20);
    // The first line holds 18 em after its indent but only 14 em of text: `Governance` (5 em) did not fit.
    const lines = ["标题", "", ...[full, full, `${"乙".repeat(19)}。`, `${"丙".repeat(14)}`, `Governance${"丁".repeat(15)}`, ...Array.from({ length: 12 }, () => full), `${"戊".repeat(9)}。`].flatMap((l) => [l, ""])];
    const body = build(lines);
    expect(body.paragraphs.map((p) => p.sourceLines)).toEqual([
      [3, 7],
      [9, 37],
    ]);
  });

  it("measures shortfalls from the full lines where short paragraphs make most lines ending mid-sentence first lines", () => {
    // Two- and three-line paragraphs whose last line is full: only the next first line's indent shows each end.
    const two = ["丙".repeat(18), `${"乙".repeat(19)}。`];
    const three = ["丙".repeat(18), "甲".repeat(20), `${"乙".repeat(19)}。`];
    const lines = [...two, ...three, ...two, ...three, ...two, ...two, ...three, ...two, ...two, ...three, ...two];
    const model = fitWidthModel(lines, (line) => !endsSentence(normaliseLine(line)));
    const body = buildBody(layoutPages({ lines, bodyStart: 0, title: null, model }).pages, model);
    expect(body.paragraphs).toHaveLength(11);
  });

  it("does not end a paragraph on its first line when the sentence there fills all but the indent", () => {
    const full = "甲".repeat(20);
    const lines = ["标题", "", ...[full, `${"乙".repeat(9)}。`, `${"丙".repeat(16)}。`, full, full, `${"丁".repeat(9)}。`, "戊".repeat(18), full, `${"己".repeat(9)}。`].flatMap((l) => [l, ""])];
    const body = build(lines);
    expect(body.paragraphs.map((p) => p.sourceLines)).toEqual([
      [3, 5],
      [7, 13],
      [15, 19],
    ]);
  });
  it("ends a paragraph before a heading as wide as the measure when a paragraph's indented first line follows it", () => {
    const full = "甲".repeat(20);
    const lines = ["标题", "", ...[full, full, `${"乙".repeat(19)}。`, `（一）${"丙".repeat(17)}`, "丁".repeat(18), full, `${"戊".repeat(9)}。`].flatMap((l) => [l, ""])];
    const body = build(lines);
    expect(body.headings.map((h) => [h.label, h.sourceLines])).toEqual([["（一）", [9, 9]]]);
    expect(body.paragraphs.map((p) => p.sourceLines)).toEqual([
      [3, 7],
      [11, 15],
    ]);
  });

  it("ends a paragraph at a blank line where blank lines stand between blocks only, even when widths tell nothing", () => {
    const full = "甲".repeat(20);
    // Every paragraph ends on a full line, and the next opens with a Latin word that hides its indent:
    // only the blank line between them, in a text whose other lines are set solid, marks the break.
    const paragraph = (k: number) => [full, full, `${"乙".repeat(19)}。`, `Internet${"丙".repeat(k)}${"丁".repeat(16 - k)}`, full, `${"戊".repeat(19)}。`];
    const lines = ["标题", "", ...paragraph(1), "", ...paragraph(2), "", ...paragraph(3)];
    const body = build(lines);
    expect(body.paragraphs.map((p) => p.sourceLines)).toEqual([
      [3, 8],
      [10, 15],
      [17, 22],
    ]);
  });

  it("does not read a blank line after every printed line as a paragraph break", () => {
    const full = "甲".repeat(20);
    const lines = ["标题", "", ...[full, `${"乙".repeat(19)}。`, full, full, `${"丙".repeat(19)}。`, `Internet${"丁".repeat(16)}`, `${"戊".repeat(9)}。`].flatMap((l) => [l, ""])];
    const body = build(lines);
    expect(body.paragraphs.map((p) => p.sourceLines)).toEqual([[3, 15]]);
  });

  it("reads a first line ending on a hanging comma as indented: without the comma it stops an indent short", () => {
    const full = "甲".repeat(20);
    // Full lines hold 20 em, some with a comma that fitted (19 + ，); the new paragraph's first line holds
    // 18 em and a comma hanging past the measure: as wide as a full line, an indent short without its comma.
    const lines = ["标题", "", ...[full, `${"乙".repeat(19)}，`, `${"丙".repeat(19)}。`, `${"丁".repeat(18)}，`, full, `${"戊".repeat(19)}，`, full, `${"己".repeat(9)}。`].flatMap((l) => [l, ""])];
    const body = build(lines);
    expect(body.paragraphs.map((p) => p.sourceLines)).toEqual([
      [3, 7],
      [9, 17],
    ]);
  });

  it("measures shortfalls from the body's own full lines when the width model's measure sits off them", () => {
    const full = "甲".repeat(20);
    const lines = ["标题", "", ...[full, full, full, `${"乙".repeat(19)}。`, "丙".repeat(18), full, full, full, `${"丁".repeat(19)}。`, "戊".repeat(18), full, full, `${"己".repeat(9)}。`].flatMap((l) => [l, ""])];
    const fitted = fitWidthModel(lines);
    // A measure fitted 1.5 em short (notes, hanging punctuation and first lines pull it) leaves an indent of 0.5 em.
    const model = { ...fitted, measure: fitted.measure - 1.5 };
    const front = parseFrontMatter(lines, model);
    const layout = layoutPages({ lines, bodyStart: front.bodyStart, title: front.title, model });
    const body = buildBody(layout.pages, model, { indentMarksParagraphs: layout.indentMarksParagraphs });
    expect(body.paragraphs.map((p) => p.sourceLines)).toEqual([
      [3, 9],
      [11, 19],
      [21, 27],
    ]);
  });

  it("ends a paragraph before an indented first line whose sentence ends at the margin, when the line after it is full", () => {
    const full = "甲".repeat(20);
    // Line 5 is a one-line paragraph that fills the measure; line 7 is short by an indent and ends a sentence:
    // a last line, or a first line. Line 9 is full, so no paragraph opens there: line 7 opened one.
    const lines = ["标题", "", ...[full, `${"乙".repeat(19)}。`, `${"丙".repeat(17)}。`, full, full, `${"丁".repeat(9)}。`].flatMap((l) => [l, ""])];
    const body = build(lines);
    expect(body.paragraphs.map((p) => p.sourceLines)).toEqual([
      [3, 5],
      [7, 13],
    ]);
  });

  it("does not end a paragraph on a sentence before a line short only by the opening mark that moved on to the next", () => {
    const full = "甲".repeat(20);
    // Line 9 holds 18.5 em: the title mark 《 did not fit with the character it opens and moved on with it (a mark
    // never ends a line). Short by less than the mark and a character is not an indent.
    const lines = ["标题", "", ...[full, full, `${"乙".repeat(19)}。`, `${"丙".repeat(18)}a`, `《丁丁》${"戊".repeat(16)}`, ...Array.from({ length: 12 }, () => full), `${"己".repeat(9)}。`].flatMap((l) => [l, ""])];
    const body = build(lines);
    expect(body.paragraphs.map((p) => p.sourceLines)).toEqual([[3, 37]]);
  });

  it("ends a paragraph on a line a little short when the next is short by an indent, ends a sentence, and the line after it is full", () => {
    const full = "甲".repeat(20);
    // Line 7 stops 1.5 em short (more than a full line's leftover, less than a sure end); line 9 stops an indent
    // short and ends a sentence; line 11 is full, so line 9 cannot have been a last line: it opened a paragraph.
    const lines = ["标题", "", ...[full, full, `${"乙".repeat(16)}abc。`, `${"丙".repeat(17)}。`, ...Array.from({ length: 12 }, () => full), `${"丁".repeat(9)}。`].flatMap((l) => [l, ""])];
    const body = build(lines);
    expect(body.paragraphs.map((p) => p.sourceLines)).toEqual([
      [3, 7],
      [9, 35],
    ]);
  });

  it("ends a paragraph on a full last line before a first line whose stop hung past the measure, when the line after it is full", () => {
    const full = "甲".repeat(20);
    // Line 5 ends a paragraph at the margin. Line 7 holds 18 em and a stop that hung: 1 em short with the stop, an
    // indent (2 em) short without it. A line the text went on from cannot leave a Han character's room (1 em) unused,
    // and line 9 is full, so no paragraph ended at line 7: it opened one.
    const lines = ["标题", "", ...[full, `${"乙".repeat(19)}。`, `${"丙".repeat(18)}。`, full, full, `${"丁".repeat(9)}。`].flatMap((l) => [l, ""])];
    const body = build(lines);
    expect(body.paragraphs.map((p) => p.sourceLines)).toEqual([
      [3, 5],
      [7, 13],
    ]);
  });

  it("does not read a line of Latin words ending a sentence as a first line whose stop hung, when only its Latin width says so", () => {
    const full = "甲".repeat(20);
    // Line 7 holds 9 Han characters, 19 Latin letters (9.5 em) and a stop that fitted: 19.5 em, half an em short. A
    // model reading Latin at 0.45 em has it 1.45 em short, 2.45 without its stop: past an indent only by less than
    // its Latin glyphs may be off by. Line 9 is full: read as an indent, line 7 would open a paragraph.
    const lines = ["标题", "", ...[full, full, `${"乙".repeat(19)}。`, `${"丙".repeat(9)}${"abcdefghijklmnopqrs"}。`, full, full, `${"丁".repeat(9)}。`].flatMap((l) => [l, ""])];
    const fitted = fitWidthModel(lines);
    const model = { ...fitted, weights: { ...fitted.weights, ascii: 0.45 }, spread: 1 };
    const front = parseFrontMatter(lines, model);
    const layout = layoutPages({ lines, bodyStart: front.bodyStart, title: front.title, model });
    const body = buildBody(layout.pages, model, { indentMarksParagraphs: layout.indentMarksParagraphs });
    expect(body.paragraphs.map((p) => p.sourceLines)).toEqual([[3, 15]]);
  });

  it("does not read a full line ending on a comma that fitted, half an em short, as a first line whose comma hung", () => {
    const full = "甲".repeat(20);
    // Line 9 holds 17 em of Han, 1.5 em of Latin and a comma: 19.5 em, short by under one Han character's room.
    // Without its comma it is 1.5 em short: less than an indent (2 em), which a hung first line keeps.
    const lines = ["标题", "", ...[full, full, `${"乙".repeat(19)}。`, `${"丙".repeat(17)}abc，`, ...Array.from({ length: 12 }, () => full), `${"丁".repeat(9)}。`].flatMap((l) => [l, ""])];
    const body = build(lines);
    expect(body.paragraphs.map((p) => p.sourceLines)).toEqual([[3, 35]]);
  });

  it("does not read the leading space on a page's first line as a paragraph's indent when most pages open on one", () => {
    const full = "甲".repeat(20);
    // Paragraph starts are printed with a leading space (so indents mark paragraphs), and so is every page's first
    // line, as an extraction that glues pages prints them: each page here opens inside a paragraph.
    const start = ` ${"乙".repeat(18)}`;
    const end = `${"丙".repeat(19)}。`;
    // Each page ends on a sentence that fills the last line; the paragraph runs on over the page break.
    const page = (opening: string[]) => [...opening, full, end, start, full, full, end];
    const pages = [page([start, full]), page([` ${full}`, full]), page([` ${full}`, full]), page([` ${full}`, full])];
    const lines = ["标题", "", ...pages.flat()];
    const pageBreaks = new Set(pages.slice(1).map((_, k) => 2 + (k + 1) * pages[0]!.length));
    const model = fitWidthModel(lines);
    const front = parseFrontMatter(lines, model);
    const layout = layoutPages({ lines, bodyStart: front.bodyStart, title: front.title, model, pageBreaks });
    expect(layout.indentMarksParagraphs).toBe(true);
    const body = buildBody(layout.pages, model, { indentMarksParagraphs: layout.indentMarksParagraphs });
    // Five paragraphs, each begun by its own first line; none at a page's first line.
    expect(body.paragraphs.map((p) => Array.from(p.text)[0])).toEqual(Array.from({ length: 5 }, () => "乙"));
  });

  it("ends the last paragraph before a heading that is the text's last line, finishing no sentence, however wide it reads", () => {
    // Three body lines are too few to fit the measure on: the heading reads as full.
    const lines = [
      "数字空间的规则竞争与合作",
      "",
      "高明远",
      "",
      "内容提要：港口城市的数据中心建设速度明显加快，港口城市的数据中心建设速度明显加快。",
      "",
      "",
      "",
      " 一、理论意义",
      "",
      "港口城市的数据中心建设速度明显加快，所谓open data运动在各国的进展并不相同。",
      "",
      "（一）案例选择与资料来源",
      "",
    ];
    // Fitted as the parser fits it: on lines that end no sentence.
    const model = fitWidthModel(lines, (line) => !endsSentence(normaliseLine(line)));
    const front = parseFrontMatter(lines, model);
    const layout = layoutPages({ lines, bodyStart: front.bodyStart, title: front.title, model });
    const body = buildBody(layout.pages, model, { indentMarksParagraphs: layout.indentMarksParagraphs });
    expect(body.headings.map((h) => [h.label, h.text])).toEqual([
      ["一", "理论意义"],
      ["（一）", "案例选择与资料来源"],
    ]);
    expect(body.paragraphs).toHaveLength(1);
  });

  it("does not end a paragraph on its first line when the sentence there stops short by its indent and the Latin word or number that opens the next line", () => {
    const full = "甲".repeat(20);
    // The first line ends a sentence 2 em short beyond its indent: `2017` (2 em) did not fit in that room.
    const lines = ["标题", "", ...[full, `${"乙".repeat(10)}。`, `${"丙".repeat(15)}。`, `2017年9月，${"丁".repeat(14)}`, full, `${"戊".repeat(5)}。`].flatMap((l) => [l, ""])];
    const body = build(lines);
    expect(body.paragraphs.map((p) => p.sourceLines)).toEqual([
      [3, 5],
      [7, 13],
    ]);
  });
});
