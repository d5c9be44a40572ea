import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/db/test-database";
import { sampleDraft, sampleSource } from "@/tests/db/fixtures/sample-draft";
import { flipEvidence, listPassageLinks, type PassageLinks } from "./list-passage-links";
import { loadDocument } from "./load-document";

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

  it("finds the links stored between the two documents", async () => {
    const [a, b] = await Promise.all(["essay-a", "essay-b"].map((slug) => database.db.document.findUniqueOrThrow({ where: { slug }, select: { id: true } })));
    const stored = await database.db.passageLink.count({
      where: { OR: [{ leftDocumentId: a?.id, rightDocumentId: b?.id }, { leftDocumentId: b?.id, rightDocumentId: a?.id }] },
    });
    const forward = links(await listPassageLinks({ left: "essay-a", right: "essay-b" }, database.db));
    expect(stored).toBeGreaterThan(0);
    expect(forward.links).toHaveLength(stored);
    expect(forward.counts.shared_passage).toBeGreaterThan(0);
    expect(forward.counts.shared_passage + forward.counts.shared_source + forward.counts.concept_overlap).toBe(stored);
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
    // Which side the rows are stored on is the loader's business; one of the two answers must be a flip.
    const storedLeft = await database.db.passageLink.findFirstOrThrow({ select: { leftDocument: { select: { slug: true } } } });
    expect(["essay-a", "essay-b"]).toContain(storedLeft.leftDocument.slug);
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
