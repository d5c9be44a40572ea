import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/db/test-database";
import { sampleDraft, sampleSource } from "@/tests/db/fixtures/sample-draft";
import { flipEvidence, listLinkCandidates, listPassageLinks, type PassageLinks } from "./list-passage-links";
import { loadDocument } from "./load-document";
import { removeDocument } from "./remove-document";

function links(result: Awaited<ReturnType<typeof listPassageLinks>>): PassageLinks {
  if ("missing" in result) throw new Error(`missing documents: ${result.missing.join(", ")}`);
  return result;
}

describe("listPassageLinks", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    // Two copies of one essay: they share passages and the cited source, so links of several kinds exist.
    await loadDocument(sampleDraft({ slug: "essay-a" }), { ...sampleSource, manifest: null }, database.db);
    await loadDocument(sampleDraft({ slug: "essay-b" }), { ...sampleSource, sourceFile: "b.txt", sourceSha256: "b".repeat(64), manifest: null }, database.db);
    // essay-c's second paragraph shares words with essay-a's at other offsets, so a missed flip shows.
    await loadDocument(sampleDraft({ slug: "essay-c", secondParagraph: "各国应当携手共同构建网络空间命运共同体，这是大势所趋。" }), {
      ...sampleSource,
      sourceFile: "c.txt",
      sourceSha256: "c".repeat(64),
      manifest: null,
    }, database.db);
  });
  afterAll(async () => database.drop());

  it("names as candidates every document it has links with, and not one that shares nothing", async () => {
    const unrelated = sampleDraft({ slug: "essay-d" });
    unrelated.paragraphs = unrelated.paragraphs.map((p, i) => ({ ...p, text: ["今天天气很好，我们去公园散步吧。", "晚饭吃了面条和饺子，味道不错。", "明天要早起。"][i]! }));
    unrelated.footnotes = [];
    unrelated.paragraphs = unrelated.paragraphs.map((p) => ({ ...p, markers: [] }));
    await loadDocument(unrelated, { ...sampleSource, sourceFile: "d.txt", sourceSha256: "d".repeat(64), manifest: null }, database.db);
    try {
      const slugs = ["essay-a", "essay-b", "essay-c", "essay-d"];
      for (const slug of slugs) {
        const candidates = await listLinkCandidates(slug, database.db);
        for (const other of slugs.filter((s) => s !== slug)) {
          const linked = links(await listPassageLinks({ left: slug, right: other }, database.db)).links.length > 0;
          if (linked) expect(candidates).toContain(other);
        }
      }
      expect((await listLinkCandidates("essay-a", database.db)).sort()).toEqual(["essay-b", "essay-c"]);
      expect(await listLinkCandidates("essay-d", database.db)).toEqual([]);
    } finally {
      await removeDocument("essay-d", database.db);
    }
  });

  it("derives the links between the two documents from what each contributes, nothing stored per pair", async () => {
    const forward = links(await listPassageLinks({ left: "essay-a", right: "essay-b" }, database.db));
    expect(forward.counts.shared_passage).toBeGreaterThan(0);
    // The copies cite the same work from the same place.
    expect(forward.counts.shared_source).toBe(1);
    expect(forward.links.find((l) => l.kind === "shared_source")).toMatchObject({
      left: { anchor: "p-00000001", start: 20, end: 20 },
      right: { anchor: "p-00000001", start: 20, end: 20 },
      evidence: { title: "网络主权：理论与实践", leftNote: "n-00000001", rightCitation: "n-00000001-c1" },
    });
    expect(forward.counts.shared_passage + forward.counts.shared_source + forward.counts.concept_overlap).toBe(forward.links.length);
    expect(new Set(forward.links.map((l) => l.id)).size).toBe(forward.links.length);
    const tables = await database.db.$queryRaw<{ name: string }[]>`select table_name as name from information_schema.tables where table_name ilike '%link%'`;
    expect(tables).toEqual([]);
  });

  it("says how many documents of the corpus hold each shared passage, and lists the rarer first", async () => {
    const passages = links(await listPassageLinks({ left: "essay-a", right: "essay-b", kind: "shared_passage" }, database.db)).links;
    const holding = (words: string) => passages.find((l) => (l.evidence as { leftText: string }).leftText.includes(words))?.corpusDocuments;
    // essay-c's first paragraph is the copies' too; its second words theirs otherwise.
    expect(holding("国家主权在网络空间的自然延伸")).toBe(3);
    expect(holding("各国应当共同构建")).toBe(2);
    const order = passages.map((l) => l.corpusDocuments!);
    expect(order).toEqual([...order].sort((x, y) => x - y));
  });

  it("flips links, evidence included, when asked the other way round", async () => {
    const forward = links(await listPassageLinks({ left: "essay-a", right: "essay-c" }, database.db));
    const backward = links(await listPassageLinks({ left: "essay-c", right: "essay-a" }, database.db));
    expect(backward.left.slug).toBe("essay-c");
    expect(forward.links.length).toBeGreaterThan(0);
    expect(backward.links.map((l) => l.id).sort()).toEqual(forward.links.map((l) => l.id).sort());
    for (const link of forward.links) {
      const mirrored = backward.links.find((l) => l.id === link.id);
      expect(mirrored?.left).toEqual(link.right);
      expect(mirrored?.right).toEqual(link.left);
      expect(mirrored?.evidence).toEqual(flipEvidence(link.evidence));
    }
  });

  it("keeps each side's offsets and words on the side they come from", async () => {
    const blockTexts = async (slug: string) => {
      const where = { document: { slug } };
      const select = { anchor: true, text: true } as const;
      const blocks = [
        ...(await database.db.heading.findMany({ where, select })),
        ...(await database.db.paragraph.findMany({ where, select })),
        ...(await database.db.footnote.findMany({ where, select })),
      ];
      return new Map(blocks.map((b) => [b.anchor, b.text]));
    };
    for (const [left, right] of [["essay-a", "essay-c"], ["essay-c", "essay-a"]] as const) {
      const leftTexts = await blockTexts(left);
      const rightTexts = await blockTexts(right);
      const result = links(await listPassageLinks({ left, right, kind: "shared_passage" }, database.db));
      expect(result.links.some((l) => l.left.start !== l.right.start)).toBe(true);
      for (const link of result.links) {
        const evidence = link.evidence as { leftText: string; rightText: string };
        expect(leftTexts.get(link.left.anchor)?.slice(link.left.start ?? 0, link.left.end ?? 0)).toBe(evidence.leftText);
        expect(rightTexts.get(link.right.anchor)?.slice(link.right.start ?? 0, link.right.end ?? 0)).toBe(evidence.rightText);
      }
    }
  });

  it("filters by kind", async () => {
    const onlySources = links(await listPassageLinks({ left: "essay-b", right: "essay-a", kind: "shared_source" }, database.db));
    expect(onlySources.links.every((l) => l.kind === "shared_source")).toBe(true);
    expect(onlySources.counts.shared_passage).toBe(0);
  });

  it("names the documents that do not exist", async () => {
    expect(await listPassageLinks({ left: "essay-a", right: "nowhere" }, database.db)).toEqual({ missing: ["nowhere"] });
  });
});

describe("flipEvidence", () => {
  it("swaps the side named in each key and leaves values and other keys alone", () => {
    expect(flipEvidence({ leftText: "甲", rightText: "乙", hanChars: 12, rankInLeft: 1, rankInRight: 3, leftover: true })).toEqual({
      rightText: "甲",
      leftText: "乙",
      hanChars: 12,
      rankInRight: 1,
      rankInLeft: 3,
      leftover: true,
    });
    expect(flipEvidence(["left"])).toEqual(["left"]);
    expect(flipEvidence(null)).toBeNull();
  });
});
