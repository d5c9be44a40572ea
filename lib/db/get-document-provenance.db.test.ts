import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentToTei } from "@/lib/exchange/document-to-tei";
import { RelaxNgSchema } from "@/lib/exchange/validate-relax-ng";
import type { DocumentStructure } from "@/lib/model/document-model";
import { createTestDatabase, type TestDatabase } from "@/tests/db/test-database";
import { getDocumentStructure } from "./get-document";
import { getDocumentProvenance } from "./get-document-provenance";
import { loadDocument } from "./load-document";

const SHA = "a".repeat(64);
const CORRECTIONS_SHA = "b".repeat(64);

function draft(slug: string, paragraphs: string[]): DocumentStructure {
  return {
    slug,
    title: `${slug} 标题`,
    authors: ["徐龙第"],
    journal: "欧洲研究",
    issue: "2023年第6期",
    date: "2023",
    abstract: null,
    pageCount: 1,
    headings: [{ anchor: "h-1", level: 1, label: "一", text: "网络主权", markers: [], sourceLines: [1, 1], correction: null }],
    paragraphs: paragraphs.map((text, i) => ({ anchor: `p-${i}`, headingAnchor: "h-1", text, markers: [], sourceLines: [3 + i, 3 + i], correction: null })),
    footnotes: [],
    fragments: [],
    debris: [],
    warnings: [],
    corrections: [],
  };
}

describe("getDocumentProvenance", () => {
  let database: TestDatabase;
  const before = Date.now();
  const PARAGRAPHS = ["我们认为，网络主权是国家主权在网络空间的自然延伸。", "各国应当尊重网络主权、维护和平安全、促进开放合作、构建良好秩序。"];

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDocument(
      draft("with-corrections", PARAGRAPHS),
      { sourceFile: "corpus/with-corrections.txt", sourceSha256: SHA, parserVersion: "pipeline-1", manifest: null, correctionsSha256: CORRECTIONS_SHA },
      database.db,
    );
    await loadDocument(draft("plain", ["数字鸿沟依然存在。"]), { sourceFile: "plain.txt", sourceSha256: SHA, parserVersion: "pipeline-1", manifest: null }, database.db);
  });
  afterAll(async () => database.drop());

  it("is null for a slug no document has", async () => {
    expect(await getDocumentProvenance("no-such-document", database.db)).toBeNull();
  });

  it("gives the ingest's provenance as stored: file, SHA-256s, pipeline version, when", async () => {
    const withCorrections = await getDocumentProvenance("with-corrections", database.db);
    expect(withCorrections?.provenance).toMatchObject({
      sourceFile: "corpus/with-corrections.txt",
      sourceSha256: SHA,
      correctionsSha256: CORRECTIONS_SHA,
      pipelineVersion: "pipeline-1",
    });
    const ingestedAt = Date.parse(withCorrections!.provenance.ingestedAt!);
    expect(ingestedAt).toBeGreaterThanOrEqual(before - 60_000);
    expect(ingestedAt).toBeLessThanOrEqual(Date.now() + 60_000);
    expect((await getDocumentProvenance("plain", database.db))?.provenance.correctionsSha256).toBeNull();
  });

  it("gives the document's mentions only, each on its words, a member item's under the member's id", async () => {
    const { mentions } = (await getDocumentProvenance("with-corrections", database.db))!;
    const texts = new Map([["h-1", "网络主权"], ...PARAGRAPHS.map((text, i) => [`p-${i}`, text] as [string, string])]);
    expect(mentions.length).toBeGreaterThan(0);
    for (const mention of mentions) {
      expect(texts.has(mention.blockAnchor)).toBe(true);
      expect(mention.end).toBeGreaterThan(mention.start);
      expect(mention.end).toBeLessThanOrEqual(texts.get(mention.blockAnchor)!.length);
    }
    const sovereignty = mentions.filter((m) => m.conceptId === "cyber-sovereignty");
    expect(sovereignty.map((m) => texts.get(m.blockAnchor)!.slice(m.start, m.end))).toContain("网络主权");
    // 尊重网络主权 in the enumeration of the four principles is the member item's mention, not the compound's.
    const member = mentions.find((m) => m.conceptId === "respect-cyber-sovereignty");
    expect(member && texts.get(member.blockAnchor)!.slice(member.start, member.end)).toContain("尊重网络主权");
    // The other document (its heading 网络主权, its paragraph 数字鸿沟依然存在) has none of the four principles.
    const plain = (await getDocumentProvenance("plain", database.db))!.mentions;
    expect(new Set(plain.map((m) => m.conceptId))).toEqual(new Set(["cyber-sovereignty", "digital-divide"]));
    expect(plain.find((m) => m.conceptId === "digital-divide")).toMatchObject({ blockAnchor: "p-0", start: 0, end: 4 });
  });

  it("with the document as stored, makes a TEI file the subset's schema accepts, mentions marked", async () => {
    const schema = RelaxNgSchema.fromText(readFileSync(fileURLToPath(new URL("../exchange/tei-subset.rng", import.meta.url)), "utf8"));
    try {
      const [document, stored] = await Promise.all([getDocumentStructure("with-corrections", database.db), getDocumentProvenance("with-corrections", database.db)]);
      const xml = documentToTei({ document: document!, provenance: stored!.provenance, concepts: { mentions: stored!.mentions, href: (id) => `https://duizhao.example.org/concepts/${id}` } });
      expect(schema.validate(xml)).toEqual({ valid: true, errors: [] });
      expect(xml).toContain('<term ref="https://duizhao.example.org/concepts/respect-cyber-sovereignty">');
      expect(xml).toContain(`<idno type="sha256">${SHA}</idno>`);
      expect(xml).toContain(`<idno type="corrections-sha256">${CORRECTIONS_SHA}</idno>`);
      expect(xml).toContain("<idno type=\"file\">with-corrections.txt</idno>");
    } finally {
      schema.dispose();
    }
  });
});
