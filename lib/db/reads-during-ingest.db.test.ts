import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/db/test-database";
import { sampleDraft, sampleSource } from "@/tests/db/fixtures/sample-draft";
import { getDocumentStructure } from "./get-document";
import { getSource } from "./get-source";
import { loadDocument } from "./load-document";
import { readDocumentSections } from "./read-document-sections";

/**
 * A document, its sections or a source read while `npm run ingest` re-loads the document is one version or the other, never a mix:
 * Prisma reads each relation with a query of its own, and a load committing between the markers' query and their
 * notes' left a marker whose note row was gone (a TypeError, the corpus TEI export's 500 in the route fuzz).
 */
/** Loads, alternating two versions, while the reads go on: enough for a commit to land between a read's queries. */
const RELOADS = 40;

describe("reads during an ingest", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDocument(sampleDraft(), sampleSource, database.db);
  });
  afterAll(async () => database.drop());

  it("getDocumentStructure, getSource and readDocumentSections read one version whole while the document is re-loaded again and again", async () => {
    let loading = true;
    const failures: string[] = [];
    const texts = new Set<string>();
    const reader = async () => {
      while (loading) {
        try {
          const document = await getDocumentStructure("sample-essay", database.db);
          texts.add(document!.paragraphs[1]!.text);
          // Every marker names a note of the same version.
          const notes = new Set(document!.footnotes.map((note) => note.anchor));
          for (const paragraph of document!.paragraphs) for (const marker of paragraph.markers) if (!notes.has(marker.footnoteAnchor)) failures.push(`marker ${marker.label} without its note`);
        } catch (error) {
          failures.push(String(error));
        }
      }
    };
    const sourceKey = (await database.db.source.findFirstOrThrow({ select: { key: true } })).key;
    const sourceReader = async () => {
      while (loading) {
        try {
          const source = await getSource(sourceKey, database.db);
          if (source && source.citations.length === 0) failures.push("a source read with none of its citations");
        } catch (error) {
          failures.push(`getSource: ${String(error)}`);
        }
      }
    };
    // The concept pages place mentions by the first body block calling each note: markers and notes read together.
    const sectionsReader = async () => {
      while (loading) {
        try {
          const [sections] = await readDocumentSections(database.db);
          if (!sections) failures.push("readDocumentSections: the document was not read");
        } catch (error) {
          failures.push(`readDocumentSections: ${String(error)}`);
        }
      }
    };
    const readers = [reader(), reader(), sourceReader(), sourceReader(), sectionsReader(), sectionsReader()];
    for (let round = 0; round < RELOADS; round += 1) {
      const secondParagraph = `各国应当共同构建网络空间命运共同体（第${round}版）。`;
      await loadDocument(sampleDraft({ secondParagraph }), { ...sampleSource, sourceSha256: round.toString(16).padStart(64, "0") }, database.db);
    }
    loading = false;
    await Promise.all(readers);
    expect(failures.slice(0, 3)).toEqual([]);
    // The reads did overlap the loads: they saw several versions.
    expect(texts.size).toBeGreaterThan(2);
    // A limit for a hung test: the 40 loads against six reading loops took 70-120 s on a 2-core host at load 12-15.
  }, 300_000);
});
