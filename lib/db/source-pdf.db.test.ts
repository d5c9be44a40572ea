import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestSources } from "@/lib/corpus/ingest-sources";
import type { DocumentStructure } from "@/lib/model/document-model";
import { createTestDatabase, type TestDatabase } from "@/tests/db/test-database";
import { getDocumentStructure } from "./get-document";
import { getSourcePdf } from "./get-source-pdf";
import { removeDocument } from "./remove-document";

/**
 * The PDF an essay was read from is kept with it, content-addressed: once for the same bytes (re-ingest is a
 * no-op, a second document made from the same bytes shares it), gone with the last document that refers to it;
 * every block's placement (pages, folios, boxes) comes back as the parser made it.
 */
const FIXTURE = path.join(process.cwd(), "tests", "fixtures", "pdf", "circled-16k.pdf");

let database: TestDatabase;
let dir: string;
let bytes: Uint8Array;
let sha256: string;

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "duizhao-source-pdf-"));
  bytes = new Uint8Array(await fs.readFile(FIXTURE));
  sha256 = createHash("sha256").update(bytes).digest("hex");
});
afterAll(async () => {
  await database.drop();
  await fs.rm(dir, { recursive: true, force: true });
});

/** The same PDF under another name, with a manifest giving it another slug. */
async function copyAs(stem: string): Promise<string> {
  const file = path.join(dir, `${stem}.pdf`);
  await fs.copyFile(FIXTURE, file);
  await fs.writeFile(path.join(dir, `${stem}.manifest.json`), JSON.stringify({ slug: stem }));
  return file;
}

async function ingestOk(file: string): Promise<{ draft: DocumentStructure; status: string }> {
  const [result] = await ingestSources(database.db, [{ path: file }]);
  if (!result?.ok) throw new Error(result ? result.error : "no result");
  return { draft: result.draft, status: result.outcome.status };
}

const storedPdfs = () => database.db.sourcePdf.findMany({ select: { sha256: true, byteCount: true, pageCount: true, pageSizes: true } });

describe("the kept PDF", () => {
  it("is stored once, with its pages, and every block's placement round-trips", async () => {
    const { draft } = await ingestOk(FIXTURE);
    const pdfs = await storedPdfs();
    expect(pdfs).toHaveLength(1);
    expect(pdfs[0]).toMatchObject({ sha256, byteCount: bytes.length, pageCount: draft.pageCount });
    const sizes = pdfs[0]!.pageSizes as { width: number; height: number }[];
    expect(sizes).toHaveLength(draft.pageCount);
    // 16K is 184 × 260 mm: 521.6 × 737 points.
    for (const size of sizes) {
      expect(size.width).toBeCloseTo(521.6, 0);
      expect(size.height).toBeCloseTo(737, 0);
    }

    const stored = await getDocumentStructure(draft.slug, database.db);
    expect(stored?.sourcePdf).toEqual({ sha256, pageCount: draft.pageCount });
    expect(draft.paragraphs.every((p) => p.placement !== undefined)).toBe(true);
    expect(draft.footnotes.some((n) => n.placement !== undefined)).toBe(true);
    expect(stored?.headings.map((h) => h.placement)).toEqual(draft.headings.map((h) => h.placement));
    expect(stored?.paragraphs.map((p) => p.placement)).toEqual(draft.paragraphs.map((p) => p.placement));
    expect(stored?.footnotes.map((n) => n.placement)).toEqual(draft.footnotes.map((n) => n.placement));

    const served = await getSourcePdf(draft.slug, {}, database.db);
    expect(served.status).toBe("found");
    if (served.status === "found") {
      expect(served.sha256).toBe(sha256);
      expect(Buffer.from(served.bytes).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  it("re-ingesting the same bytes writes nothing", async () => {
    const before = await database.db.sourcePdf.findUniqueOrThrow({ where: { sha256 }, select: { storedAt: true } });
    const { status } = await ingestOk(FIXTURE);
    expect(status).toBe("unchanged");
    const after = await database.db.sourcePdf.findUniqueOrThrow({ where: { sha256 }, select: { storedAt: true } });
    expect(after.storedAt).toEqual(before.storedAt);
  });

  it("is shared by two documents made from the same bytes, and removed with the last of them", async () => {
    const first = (await getDocumentStructure("circled-16k", database.db))!;
    const copy = await ingestOk(await copyAs("circled-16k-copy"));
    expect(copy.status).toBe("created");
    expect(await storedPdfs()).toHaveLength(1);

    expect(await removeDocument(first.slug, database.db)).toBe(true);
    expect((await storedPdfs()).map((pdf) => pdf.sha256)).toEqual([sha256]);
    expect((await getSourcePdf(copy.draft.slug, {}, database.db)).status).toBe("found");

    expect(await removeDocument(copy.draft.slug, database.db)).toBe(true);
    expect(await storedPdfs()).toEqual([]);
  });

  it("goes when its document is re-ingested from a text, and the document says it has none", async () => {
    const file = await copyAs("turned-text");
    const { draft } = await ingestOk(file);
    expect(await storedPdfs()).toHaveLength(1);
    // The same slug now read from a text: the PDF nothing refers to any more is removed in the same load.
    await fs.rm(file);
    const text = path.join(dir, "turned-text.txt");
    await fs.writeFile(text, `${draft.title}\n\n一、引言\n\n　　这是一段从文本读入的正文。\n`);
    expect((await ingestOk(text)).status).toBe("replaced");
    expect(await storedPdfs()).toEqual([]);
    const stored = await getDocumentStructure("turned-text", database.db);
    expect(stored?.sourcePdf).toBeUndefined();
    expect(stored?.paragraphs.every((p) => p.placement === undefined)).toBe(true);
    const served = await getSourcePdf("turned-text", {}, database.db);
    expect(served).toEqual({ status: "no-pdf", sourceFile: "turned-text.txt" });
    expect(await getSourcePdf("no-such-essay", {}, database.db)).toEqual({ status: "no-document" });
  });

  it("does not read the bytes again for a client that has them", async () => {
    const { draft } = await ingestOk(FIXTURE);
    const known = await getSourcePdf(draft.slug, { knownSha256: sha256 }, database.db);
    expect(known).toEqual({ status: "found", sha256, bytes: new Uint8Array() });
  });
});
