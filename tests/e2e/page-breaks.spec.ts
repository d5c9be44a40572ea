import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { RelaxNgSchema } from "@/lib/exchange/validate-relax-ng";
import { readTeiPageBreaks } from "@/tests/fixtures/read-tei-page-breaks";
import { CHANGES_THE_SUITE_CORPUS, ingestTestEssay, removeTestEssay } from "./test-essays";

test.describe.configure({ lock: CHANGES_THE_SUITE_CORPUS });

/**
 * Pages that begin inside a paragraph, as the served exports write them: an essay ingested from a PDF (a typeset
 * fixture whose pages print folios 27 to 30) exports TEI with a pb at the character each page begins with, n its
 * folio and facs its page in the PDF the app serves; the DTS passage of such a paragraph holds the same pb; a
 * text essay's pb carries no number (its folios cannot be read reliably), and a pinpoint of words after the break
 * cites the page they stand on.
 */
const SLUG = "e2e-page-breaks";
const FIXTURE = path.resolve("tests/fixtures/pdf/circled-16k.pdf");
const dir = path.resolve("test-results", "page-breaks-corpus");
const TEXT_ESSAY = "xu-2023-global-cyberspace-governance";

interface ApiBlock {
  anchor: string;
  text: string;
  pageBreaks?: { offset: number; page: number; folio?: string }[];
  placement?: { folios: string[] };
}

async function paragraphsOf(request: APIRequestContext, slug: string): Promise<ApiBlock[]> {
  const response = await request.get(`/api/documents/${slug}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { paragraphs: ApiBlock[] }).paragraphs;
}

test.describe.configure({ mode: "serial" });

test.describe("page breaks inside paragraphs", () => {
  test.beforeAll(() => {
    removeTestEssay(SLUG);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "essay.pdf");
    fs.copyFileSync(FIXTURE, file);
    fs.writeFileSync(path.join(dir, "essay.manifest.json"), JSON.stringify({ slug: SLUG }));
    ingestTestEssay(file);
  });
  test.afterAll(() => removeTestEssay(SLUG));

  test("the TEI of a PDF essay breaks each page at its character, numbered by its folio, pointing to the served page", async ({ request, baseURL }) => {
    const paragraphs = (await paragraphsOf(request, SLUG)).filter((paragraph) => paragraph.pageBreaks !== undefined);
    expect(paragraphs.length).toBeGreaterThan(1);
    const response = await request.get(`/api/export/documents/${SLUG}/tei`);
    expect(response.status()).toBe(200);
    const xml = await response.text();
    const schema = RelaxNgSchema.fromText(fs.readFileSync("lib/exchange/tei-subset.rng", "utf8"));
    try {
      expect(schema.validate(xml)).toEqual({ valid: true, errors: [] });
    } finally {
      schema.dispose();
    }
    const read = readTeiPageBreaks(xml);
    for (const paragraph of paragraphs) {
      expect(read.get(paragraph.anchor), paragraph.anchor).toEqual(
        paragraph.pageBreaks!.map((pageBreak) => ({ offset: pageBreak.offset, n: pageBreak.folio, facs: `${baseURL}/api/documents/${SLUG}/pdf#page=${pageBreak.page}` })),
      );
      expect(paragraph.pageBreaks!.every((pageBreak) => /^(?:2[7-9]|30)$/u.test(pageBreak.folio ?? ""))).toBe(true);
    }
    // The facsimile a pb points to is served: the PDF, opened at the page by its fragment.
    const facs = read.get(paragraphs[0]!.anchor)![0]!.facs!;
    const pdf = await request.get(facs.replace(/#.*$/u, ""));
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
  });

  test("the DTS passage of a paragraph running over a page holds the same pb", async ({ request, baseURL }) => {
    const paragraph = (await paragraphsOf(request, SLUG)).find((candidate) => candidate.pageBreaks !== undefined)!;
    const response = await request.get(`/api/dts/document?resource=${encodeURIComponent(SLUG)}&ref=${encodeURIComponent(paragraph.anchor)}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/tei+xml");
    expect(readTeiPageBreaks(await response.text()).get(paragraph.anchor)).toEqual(
      paragraph.pageBreaks!.map((pageBreak) => ({ offset: pageBreak.offset, n: pageBreak.folio, facs: `${baseURL}/api/documents/${SLUG}/pdf#page=${pageBreak.page}` })),
    );
  });

  test("a text essay's pb stands at the character without a number; a pinpoint after a PDF page break cites that page", async ({ request }) => {
    const text = (await paragraphsOf(request, TEXT_ESSAY)).filter((paragraph) => paragraph.pageBreaks !== undefined);
    expect(text.length).toBeGreaterThan(5);
    const read = readTeiPageBreaks(await (await request.get(`/api/export/documents/${TEXT_ESSAY}/tei`)).text());
    for (const paragraph of text) {
      expect(read.get(paragraph.anchor), paragraph.anchor).toEqual(paragraph.pageBreaks!.map((pageBreak) => ({ offset: pageBreak.offset, n: null, facs: null })));
    }

    const paragraph = (await paragraphsOf(request, SLUG)).find((candidate) => candidate.pageBreaks?.length === 1 && candidate.text.length - candidate.pageBreaks[0]!.offset > 8)!;
    const [pageBreak] = paragraph.pageBreaks!;
    const quote = paragraph.text.slice(pageBreak!.offset, pageBreak!.offset + 8);
    const query = new URLSearchParams({ doc: SLUG, anchor: paragraph.anchor, format: "csl-json", q: quote });
    const pinpoint = await request.get(`/api/export/pinpoint?${query}`);
    expect(pinpoint.status()).toBe(200);
    const [item] = JSON.parse(await pinpoint.text()) as { page?: string }[];
    expect(item?.page).toBe(pageBreak!.folio);
  });
});
