import path from "node:path";
import type { InvariantName } from "@/tests/layout-simulator/layout-invariants";
import type { MarkerStyle } from "@/tests/layout-simulator/layout-parameters";
import type { PdftotextMode } from "./pdftotext";

/**
 * The committed pdftotext fixtures (tests/fixtures/pdftotext, written by make-pdftotext-fixtures.ts): generated
 * documents, never the corpus, typeset and printed by Chromium and read by poppler's pdftotext, with the truth of
 * what was printed. The tests read the committed text, so the suite needs neither Chromium nor poppler.
 * Each is the `index`-th case of `pdfCaseArbitrary(style)` sampled with `seed` (as the fidelity bench samples).
 */
export interface PdftotextFixture {
  name: string;
  style: MarkerStyle;
  seed: number;
  index: number;
  /** The modes whose text is kept: the parse of each loses no body text and attaches no note wrongly. */
  modes: readonly PdftotextMode[];
  /** The shape it holds the parser to. */
  shape: string;
  /** Invariants held on top of the two defects (no body text lost, no wrong attachment) for that shape. */
  alsoHolds?: readonly InvariantName[];
}

export const PDFTOTEXT_FIXTURES_DIR = path.join(import.meta.dirname, "..", "fixtures", "pdftotext");

export const PDFTOTEXT_FIXTURES: readonly PdftotextFixture[] = [
  { name: "abstract-runs-on-bracket", style: "bracket", seed: 161000001, index: 4, modes: ["default"], shape: "default mode: the abstract's short last line and the first body paragraph in one block, no blank line or indent between them" },
  { name: "abstract-runs-on-circled", style: "circled", seed: 161000001, index: 5, modes: ["default"], shape: "as above, circled markers, A5 pages" },
  {
    name: "abstract-fills-last-line",
    style: "circled",
    seed: 177000001,
    index: 4,
    modes: ["default", "raw"],
    shape:
      "default mode, one A4 page: the abstract's last line fills the measure and ends on `。`, the first body paragraph (calling ①) follows with no blank line or indent, its first line short by the indent; -raw: the same, with a note's label run into its text on a line wider than the body",
    alsoHolds: ["every-marker-found"],
  },
  {
    name: "abstract-ends-before-indented-line",
    style: "circled",
    seed: 177000001,
    index: 9,
    modes: ["default"],
    shape: "default mode, justified A5 pages: the abstract's last line is full and ends a sentence, the first body paragraph's first line, 2 em short, follows it straight",
  },
  {
    name: "note-address-rest-overleaf",
    style: "circled",
    seed: 177000001,
    index: 17,
    modes: ["default", "layout"],
    shape:
      "A4 pages, a note running on overleaf mid-address: its rest (`ns/…/brief_3890.pdf。`) printed straight after the next page's last body line (cut mid-sentence) and before its labelled notes; default mode also runs the abstract (last line nearly full) into the first paragraph",
    alsoHolds: ["no-text-added-to-body", "every-marker-found"],
  },
  {
    name: "note-address-rest-after-blank",
    style: "circled",
    seed: 177000001,
    index: 14,
    modes: ["default", "layout"],
    shape: "A5 pages, as above: the address's rest (`1/c1002-31409417.html。`) after a blank line in default mode, straight after the body in -layout",
    alsoHolds: ["no-text-added-to-body"],
  },
  {
    name: "note-latin-rest-after-heading",
    style: "circled",
    seed: 173000001,
    index: 2,
    modes: ["default"],
    shape: "default mode, 16K pages: an English citation cut between words runs on overleaf; its rest (`Series, No.4, April 2006, p.39.`) printed after the next page's last body line, a heading, and a blank line, before its labelled notes",
    alsoHolds: ["no-text-added-to-body"],
  },
  {
    name: "folio-above-title",
    style: "bracket",
    seed: 161000001,
    index: 1,
    modes: ["default", "layout"],
    shape: "A4 pages with the folio at the head: the first page's folio printed above the title, and in -layout mode the title's running head and the folio on one line",
    alsoHolds: ["no-debris-leaked", "no-text-added-to-body"],
  },
  {
    name: "indented-paragraph-opens-like-citation",
    style: "circled",
    seed: 161000001,
    index: 2,
    modes: ["default", "layout"],
    shape: "-layout mode: a page that calls no note, whose paragraph after a heading opens like a citation (a name, then a title in 《》) on a first line indented by spaces and full but for the indent",
  },
  {
    name: "paragraph-opens-at-page-foot",
    style: "circled",
    seed: 157760001,
    index: 4,
    modes: ["default", "layout"],
    shape: "-layout mode: the page's last body line is a paragraph's indented first line opening like a citation, the page's labelled notes straight after it",
  },
  {
    name: "last-paragraph-above-blank-run",
    style: "circled",
    seed: 169000001,
    index: 13,
    modes: ["default", "layout"],
    shape:
      "-layout mode, a short text with form feeds and few indents (each after a heading): page 2's body ends on an indented paragraph of three lines, then a blank run, the tail of page 1's last note carried over and the page's labelled notes",
    alsoHolds: ["no-text-added-to-body"],
  },
  {
    name: "indented-paragraph-above-carried-note",
    style: "circled",
    seed: 169000001,
    index: 8,
    modes: ["default", "layout"],
    shape: "-layout mode: page 2's body ends on a one-line indented paragraph after a heading, then a blank run and the tail of page 1's last note carried over before the page's labelled notes",
    alsoHolds: ["no-text-added-to-body"],
  },
  {
    name: "page-tops-indented-below-running-head",
    style: "circled",
    seed: 177000001,
    index: 15,
    modes: ["layout"],
    shape:
      "-layout mode, 16K pages: three pages open on a paragraph's indent below the running head, and page 2 holds a paragraph of three lines, each ending a sentence, between two indented paragraphs",
    alsoHolds: ["no-text-added-to-body"],
  },
  {
    name: "one-line-paragraph-above-labelled-notes",
    style: "circled",
    seed: 177000001,
    index: 10,
    modes: ["layout"],
    shape: "-layout mode, A4 pages: page 1's body ends on a one-line indented paragraph after a finished sentence, the page's labelled notes straight after it",
    alsoHolds: ["no-text-added-to-body"],
  },
  {
    name: "raw-runs-bracket",
    style: "bracket",
    seed: 161000001,
    index: 1,
    modes: ["raw"],
    shape: "-raw mode: lines cut wherever the font changes (a line opening on `，` or `。`), note lines among the body's with their labels run in",
    alsoHolds: ["every-marker-found"],
  },
  {
    name: "raw-runs-circled",
    style: "circled",
    seed: 157760001,
    index: 5,
    modes: ["raw"],
    shape: "as above, circled markers: a note's `①` opening a line read among the body lines, the tail of a note cut at a `，`",
    alsoHolds: ["every-marker-found"],
  },
];
