import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fitWidthModel } from "./line-width";
import { layoutPages } from "./layout-pages";
import { parseFrontMatter } from "./parse-front-matter";

// A small essay of our own in the layout PDF extraction produces: a note block without its marker
// list interleaved mid-sentence, a running head with its folio, a marker list, a triple-blank page end.
const fixture = readFileSync(fileURLToPath(new URL("../../tests/fixtures/ingest/interleaved-notes.txt", import.meta.url)), "utf8");
const lines = fixture.split("\n");

function layout() {
  const model = fitWidthModel(lines);
  const front = parseFrontMatter(lines, model);
  return { front, layout: layoutPages({ lines, bodyStart: front.bodyStart, title: front.title, model }) };
}

describe("layoutPages", () => {
  it("finds the pages from leading spaces, a running head and a blank-line run", () => {
    const { layout: l } = layout();
    expect(l.pages.map((p) => [p.body[0]?.lineNo, p.body[p.body.length - 1]?.lineNo])).toEqual([
      [4, 8],
      [11, 17],
      [29, 37],
    ]);
  });

  it("separates the interleaved note block and the marker-listed notes from the body", () => {
    const { layout: l } = layout();
    expect(l.pages[0]!.notes.map((n) => n.lineNo)).toEqual([9, 10]);
    expect(l.pages[1]!.notes.map((n) => n.lineNo)).toEqual([24, 25]);
    expect(l.pages[1]!.markerList.map((m) => m.label)).toEqual(["①", "②"]);
    expect(l.pages[2]!.notes).toEqual([]);
  });

  it("keeps running head and marker lists as debris with their lines", () => {
    const { layout: l } = layout();
    expect(l.debris.map((d) => [d.kind, d.line])).toEqual([
      ["running-head", 19],
      ["marker-list", 21],
      ["marker-list", 22],
    ]);
  });

  it("treats leading spaces as paragraph indents when nearly every paragraph has one", () => {
    const indented = Array.from({ length: 12 }, (_, i) => [` 第${i}段的第一行文字很长很长很长很长`, "第二行文字很长很长很长很长很长很长。", ""]).flat();
    const model = fitWidthModel(indented);
    const l = layoutPages({ lines: indented, bodyStart: 0, title: null, model });
    expect(l.indentMarksParagraphs).toBe(true);
    expect(l.pages).toHaveLength(1);
  });
});
