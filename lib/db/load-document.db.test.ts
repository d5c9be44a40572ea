import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/db/test-database";
import { sampleDraft, sampleSource } from "@/tests/db/fixtures/sample-draft";
import { snapshotDatabase } from "@/tests/db/snapshot-database";
import { loadDocument } from "./load-document";

describe("loadDocument", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.drop());

  it("writes every part of the draft", async () => {
    const outcome = await loadDocument(database.db, sampleDraft(), sampleSource);
    expect(outcome.status).toBe("created");
    const document = await database.db.document.findUniqueOrThrow({
      where: { slug: "sample-essay" },
      select: {
        title: true,
        _count: { select: { headings: true, paragraphs: true, footnotes: true, markers: true, citations: true } },
      },
    });
    expect(document.title).toBe("样例文章：测试用");
    expect(document._count).toEqual({ headings: 2, paragraphs: 3, footnotes: 2, markers: 2, citations: 1 });
    const missing = await database.db.footnote.findFirstOrThrow({ where: { anchor: "n-00000002" }, select: { status: true, text: true } });
    expect(missing).toEqual({ status: "missing", text: "" });
  });

  it("changes nothing when the same file is ingested again", async () => {
    const before = await snapshotDatabase(database.url);
    const outcome = await loadDocument(database.db, sampleDraft(), sampleSource);
    expect(outcome.status).toBe("unchanged");
    expect(await snapshotDatabase(database.url)).toEqual(before);
  });

  it("leaves the database exactly as it was when a load fails part-way", async () => {
    const before = await snapshotDatabase(database.url);
    await expect(
      loadDocument(database.db, sampleDraft({ secondParagraph: "改过的第二段。" }), { ...sampleSource, sourceSha256: "b".repeat(64) }, {
        beforeCommit: async () => {
          throw new Error("simulated failure after every row was written");
        },
      }),
    ).rejects.toThrow("simulated failure");
    expect(await snapshotDatabase(database.url)).toEqual(before);
  });

  it("replaces a changed document atomically, keeping one document per slug", async () => {
    const outcome = await loadDocument(database.db, sampleDraft({ secondParagraph: "改过的第二段。" }), {
      ...sampleSource,
      sourceSha256: "c".repeat(64),
    });
    expect(outcome.status).toBe("replaced");
    const paragraphs = await database.db.paragraph.findMany({
      where: { document: { slug: "sample-essay" } },
      orderBy: { ordinal: "asc" },
      select: { text: true },
    });
    expect(paragraphs.map((p) => p.text)).toEqual(["网络主权是国家主权在网络空间的自然延伸。", "改过的第二段。", "数字鸿沟仍是长期难题。"]);
    expect(await database.db.document.count()).toBe(1);
  });

  it("refuses a marker that calls a note the draft does not have, writing nothing", async () => {
    const before = await snapshotDatabase(database.url);
    const draft = sampleDraft({ slug: "broken-essay" });
    draft.paragraphs[0]!.markers[0]!.footnoteAnchor = "n-nowhere";
    await expect(loadDocument(database.db, draft, { ...sampleSource, sourceSha256: "d".repeat(64) })).rejects.toThrow(/unknown note/);
    expect(await snapshotDatabase(database.url)).toEqual(before);
  });
});
