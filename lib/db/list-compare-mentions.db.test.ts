import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentStructure } from "@/lib/model/document-model";
import { createTestDatabase, type TestDatabase } from "@/tests/db/test-database";
import { listCompareMentions } from "./list-compare-mentions";
import { loadDocument } from "./load-document";

function draft(slug: string, paragraphs: string[], heading = "第一部分"): DocumentStructure {
  return {
    slug,
    title: slug,
    authors: [],
    journal: null,
    issue: null,
    date: "2023",
    abstract: null,
    pageCount: 1,
    headings: [{ anchor: `h-${slug}`, level: 1, label: "一", text: heading, markers: [], sourceLines: [1, 1], correction: null }],
    paragraphs: paragraphs.map((text, i) => ({ anchor: `p-${slug}-${i}`, headingAnchor: `h-${slug}`, text, markers: [], sourceLines: [3 + i * 2, 3 + i * 2], correction: null })),
    footnotes: [],
    fragments: [],
    debris: [],
    warnings: [],
    corrections: [],
  };
}

describe("listCompareMentions", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    const source = (file: string) => ({ sourceFile: file, sourceSha256: file.padEnd(64, "0").slice(0, 64), parserVersion: "t", manifest: null });
    await loadDocument(draft("one", ["我们认为，网络主权是国家主权在网络空间的自然延伸。", "各国应当尊重网络主权、维护和平安全、促进开放合作、构建良好秩序。"], "网络主权"), source("one.txt"), database.db);
    await loadDocument(draft("two", ["数字鸿沟依然存在。"]), source("two.txt"), database.db);
    await loadDocument(draft("three", ["数字鸿沟与网络霸权。"]), source("three.txt"), database.db);
  });
  afterAll(async () => database.drop());

  it("gives each side its own mentions, headings included, with member items under their compound", async () => {
    const result = await listCompareMentions({ left: "one", right: "two" }, database.db);
    const leftOf = (concept: string) => result.left.filter((m) => m.conceptId === concept);
    expect(leftOf("cyber-sovereignty").map((m) => m.anchor).sort()).toEqual(["h-one", "p-one-0", "p-one-1"]);
    const heading = leftOf("cyber-sovereignty").find((m) => m.blockKind === "heading");
    expect(heading).toMatchObject({ start: 0, end: 4, member: null });
    const items = leftOf("four-principles").filter((m) => m.member !== null);
    expect(items).toHaveLength(4);
    expect(leftOf("four-principles").filter((m) => m.member === null)).toHaveLength(1);
    expect(result.members.map((m) => m.id)).toContain("respect-cyber-sovereignty");
    expect(result.right.map((m) => m.conceptId)).toEqual(["digital-divide"]);
    expect(result.right.every((m) => m.anchor.startsWith("p-two"))).toBe(true);
  });

  it("lists each side's every stored mention, in place order (anchor, offset), the same on every call", async () => {
    const result = await listCompareMentions({ left: "one", right: "two" }, database.db);
    for (const [side, slug] of [["left", "one"], ["right", "two"]] as const) {
      const stored = await database.db.conceptMention.findMany({
        where: { document: { slug } },
        select: { conceptId: true, memberOf: true, blockKind: true, blockAnchor: true, start: true, end: true },
        orderBy: [{ blockAnchor: "asc" }, { start: "asc" }, { id: "asc" }],
      });
      expect(result[side]).toEqual(stored.map((m) => ({ conceptId: m.conceptId, member: m.memberOf, blockKind: m.blockKind, anchor: m.blockAnchor, start: m.start, end: m.end })));
    }
    expect(await listCompareMentions({ left: "one", right: "two" }, database.db)).toEqual(result);
    // The same document on both sides: each side gets all of its mentions.
    const same = await listCompareMentions({ left: "one", right: "one" }, database.db);
    expect(same.right).toEqual(same.left);
    expect(same.left).toEqual(result.left);
  });

  it("names the concepts of the pair only, in dictionary order", async () => {
    const result = await listCompareMentions({ left: "two", right: "three" }, database.db);
    const ids = result.concepts.map((c) => c.id);
    expect(ids).toContain("digital-divide");
    expect(ids).not.toContain("cyber-sovereignty");
    expect(result.concepts.map((c) => c.ordinal)).toEqual([...result.concepts.map((c) => c.ordinal)].sort((a, b) => a - b));
    expect(result.concepts.find((c) => c.id === "digital-divide")?.labelZh).toBe("数字鸿沟");
  });
});
