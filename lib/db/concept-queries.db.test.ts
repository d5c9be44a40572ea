import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConceptDictionary } from "@/lib/concepts/load-concept-dictionary";
import type { DocumentStructure } from "@/lib/model/document-model";
import { createTestDatabase, type TestDatabase } from "@/tests/db/test-database";
import { getConceptHeatmap } from "./concept-heatmap";
import { sortConcordance } from "@/components/concepts/sort-concordance";
import { CONCORDANCE_SORT_VALUES, MAX_PAGE_SIZE } from "@/lib/urls/url-grammar";
import { findIgnoringWhitespace, FIRST_CONCORDANCE_PAGE, getConcept, keywordInContext } from "./get-concept";
import { listConcepts } from "./list-concepts";
import { loadDocument } from "./load-document";

/**
 * Two small essays whose mentions can be counted by eye:
 * alpha — 网络主权 in ¶1 (section 一), twice in ¶2 (section 二, once inside 尊重网络主权) and once in a
 *   note called from ¶1 but printed after section 二 begins; 四项原则 enumerated in ¶2 (one compound
 *   mention, four member mentions); 数字鸿沟 once.
 * beta — 网络主权 in ¶1 and in a note; 数字鸿沟 once; 维护和平安全 alone (a member mention only).
 */
function alpha(): DocumentStructure {
  return {
    slug: "alpha",
    title: "甲文",
    authors: [],
    journal: null,
    issue: null,
    date: "2023",
    abstract: "践行网络空间命运共同体理念，须坚持发展共同推进、安全共同维护、治理共同参与、成果共同分享。",
    pageCount: 2,
    headings: [
      { anchor: "h-a1", level: 1, label: "一", text: "第一部分", markers: [], sourceLines: [3, 3], correction: null },
      { anchor: "h-a2", level: 1, label: "二", text: "第二部分", markers: [], sourceLines: [10, 10], correction: null },
    ],
    paragraphs: [
      {
        anchor: "p-a1",
        headingAnchor: "h-a1",
        text: "我们认为，网络主权是国家主权在网络空间的自然延伸。",
        markers: [{ label: "①", footnoteAnchor: "n-a1", offset: 25 }],
        sourceLines: [5, 8],
        correction: null,
      },
      {
        anchor: "p-a2",
        headingAnchor: "h-a2",
        text: "数字鸿沟与网络主权。各国应当尊重网络主权、维护和平安全、促进开放合作、构建良好秩序。",
        markers: [],
        sourceLines: [12, 14],
        correction: null,
      },
    ],
    footnotes: [
      {
        anchor: "n-a1",
        label: "①",
        page: 1,
        status: "present",
        text: "《网络主权：理论与实践》，世界互联网大会网站，2021年9月28日。",
        citations: [citation("n-a1-c1", 16)],
        sourceLines: [16, 16],
        attachment: null,
        correction: null,
      },
    ],
    fragments: [],
    debris: [],
    warnings: [],
    corrections: [],
  };
}

function beta(): DocumentStructure {
  return {
    ...alpha(),
    slug: "beta",
    title: "乙文",
    date: "2024",
    headings: [{ anchor: "h-b1", level: 1, label: "一", text: "第一节", markers: [], sourceLines: [2, 2], correction: null }],
    paragraphs: [
      {
        anchor: "p-b1",
        headingAnchor: "h-b1",
        text: "网络主权是国家主权在网络空间的自然延伸。",
        markers: [{ label: "[1]", footnoteAnchor: "n-b1", offset: 20 }],
        sourceLines: [4, 5],
        correction: null,
      },
      { anchor: "p-b2", headingAnchor: "h-b1", text: "数字鸿沟依然存在，维护和平安全十分重要。", markers: [], sourceLines: [7, 8], correction: null },
    ],
    footnotes: [
      {
        anchor: "n-b1",
        label: "[1]",
        page: 1,
        status: "present",
        text: "《网络主权：理论与实践》，世界互联网大会网站，2021年9月28日。",
        citations: [citation("n-b1-c1", 10)],
        sourceLines: [10, 10],
        attachment: null,
        correction: null,
      },
    ],
  };
}

function citation(anchor: string, line: number): DocumentStructure["footnotes"][number]["citations"][number] {
  return {
    anchor,
    raw: "《网络主权：理论与实践》，世界互联网大会网站，2021年9月28日。",
    authors: [],
    title: "网络主权：理论与实践",
    container: "世界互联网大会网站",
    date: "2021-09-28",
    pages: null,
    url: null,
    repeats: null,
    sourceLines: [line, line],
  };
}

