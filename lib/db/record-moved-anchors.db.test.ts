import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleDraft, sampleSource } from "@/tests/db/fixtures/sample-draft";
import { createTestDatabase, type TestDatabase } from "@/tests/db/test-database";
import type { DocumentStructure } from "@/lib/model/document-model";
import { loadDocument } from "./load-document";

let database: TestDatabase;
let version = 0;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.drop());

async function load(draft: DocumentStructure) {
  version++;
  return loadDocument(draft, { ...sampleSource, sourceSha256: String(version).padStart(64, "0") }, database.db);
}

async function aliases() {
  return database.db.anchorAlias.findMany({
    orderBy: { anchor: "asc" },
    select: { anchor: true, status: true, targetAnchor: true, targetOffset: true },
  });
}

describe("anchors across re-ingestion", () => {
  it("records where an edited paragraph went, and re-resolves it when that paragraph goes too", async () => {
    await load(sampleDraft());
    const edited = sampleDraft({ secondParagraph: "各国应当携手共同构建网络空间命运共同体。" });
    edited.paragraphs[1]!.anchor = "p-edited";
    const outcome = await load(edited);
    expect(outcome).toMatchObject({ status: "replaced", moved: 1, orphaned: [] });
    expect(await aliases()).toEqual([{ anchor: "p-00000002", status: "moved", targetAnchor: "p-edited", targetOffset: 0 }]);

    const without = sampleDraft();
    without.paragraphs.splice(1, 1);
    without.footnotes.splice(1, 1);
    const second = await load(without);
    expect(second.status).toBe("replaced");
    // The paragraph took its (missing) note with it: both are reported, neither is sent elsewhere.
    expect(second).toMatchObject({ moved: 0, orphaned: expect.arrayContaining(["p-edited", "n-00000002"]) });
    expect(await aliases()).toEqual([
      { anchor: "n-00000002", status: "orphaned", targetAnchor: null, targetOffset: null },
      { anchor: "p-00000002", status: "orphaned", targetAnchor: null, targetOffset: null },
      { anchor: "p-edited", status: "orphaned", targetAnchor: null, targetOffset: null },
    ]);
  });

  it("drops an alias when its anchor exists again", async () => {
    await load(sampleDraft());
    expect((await aliases()).map((a) => a.anchor)).toEqual(["p-edited"]);
  });
});
