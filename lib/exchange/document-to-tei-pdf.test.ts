import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { parsePdfDocument } from "@/lib/ingest/pdf/parse-pdf-document";
import type { DocumentStructure } from "@/lib/model/document-model";
import { foliosByPage } from "@/lib/reader/printed-page";
import { documentToTei } from "./document-to-tei";
import { RelaxNgSchema } from "./validate-relax-ng";

/**
 * An essay read from a PDF: its TEI's page breaks stand where each page begins and are numbered as the journal
 * printed them (the fixture's pages show folios 27 onwards), and the file stays valid against the subset schema.
 */
const root = fileURLToPath(new URL("../../", import.meta.url));
let document: DocumentStructure;
let schema: RelaxNgSchema;

beforeAll(async () => {
  schema = RelaxNgSchema.fromText(readFileSync(`${root}lib/exchange/tei-subset.rng`, "utf8"));
  document = await parsePdfDocument({ bytes: new Uint8Array(readFileSync(`${root}tests/fixtures/pdf/circled-16k.pdf`)), fileName: "circled-16k.pdf" });
});

describe("TEI of an essay read from a PDF", () => {
  it("breaks pages between the blocks where they begin, numbered by their folios", () => {
    const tei = documentToTei({
      document,
      provenance: { sourceFile: "circled-16k.pdf", sourceSha256: "0".repeat(64), correctionsSha256: null, pipelineVersion: "test" },
    });
    const folios = foliosByPage(document);
    const blocks = [...document.headings, ...document.paragraphs].map((block) => block.placement!.pages);
    // A page is broken between blocks when a block begins on it and no block runs over onto it (that break is
    // inside the block, unmarked); numbered by its folio.
    const pages = [...new Set(blocks.map(([first]) => first))]
      .filter((page) => !blocks.some(([first, last]) => first < page && page <= last))
      .sort((a, b) => a - b);
    expect(pages.length).toBeGreaterThan(1);
    const numbers = [...tei.matchAll(/<pb n="(\d+)"\/>/gu)].map((match) => match[1]);
    expect(numbers).toEqual(pages.map((page) => folios.get(page)));
    expect(numbers[0]).toBe("27");
    expect(tei).toContain("n is the page number printed on that page");
    expect(schema.validate(tei)).toEqual({ valid: true, errors: [] });
  });
});
