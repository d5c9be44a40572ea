import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSharedPassages } from "@/lib/derivations/find-shared-passages";
import { fingerprintText } from "@/lib/derivations/passage-fingerprints";
import { sampleDraft, sampleSource } from "@/tests/db/fixtures/sample-draft";
import { createTestDatabase, type TestDatabase } from "@/tests/db/test-database";
import { countParallelPlaces } from "./count-parallel-places";
import { loadDocument } from "./load-document";

/** A set phrase two paragraphs share: a common fingerprint (an 8-character run) but no 12-character passage. */
const SET_PHRASE = { a: "我们坚持构建网络空间命运共同体，这是共识。", b: "各国应当构建网络空间命运共同体，意义重大。" };

describe("countParallelPlaces", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    const load = (slug: string, secondParagraph: string, sha: string) =>
      loadDocument(sampleDraft({ slug, secondParagraph }), { ...sampleSource, sourceFile: `${slug}.txt`, sourceSha256: sha.repeat(64), manifest: null }, database.db);
    // Every copy shares its first paragraph and its note; the second paragraphs share only a set phrase.
    await load("essay-a", SET_PHRASE.a, "a");
    await load("essay-b", SET_PHRASE.b, "b");
    await load("essay-c", "数字主权的讨论另有脉络，与上文无关。", "c");
  });
  afterAll(async () => database.drop());

  it("counts, for each block, the places and documents elsewhere that share a passage with it", async () => {
    const counts = await countParallelPlaces("essay-a", database.db);
    const of = (anchor: string) => counts?.find((c) => c.anchor === anchor);
    expect(of("p-00000001")).toEqual({ blockKind: "paragraph", anchor: "p-00000001", places: 2, documents: 2 });
    expect(of("n-00000001")).toEqual({ blockKind: "footnote", anchor: "n-00000001", places: 2, documents: 2 });
  });

  it("does not count a set phrase that shares a fingerprint but not a passage", async () => {
    // The premise: the phrase does make the two paragraphs candidates, and the alignment finds no passage.
    const a = new Set(fingerprintText(SET_PHRASE.a));
    expect(fingerprintText(SET_PHRASE.b).some((print) => a.has(print))).toBe(true);
    const block = (text: string) => [{ kind: "paragraph" as const, anchor: "p", text }];
    expect(findSharedPassages({ slug: "a", blocks: block(SET_PHRASE.a) }, { slug: "b", blocks: block(SET_PHRASE.b) })).toEqual([]);
    const counts = await countParallelPlaces("essay-a", database.db);
    expect(counts?.find((c) => c.anchor === "p-00000002")).toBeUndefined();
  });

  it("is null for a document that does not exist", async () => {
    expect(await countParallelPlaces("nowhere", database.db)).toBeNull();
  });
});
