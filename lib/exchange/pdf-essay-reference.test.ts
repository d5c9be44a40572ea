import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { pinpointCslItem, printedPagesOfPlacement } from "@/lib/citations/export-pinpoint";
import { parsePdfDocument } from "@/lib/ingest/pdf/parse-pdf-document";
import type { DocumentStructure } from "@/lib/model/document-model";
import { citationMetaTags } from "./citation-meta-tags";
import { documentReference, exportDocumentReference } from "./document-reference";

/**
 * An essay read from a PDF is cited by the journal's page numbers: its reference's first and last page, its
 * Highwire tags (with the kept PDF's address), and a pinpoint citation of one paragraph. The fixture is
 * typeset on pages printing folios 27 to 30.
 */
const root = fileURLToPath(new URL("../../", import.meta.url));
let document: DocumentStructure;

beforeAll(async () => {
  document = await parsePdfDocument({ bytes: new Uint8Array(readFileSync(`${root}tests/fixtures/pdf/circled-16k.pdf`)), fileName: "circled-16k.pdf" });
});

describe("an essay read from a PDF, as a reference", () => {
  it("gives the journal's first and last page", () => {
    expect(documentReference(document).pages).toEqual({ first: "27", last: "30" });
    expect(exportDocumentReference(documentReference(document), "ris", "https://example.org/read/x").body).toMatch(/^SP {2}- 27-30\r?$/mu);
  });

  it("gives Highwire's first and last page, and the PDF's address when it is kept", () => {
    const tags = citationMetaTags(documentReference(document), { pdfUrl: "https://example.org/api/documents/circled-16k/pdf" });
    expect(tags).toContainEqual(["citation_firstpage", "27"]);
    expect(tags).toContainEqual(["citation_lastpage", "30"]);
    expect(tags).toContainEqual(["citation_pdf_url", "https://example.org/api/documents/circled-16k/pdf"]);
  });

  it("cites a paragraph at its own printed page, and one running over a page at both", () => {
    const pages = document.paragraphs.map((paragraph) => printedPagesOfPlacement(paragraph.placement));
    expect(pages).toContain("27");
    expect(pages.some((page) => page !== null && /^\d+-\d+$/u.test(page))).toBe(true);
    const paragraph = document.paragraphs.find((p) => p.placement?.pages[0] === 2 && p.placement.pages[1] === 2)!;
    const item = pinpointCslItem({ document, page: printedPagesOfPlacement(paragraph.placement), url: "https://example.org/read/x#p" });
    expect(item.page).toBe("28");
  });

  it("gives no page for a block whose pages do not all print a folio", () => {
    expect(printedPagesOfPlacement({ pages: [3, 4], folios: ["29"], boxes: [] })).toBeNull();
    expect(printedPagesOfPlacement(undefined)).toBeNull();
  });
});
