import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { parsePdfDocument } from "@/lib/ingest/pdf/parse-pdf-document";
import type { DocumentStructure } from "@/lib/model/document-model";
import { foliosByPage } from "@/lib/reader/printed-page";
import { readTeiPageBreaks } from "@/tests/fixtures/read-tei-page-breaks";
import { documentToTei } from "./document-to-tei";
import { RelaxNgSchema } from "./validate-relax-ng";

/**
 * An essay read from a PDF: its TEI's page breaks stand where each page begins, between blocks or inside one at
 * the character, and are numbered as the journal printed them (the fixture's pages show folios 27 onwards), and
 * the file stays valid against the subset schema.
 */
const root = fileURLToPath(new URL("../../", import.meta.url));
let document: DocumentStructure;
let schema: RelaxNgSchema;

beforeAll(async () => {
  schema = RelaxNgSchema.fromText(readFileSync(`${root}lib/exchange/tei-subset.rng`, "utf8"));
  document = await parsePdfDocument({ bytes: new Uint8Array(readFileSync(`${root}tests/fixtures/pdf/circled-16k.pdf`)), fileName: "circled-16k.pdf" });
});

describe("TEI of an essay read from a PDF", () => {
  it("breaks pages between the blocks where they begin, and inside the blocks that run over, numbered by their folios", () => {
    const tei = documentToTei({
      document,
      provenance: { sourceFile: "circled-16k.pdf", sourceSha256: "0".repeat(64), correctionsSha256: null, pipelineVersion: "test" },
    });
    const folios = foliosByPage(document);
    const blocks = [...document.headings, ...document.paragraphs].map((block) => block.placement!.pages);
    // A page is broken between blocks when a block begins on it and no block runs over onto it; numbered by its folio.
    const pages = [...new Set(blocks.map(([first]) => first))]
      .filter((page) => !blocks.some(([first, last]) => first < page && page <= last))
      .sort((a, b) => a - b);
    expect(pages.length).toBeGreaterThan(1);
    const between = [...tei.matchAll(/\n\s*<pb n="(\d+)"\/>/gu)].map((match) => match[1]);
    expect(between).toEqual(pages.map((page) => folios.get(page)));
    expect(between[0]).toBe("27");
    // The pages a block runs over onto begin inside it: every page of the essay is broken once, in order.
    const all = [...tei.matchAll(/<pb n="(\d+)"\/>/gu)].map((match) => match[1]);
    expect(all).toEqual(Array.from({ length: document.pageCount }, (_, k) => folios.get(k + 1)));
    expect(all.length).toBeGreaterThan(between.length);
    // At the character: in each paragraph, the text before each pb (notes left out) is the model's up to the break.
    const inside = readTeiPageBreaks(tei);
    for (const paragraph of document.paragraphs) {
      expect(inside.get(paragraph.anchor) ?? [], paragraph.anchor).toEqual((paragraph.pageBreaks ?? []).map((b) => ({ offset: b.offset, n: b.folio, facs: null })));
    }
    expect([...inside.values()].flat().length).toBe(all.length - between.length);
    expect(tei).toContain("n is the page number printed on that page");
    expect(schema.validate(tei)).toEqual({ valid: true, errors: [] });
  });

  it("points each page break to its page in the kept PDF", () => {
    const tei = documentToTei({
      document,
      provenance: { sourceFile: "circled-16k.pdf", sourceSha256: "0".repeat(64), correctionsSha256: null, pipelineVersion: "test" },
      facsimile: (page) => `https://duizhao.example/api/documents/circled-16k/pdf#page=${page}`,
    });
    const facs = [...tei.matchAll(/<pb n="\d+" facs="([^"]+)"\/>/gu)].map((match) => match[1]);
    expect(facs).toEqual(Array.from({ length: document.pageCount }, (_, k) => `https://duizhao.example/api/documents/circled-16k/pdf#page=${k + 1}`));
    expect(schema.validate(tei)).toEqual({ valid: true, errors: [] });
  });
});
