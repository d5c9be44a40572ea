import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/db/test-database";
import { sampleDraft, sampleSource } from "@/tests/db/fixtures/sample-draft";
import { snapshotDatabase } from "@/tests/db/snapshot-database";
import type { DocumentStructure } from "@/lib/model/document-model";
import { getDocumentStructure } from "./get-document";
import { loadDocument } from "./load-document";

/** The sample essay as an ingest with a corrections file leaves it: every field of issue 11 set. */
function correctedDraft(): DocumentStructure {
  const draft = sampleDraft({ slug: "corrected-essay" });
  draft.headings[1]!.correction = "Heading level set to 1 by the corrections file (entry 3).";
  draft.paragraphs[1]!.correction = "Joined with the paragraph before it at line 11 (entry 1).";
  draft.footnotes[0]!.attachment = { how: "wording", confidence: 0.55, uncertain: true, evidence: "Shares 网络主权 with the sentence before ① (lines 9, 15)." };
  draft.footnotes[0]!.correction = "Attached to ① on line 9 by the corrections file (entry 0).";
  draft.footnotes[1]!.status = "unlocated";
  draft.fragments = [{ text: "参见前注。", sourceLines: [16, 16], page: 1, candidates: ["②"], reason: "Two note texts for one free marker on page 1." }];
  draft.corrections = [
    { index: 0, kind: "attach-note", applied: true, message: "Note on line 15 attached to ① on line 9." },
    { index: 1, kind: "debris", applied: false, message: "Line 40 no longer starts with “27”: no longer applies." },
  ];
  return draft;
}

describe("loadDocument", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.drop());

  it("writes every part of the draft", async () => {
    const outcome = await loadDocument(sampleDraft(), sampleSource, database.db);
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
    const outcome = await loadDocument(sampleDraft(), sampleSource, database.db);
    expect(outcome.status).toBe("unchanged");
    expect(await snapshotDatabase(database.url)).toEqual(before);
  });

  it("leaves the database exactly as it was when a load fails part-way", async () => {
    const before = await snapshotDatabase(database.url);
    await expect(
      loadDocument(sampleDraft({ secondParagraph: "改过的第二段。" }), { ...sampleSource, sourceSha256: "b".repeat(64) }, database.db, {
        beforeCommit: async () => {
          throw new Error("simulated failure after every row was written");
        },
      }),
    ).rejects.toThrow("simulated failure");
    expect(await snapshotDatabase(database.url)).toEqual(before);
  });

  it("replaces a changed document atomically, keeping one document per slug", async () => {
    const outcome = await loadDocument(sampleDraft({ secondParagraph: "改过的第二段。" }), {
      ...sampleSource,
      sourceSha256: "c".repeat(64),
    }, database.db);
    expect(outcome.status).toBe("replaced");
    const paragraphs = await database.db.paragraph.findMany({
      where: { document: { slug: "sample-essay" } },
      orderBy: { ordinal: "asc" },
      select: { text: true },
    });
    expect(paragraphs.map((p) => p.text)).toEqual(["网络主权是国家主权在网络空间的自然延伸。", "改过的第二段。", "数字鸿沟仍是长期难题。"]);
    expect(await database.db.document.count()).toBe(1);
  });

  it("keeps attachments, editorial corrections, unlocated notes, fragments and correction outcomes as drafted", async () => {
    const draft = correctedDraft();
    await loadDocument(draft, { ...sampleSource, sourceSha256: "f".repeat(64), correctionsSha256: "1".repeat(64) }, database.db);
    expect(await getDocumentStructure("corrected-essay", database.db)).toEqual(draft);
  });

  it("reads the JSON columns back through the document model's schemas, leaving out an entry that does not fit", async () => {
    const draft = correctedDraft();
    const malformed = { kind: "running-head", line: 0 };
    const stored = await database.db.document.findUniqueOrThrow({
      where: { slug: "corrected-essay" },
      select: { debris: true, warnings: true, fragments: true, corrections: true },
    });
    // As a row of an older ingest, or one written by hand, might hold them: the database does not check JSON.
    await database.db.document.update({
      where: { slug: "corrected-essay" },
      data: {
        debris: [...(stored.debris as object[]), malformed],
        warnings: [malformed, ...(stored.warnings as object[])],
        fragments: [...(stored.fragments as object[]), { text: "old fragment without page" }],
        corrections: "not a list",
      },
    });
    expect(await getDocumentStructure("corrected-essay", database.db)).toEqual({ ...draft, corrections: [] });
    await database.db.document.update({ where: { slug: "corrected-essay" }, data: stored as object });
    expect(await getDocumentStructure("corrected-essay", database.db)).toEqual(draft);
  });

  it("ingests an unchanged text again when its corrections file or manifest changed, and only then", async () => {
    const source = { ...sampleSource, sourceSha256: "f".repeat(64), correctionsSha256: "1".repeat(64) };
    expect((await loadDocument(correctedDraft(), source, database.db)).status).toBe("unchanged");
    expect((await loadDocument(correctedDraft(), { ...source, correctionsSha256: "2".repeat(64) }, database.db)).status).toBe("replaced");
    expect((await loadDocument(correctedDraft(), { ...source, correctionsSha256: null }, database.db)).status).toBe("replaced");
    expect((await loadDocument(correctedDraft(), { ...source, correctionsSha256: null }, database.db)).status).toBe("unchanged");
    const manifest = { ...sampleSource.manifest, journal: "另一学报" };
    expect((await loadDocument(correctedDraft(), { ...source, correctionsSha256: null, manifest }, database.db)).status).toBe("replaced");
    expect((await loadDocument(correctedDraft(), { ...source, correctionsSha256: null, manifest: { journal: "另一学报", slug: "sample-essay" } }, database.db)).status).toBe("unchanged");
  });

  it("refuses a marker that calls a note the draft does not have, writing nothing", async () => {
    const before = await snapshotDatabase(database.url);
    const draft = sampleDraft({ slug: "broken-essay" });
    draft.paragraphs[0]!.markers[0]!.footnoteAnchor = "n-nowhere";
    await expect(loadDocument(draft, { ...sampleSource, sourceSha256: "d".repeat(64) }, database.db)).rejects.toThrow(/unknown note/);
    expect(await snapshotDatabase(database.url)).toEqual(before);
  });
});
