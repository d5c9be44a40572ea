import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { LayoutTruth } from "@/tests/layout-simulator/layout-truth";
import { pdfWithEscapedJavaScript } from "@/tests/pdf-typesetter/hand-made-pdfs";
import { scorePdf } from "@/tests/pdf-typesetter/pdf-case";
import { IngestError } from "../ingest-error";
import { formatQualityReport } from "../quality-report";
import { parsePdfDocument } from "./parse-pdf-document";
import { MAX_PDF_BYTES } from "./read-pdf-text";

/**
 * The committed test PDFs (tests/fixtures/pdf, made by tests/pdf-typesetter/make-pdf-fixtures.ts): typeset
 * documents parse to exactly what was printed; bad PDFs are refused with their own code and one line.
 */

const FIXTURES = path.join(import.meta.dirname, "..", "..", "..", "tests", "fixtures", "pdf");
const read = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
const TYPESET = ["circled-16k", "bracket-a4", "bracket-a5"];

describe("parsePdfDocument on typeset PDFs", () => {
  for (const name of TYPESET) {
    it(`${name}: no wrong attachment, no body text lost or added, every note and paragraph`, async () => {
      const truth = JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.truth.json`), "utf8")) as LayoutTruth;
      const outcome = await scorePdf(read(`${name}.pdf`), truth);
      expect(outcome.error).toBeNull();
      expect(outcome.violations).toEqual([]);
      expect(outcome.draft!.warnings).toEqual([]);
      const score = outcome.score!;
      expect(score.notes.attachedRight).toBe(score.notes.attachable);
      expect(score.paragraphs.exact).toBe(score.paragraphs.truth);
      expect(score.paragraphs.draft).toBe(score.paragraphs.truth);
      expect(score.urls.found).toBe(score.urls.truth);
    });
  }

  it("keeps each block's pages, printed page numbers and line boxes", async () => {
    const draft = await parsePdfDocument({ bytes: read("circled-16k.pdf"), fileName: "circled-16k.pdf" });
    const truth = JSON.parse(fs.readFileSync(path.join(FIXTURES, "circled-16k.truth.json"), "utf8")) as LayoutTruth;
    expect(draft.pageCount).toBe(truth.pages.length);
    for (const block of [...draft.headings, ...draft.paragraphs, ...draft.footnotes]) {
      expect(block.placement).toBeDefined();
      const [first, last] = block.placement!.pages;
      // The fixture's folios start at 27 on page 1.
      expect(block.placement!.folios).toEqual(Array.from({ length: last - first + 1 }, (_, k) => String(26 + first + k)));
      expect(block.placement!.boxes.length).toBeGreaterThan(0);
    }
    for (const note of draft.footnotes) expect(note.placement!.pages).toEqual([note.page, note.page]);
    // Markers restart on each page: the page of every note is the page its truth was printed on.
    expect(draft.footnotes.map((n) => `${n.page}${n.label}`)).toEqual(truth.markers.map((m) => `${m.page}${m.label}`));
  });
});

describe("the quality report of a PDF", () => {
  it("names the PDF page and the printed page of what a warning points at", async () => {
    const draft = await parsePdfDocument({ bytes: read("circled-16k.pdf"), fileName: "circled-16k.pdf" });
    const paragraph = draft.paragraphs.find((p) => p.placement!.pages[0] === 2 && p.placement!.pages[1] === 2)!;
    const report = formatQualityReport({ ...draft, warnings: [{ code: "test", message: "a warning", sourceLines: paragraph.sourceLines }] });
    expect(report).toContain(`(PDF p. 2, printed p. 28): a warning`);
  });
});

describe("parsePdfDocument refuses bad PDFs with one line", () => {
  const refusal = async (bytes: Uint8Array, options: { maxBytes?: number } = {}) => {
    try {
      await parsePdfDocument({ bytes, fileName: "bad.pdf", ...options });
    } catch (error) {
      expect(error).toBeInstanceOf(IngestError);
      expect((error as Error).message).not.toContain("\n");
      return error as IngestError;
    }
    throw new Error("not refused");
  };
  it("encrypted", async () => expect((await refusal(read("bad-encrypted.pdf"))).code).toBe("encrypted"));
  it("image-only: says it needs OCR", async () => {
    const error = await refusal(read("bad-image-only.pdf"));
    expect(error.code).toBe("no-text-layer");
    expect(error.message).toMatch(/OCR/u);
  });
  it("damaged or truncated", async () => expect((await refusal(read("bad-truncated.pdf"))).code).toBe("damaged"));
  it("not a PDF at all", async () => expect((await refusal(new TextEncoder().encode("%PD not really"))).code).toBe("damaged"));
  it("with embedded JavaScript, which is never run", async () => expect((await refusal(read("bad-scripted.pdf"))).code).toBe("scripted"));
  it("with JavaScript whose names are escaped (`/Java#53cript`), found by pdf.js's reading of the actions", async () => {
    const bytes = pdfWithEscapedJavaScript();
    expect(new TextDecoder("latin1").decode(bytes)).not.toMatch(/\/(?:JavaScript|JS)\b/u);
    expect((await refusal(bytes)).code).toBe("scripted");
  });
  it("over the size limit, before reading it", async () => {
    expect((await refusal(read("circled-16k.pdf"), { maxBytes: 100_000 })).code).toBe("too-large");
    expect((await refusal(new Uint8Array(MAX_PDF_BYTES + 1))).code).toBe("too-large");
  });
});
