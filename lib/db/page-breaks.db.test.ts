import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportPinpoint } from "@/app/api/export/pinpoint/route";
import { ingestSources } from "@/lib/corpus/ingest-sources";
import type { DocumentStructure } from "@/lib/model/document-model";
import { createTestDatabase, type TestDatabase } from "@/tests/db/test-database";
import { getDocumentStructure } from "./get-document";

/**
 * The pages that begin inside a heading, paragraph or note are stored with the block and come back as the parser
 * made them (offset, page, and the folio where a PDF printed one); a block without any has no key, and a column
 * that does not fit the model (an older row, one written by hand) is left out rather than trusted.
 */
const TEXT = path.join(process.cwd(), "corpus", "000_1322acf3015bdc34.txt");
const PDF = path.join(process.cwd(), "tests", "fixtures", "pdf", "bracket-a4.pdf");

let database: TestDatabase;
let previousUrl: string | undefined;
beforeAll(async () => {
  database = await createTestDatabase();
  // The routes use the app's client, which reads DATABASE_URL.
  previousUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = database.url;
});
afterAll(async () => {
  process.env.DATABASE_URL = previousUrl;
  await database.drop();
});

async function ingestOk(file: string): Promise<DocumentStructure> {
  const [result] = await ingestSources(database.db, [{ path: file }]);
  if (!result?.ok) throw new Error(result ? result.error : "no result");
  return result.draft;
}

const breaksOf = (document: DocumentStructure | null) =>
  document === null ? null : [...document.headings, ...document.paragraphs, ...document.footnotes].map((block) => [block.anchor, block.pageBreaks]);

describe("page breaks inside blocks", () => {
  it("round-trip for an extracted text (pages as the layout counts them, no folios) and a PDF (with folios)", async () => {
    for (const file of [TEXT, PDF]) {
      const draft = await ingestOk(file);
      const inside = draft.paragraphs.filter((p) => p.pageBreaks !== undefined);
      expect(inside.length).toBeGreaterThan(1);
      expect(inside.every((p) => p.pageBreaks!.every((b) => (file === PDF) === (b.folio !== undefined)))).toBe(true);
      const stored = await getDocumentStructure(draft.slug, database.db);
      expect(breaksOf(stored)).toEqual(breaksOf(draft));
      expect(stored!.paragraphs.filter((p) => !("pageBreaks" in p))).toHaveLength(draft.paragraphs.length - inside.length);
    }
  });

  it("leaves out a stored column that does not fit the model", async () => {
    const draft = await ingestOk(TEXT);
    const paragraph = draft.paragraphs.find((p) => p.pageBreaks !== undefined)!;
    const where = { documentId_anchor: { documentId: (await database.db.document.findUniqueOrThrow({ where: { slug: draft.slug }, select: { id: true } })).id, anchor: paragraph.anchor } };
    for (const malformed of [[{ offset: -1, page: 2 }], [], "page 2", [{ offset: 3 }]]) {
      await database.db.paragraph.update({ where, data: { pageBreaks: malformed } });
      const stored = await getDocumentStructure(draft.slug, database.db);
      expect(stored!.paragraphs.find((p) => p.anchor === paragraph.anchor)).not.toHaveProperty("pageBreaks");
    }
  });

  it("cite a selection at the page it stands on when its paragraph runs over a page", async () => {
    const draft = await ingestOk(PDF);
    const paragraph = draft.paragraphs.find((p) => p.pageBreaks?.length === 1 && p.pageBreaks[0]!.offset > 10 && p.text.length - p.pageBreaks[0]!.offset > 10)!;
    const [pageBreak] = paragraph.pageBreaks!;
    const firstFolio = paragraph.placement!.folios[0]!;
    expect(pageBreak!.folio).not.toBe(firstFolio);
    const pageOf = async (quote?: string) => {
      const query = new URLSearchParams({ doc: draft.slug, anchor: paragraph.anchor, format: "csl-json", ...(quote ? { q: quote } : {}) });
      const response = await exportPinpoint(new Request(`http://duizhao.test/api/export/pinpoint?${query}`));
      expect(response.status).toBe(200);
      const [item] = (await response.json()) as { page?: string }[];
      return item?.page;
    };
    const at = pageBreak!.offset;
    // The whole paragraph: both its pages; a selection after the break: the new page; before it: the first;
    // across it: both.
    expect(await pageOf()).toBe(`${firstFolio}-${pageBreak!.folio}`);
    expect(await pageOf(paragraph.text.slice(at, at + 8))).toBe(pageBreak!.folio);
    expect(await pageOf(paragraph.text.slice(at - 8, at))).toBe(firstFolio);
    expect(await pageOf(paragraph.text.slice(at - 4, at + 4))).toBe(`${firstFolio}-${pageBreak!.folio}`);
  });
});