describe("concept queries", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    // alpha stands in for the essay whose sentence defines 网络主权 in the dictionary.
    await loadDocument(alpha(), { sourceFile: "001_dd40619b11185e85.txt", sourceSha256: "a".repeat(64), parserVersion: "t", manifest: null }, database.db);
    await loadDocument(beta(), { sourceFile: "beta.txt", sourceSha256: "b".repeat(64), parserVersion: "t", manifest: null }, database.db);
  });
  afterAll(async () => database.drop());

  it("lists every concept of the dictionary, in its order, with mentions counted per document", async () => {
    const index = await listConcepts(database.db);
    expect(index.documents.map((d) => d.slug)).toEqual(["alpha", "beta"]);
    expect(index.concepts.map((c) => c.id)).toEqual(loadConceptDictionary().concepts.map((c) => c.id));
    const byId = new Map(index.concepts.map((c) => [c.id, c]));
    expect(byId.get("cyber-sovereignty")?.counts).toEqual([
      { slug: "alpha", mentions: 4, memberMentions: 0 },
      { slug: "beta", mentions: 2, memberMentions: 0 },
    ]);
    expect(byId.get("four-principles")?.counts).toEqual([
      { slug: "alpha", mentions: 1, memberMentions: 4 },
      { slug: "beta", mentions: 0, memberMentions: 1 },
    ]);
    expect(byId.get("four-principles")?.total).toEqual({ mentions: 1, memberMentions: 5 });
    expect(byId.get("four-principles")?.members.map((m) => m.id)).toContain("respect-cyber-sovereignty");
    expect(byId.get("digital-divide")?.counts.map((c) => c.mentions)).toEqual([1, 1]);
    expect(byId.get("cyber-cold-war")?.total).toEqual({ mentions: 0, memberMentions: 0 });
    // Only the documents that mention it: a corpus of a thousand would give every concept a thousand entries.
    expect(byId.get("cyber-cold-war")?.counts).toEqual([]);
    expect(index.total).toBe(index.concepts.length);
  });

  it("places mentions in level-1 sections, a note where the paragraph calling it stands", async () => {
    const heatmap = await getConceptHeatmap(database.db);
    expect(heatmap.documents.map((d) => d.sections.map((s) => s.key))).toEqual([["h-a1", "h-a2"], ["h-b1"]]);
    const row = heatmap.rows.find((r) => r.conceptId === "cyber-sovereignty");
    const alphaCells = row?.documents[0]?.cells;
    // The note is printed at line 16, after section 二 begins, but ¶1 of section 一 calls it.
    expect(alphaCells?.map((c) => c.count)).toEqual([2, 2]);
    // The note's mention (offset 1) stands at ¶1's line, but ¶1's own words (offset 5) read first.
    expect(alphaCells?.[0]?.first).toEqual({ blockKind: "paragraph", anchor: "p-a1", start: 5, end: 9 });
    expect(alphaCells?.[1]?.first).toEqual({ blockKind: "paragraph", anchor: "p-a2", start: 5, end: 9 });
    expect(row?.documents.map((d) => d.total)).toEqual([4, 2]);
    const compound = heatmap.rows.find((r) => r.conceptId === "four-principles");
    expect(compound?.documents.map((d) => d.cells.map((c) => c.count))).toEqual([[0, 5], [1]]);
    expect(compound?.documents[0]?.cells[0]?.first).toBeNull();
    expect(heatmap.max).toBe(5);
  });

  it("pages the concepts in dictionary order, with the total on every page", async () => {
    const all = await listConcepts(database.db);
    const pages = [];
    for (let page = 1; page <= Math.ceil(all.total / 10) + 1; page++) {
      const one = await listConcepts(database.db, { page: { page, pageSize: 10 } });
      expect(one.total).toBe(all.total);
      expect(one.concepts.length).toBe(Math.max(0, Math.min(10, all.total - (page - 1) * 10)));
      // The documents a page names are those its counts name.
      expect(one.documents.map((d) => d.slug)).toEqual(all.documents.map((d) => d.slug).filter((slug) => one.concepts.some((c) => c.counts.some((count) => count.slug === slug))));
      pages.push(...one.concepts);
    }
    expect(pages).toEqual(all.concepts);
  });

  it("gives a concept's definition with the passage its quote stands in, its links and every mention in context", async () => {
    const concept = await getConcept("cyber-sovereignty", database.db);
    expect(concept?.kind).toBe("concept");
    expect(concept?.definition?.source).toMatchObject({
      kind: "corpus",
      location: { part: "block", slug: "alpha", blockKind: "paragraph", anchor: "p-a1", start: 5, end: 24 },
    });
    // The four commons are defined by a sentence that, in alpha, only its abstract has.
    expect((await getConcept("four-commons", database.db))?.definition?.source).toMatchObject({ location: { part: "abstract", slug: "alpha" } });
    // An outside citation stays text.
    expect((await getConcept("five-propositions", database.db))?.definition?.source).toMatchObject({ kind: "outside" });
    expect(concept?.narrower.map((r) => r.id)).toEqual(["cyber-sovereign-equality"]);
    expect(concept?.related.map((r) => r.id)).toContain("four-principles");
    expect(concept?.documents).toEqual([
      { slug: "alpha", title: "甲文", mentions: 4, memberMentions: 0, mentionsInNotes: 1, memberMentionsInNotes: 0 },
      { slug: "beta", title: "乙文", mentions: 2, memberMentions: 0, mentionsInNotes: 1, memberMentionsInNotes: 0 },
    ]);
    expect(concept?.totals).toEqual({ mentions: 6, memberMentions: 0, mentionsInNotes: 2, memberMentionsInNotes: 0 });
    expect(concept?.mentionsTotal).toBe(6);
    const lines = concept?.mentions ?? [];
    // Reading order: alpha ¶1, its note (placed at ¶1 though printed later), ¶2 twice; then beta.
    expect(lines.map((l) => `${l.documentSlug}:${l.anchor}:${l.start}`)).toEqual([
      "alpha:p-a1:5",
      "alpha:n-a1:1",
      "alpha:p-a2:5",
      "alpha:p-a2:16",
      "beta:p-b1:0",
      "beta:n-b1:1",
    ]);
    expect(lines.map((l) => l.place.sectionLabel)).toEqual(["一", "一", "二", "二", "一", "一"]);
    expect(lines.every((l) => l.keyword === "网络主权")).toBe(true);
    expect(lines[0]).toMatchObject({ left: "我们认为，", right: "是国家主权在网络空间的自然延伸。", place: { sectionLabel: "一", label: "¶1" } });
    expect(lines[3]).toMatchObject({ left: "数字鸿沟与网络主权。各国应当尊重", place: { sectionLabel: "二", label: "¶2" } });
    expect(lines[1]?.place.label).toBe("注① p.1");
  });

  it("gives a compound's members with their counts, and a member item as a page of its own", async () => {
    const compound = await getConcept("four-principles", database.db);
    expect(compound?.members.map((m) => [m.id, m.total])).toEqual([
      ["respect-cyber-sovereignty", 1],
      ["maintain-peace-and-security", 2],
      ["promote-openness-and-cooperation", 1],
      ["build-good-order", 1],
    ]);
    expect(compound?.mentions.filter((l) => l.member === null)).toHaveLength(1);
    expect(compound?.mentions.find((l) => l.member?.id === "build-good-order")?.keyword).toBe("构建良好秩序");

    const member = await getConcept("maintain-peace-and-security", database.db);
    expect(member).toMatchObject({ kind: "member", labelZh: "维护和平安全", compound: { id: "four-principles" }, definition: null });
    expect(member?.mentions.map((l) => l.documentSlug)).toEqual(["alpha", "beta"]);
    expect(member?.documents.map((d) => d.memberMentions)).toEqual([1, 1]);
  });

  it("orders and cuts the concordance in the database as the concordance orders every line, page by page", async () => {
    for (const id of ["cyber-sovereignty", "four-principles", "maintain-peace-and-security"]) {
      const all = (await getConcept(id, database.db, { concordance: { ...FIRST_CONCORDANCE_PAGE, pageSize: MAX_PAGE_SIZE } }))!;
      expect(all.mentions).toHaveLength(all.mentionsTotal);
      for (const key of CONCORDANCE_SORT_VALUES) {
        for (const order of ["asc", "desc"] as const) {
          const expected = sortConcordance(all.mentions.map((line, index) => ({ ...line, index, fraction: line.place.fraction })), { key, order }).map((line) => line.mentionId);
          const pages: string[] = [];
          for (let page = 1; page <= Math.ceil(all.mentionsTotal / 2) + 1; page++) {
            const concept = await getConcept(id, database.db, { concordance: { key, order, page, pageSize: 2 } });
            expect(concept?.mentionsTotal).toBe(all.mentionsTotal);
            pages.push(...concept!.mentions.map((line) => line.mentionId));
          }
          expect(pages, `${id} by ${key} ${order}`).toEqual(expected);
        }
      }
    }
  });

  it("answers null for an id that is neither a concept nor a member", async () => {
    expect(await getConcept("no-such-concept", database.db)).toBeNull();
  });
});

describe("keywordInContext", () => {
  it("keeps at most the given context either side, and never half a surrogate pair", () => {
    expect(keywordInContext("abcdefKEYghijkl", 6, 9, 3)).toEqual({ left: "def", keyword: "KEY", right: "ghi" });
    expect(keywordInContext("KEY", 0, 3, 25)).toEqual({ left: "", keyword: "KEY", right: "" });
    const text = "a𠀀bKEYc𠀀d";
    expect(keywordInContext(text, 4, 7, 2)).toEqual({ left: "b", keyword: "KEY", right: "c" });
  });
});

describe("findIgnoringWhitespace", () => {
  it("finds a quote across whitespace the block has or lacks, with offsets into the block", () => {
    expect(findIgnoringWhitespace("前文。网络 主权是国家主权。", "网络主权是")).toEqual({ start: 3, end: 9 });
    expect(findIgnoringWhitespace("网络主权", "网 络")).toEqual({ start: 0, end: 2 });
    expect(findIgnoringWhitespace("网络主权", "数字")).toBeNull();
  });
});
