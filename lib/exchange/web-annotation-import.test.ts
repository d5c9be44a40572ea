import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readAnnotationFile } from "./web-annotation-import";

const hypothesisExport = JSON.parse(readFileSync("tests/fixtures/annotations/hypothesis-export.json", "utf8")) as { annotations: unknown[] };

describe("readAnnotationFile: Hypothesis", () => {
  it("reads the client's JSON export: quotes, hints, text, tags, who and when; replies and other pages skipped", () => {
    const reading = readAnnotationFile(hypothesisExport);
    if (!reading.ok) throw new Error(reading.error);
    expect(reading.annotations.map((annotation) => annotation.externalId)).toEqual(["hyp-exact-once", "hyp-across-marker", "hyp-ambiguous", "hyp-not-in-text", "hyp-page-note"]);
    const [first, , , , pageNote] = reading.annotations;
    expect(first).toMatchObject({
      format: "hypothesis",
      slug: "annotated-essay",
      targetSource: "http://localhost:3000/read/annotated-essay",
      quote: { exact: "数据跨境流动规则的互认", suffix: "牵动各方利益，各国对个人信息保护的理解并不一致，这考验着" },
      hints: { position: { start: 412, end: 423 } },
      bodyText: "Mutual recognition is the crux; compare the EU adequacy decisions.",
      tags: ["data flows", "互认"],
      creator: "Lin Wei",
      created: "2026-11-28T09:12:44.120231+00:00",
    });
    // The selectors are kept exactly as given, the RangeSelector's XPaths included.
    expect(first!.selectors).toEqual((hypothesisExport.annotations[0] as { target: { selector: unknown[] }[] }).target[0]!.selector);
    expect(pageNote).toMatchObject({ quote: null, hints: {}, tags: ["syllabus"], creator: "Chen Jing" });
    expect(reading.skipped).toEqual([
      { externalId: "hyp-reply", reason: expect.stringContaining("a reply") },
      { externalId: "hyp-elsewhere", reason: expect.stringContaining("https://www.example.org/articles/data-flows") },
    ]);
  });

  it("reads API search results ({ rows }) and a bare list of rows alike", () => {
    const rows = hypothesisExport.annotations;
    const fromRows = readAnnotationFile({ total: rows.length, rows });
    const fromList = readAnnotationFile(rows);
    expect(fromRows).toEqual(readAnnotationFile(hypothesisExport));
    expect(fromList).toEqual(fromRows);
  });

  it("knows an annotation without an id by its content", () => {
    const row = { uri: "http://localhost:3000/read/annotated-essay", target: [{ source: "http://localhost:3000/read/annotated-essay" }], text: "a note" };
    const once = readAnnotationFile([row]);
    const again = readAnnotationFile([{ ...row }]);
    expect(once.ok && once.annotations[0]!.externalId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(once).toEqual(again);
  });
});

describe("readAnnotationFile: W3C Web Annotation", () => {
  const annotation = {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id: "https://annotations.example.org/anno/7",
    type: "Annotation",
    creator: { type: "Person", name: "Lin Wei" },
    created: "2026-11-30T10:00:00Z",
    body: [
      { type: "TextualBody", value: "Key sentence.", purpose: "commenting" },
      { type: "TextualBody", value: "互认", purpose: "tagging" },
    ],
    target: {
      type: "SpecificResource",
      source: "https://duizhao.example.org/read/annotated-essay",
      selector: [
        { type: "TextQuoteSelector", exact: "数据跨境流动规则的互认", prefix: "其次，", suffix: "牵动" },
        { type: "FragmentSelector", conformsTo: "http://tools.ietf.org/rfc/rfc3986", value: "p-5f048b7c", refinedBy: { type: "TextPositionSelector", start: 3, end: 14 } },
      ],
    },
  };

  it("reads one annotation: the quote, the block it names with the offset there, body text and tags, creator", () => {
    const reading = readAnnotationFile(annotation);
    if (!reading.ok) throw new Error(reading.error);
    expect(reading.annotations).toEqual([
      expect.objectContaining({
        externalId: "https://annotations.example.org/anno/7",
        format: "web-annotation",
        slug: "annotated-essay",
        quote: { exact: "数据跨境流动规则的互认", prefix: "其次，", suffix: "牵动" },
        hints: { block: { anchor: "p-5f048b7c", start: 3 } },
        bodyText: "Key sentence.",
        tags: ["互认"],
        creator: "Lin Wei",
        created: "2026-11-30T10:00:00Z",
      }),
    ]);
  });

  it("reads pages and collections with their pages embedded, one row per Duizhao target", () => {
    const twoTargets = { ...annotation, id: "urn:x:2", target: [annotation.target, { ...annotation.target, source: "http://localhost:3000/read/other-essay" }] };
    const page = { type: "AnnotationPage", items: [annotation] };
    const collection = { type: "AnnotationCollection", total: 2, first: { type: "AnnotationPage", items: [annotation], next: { type: "AnnotationPage", items: [twoTargets] } } };
    expect(readAnnotationFile(page)).toMatchObject({ ok: true, annotations: [{ slug: "annotated-essay" }] });
    const read = readAnnotationFile(collection);
    expect(read.ok && read.annotations.map((entry) => `${entry.externalId} ${entry.slug}`)).toEqual([
      "https://annotations.example.org/anno/7 annotated-essay",
      "urn:x:2 annotated-essay",
      "urn:x:2 other-essay",
    ]);
  });

  it("refuses a collection whose pages are only named", () => {
    expect(readAnnotationFile({ type: "AnnotationCollection", first: "https://example.org/page/0" })).toEqual({
      ok: false,
      error: expect.stringContaining("must be embedded"),
    });
  });
});

describe("readAnnotationFile: malformed files", () => {
  it.each([
    [42, "not an annotation file"],
    [{ hello: "world" }, "not an annotation file"],
    [{ annotations: {} }, "annotations: expected a list"],
    [[{ text: "no uri, no type" }], "[0]: not an annotation"],
    [{ rows: [{ uri: "http://localhost:3000/read/a", target: [] }] }, "rows[0].target: no target"],
    [[{ type: "Annotation", target: "http://localhost:3000/read/a", id: 5 }], "[0].id"],
    [[{ type: "Note", target: "http://localhost:3000/read/a" }], "[0].type: type must be Annotation"],
    [
      [{ uri: "http://localhost:3000/read/a", target: [{ source: "http://localhost:3000/read/a", selector: [{ type: "TextQuoteSelector" }] }] }],
      "[0].target[0].selector[0].exact",
    ],
    [
      [{ uri: "http://localhost:3000/read/a", target: [{ source: "http://localhost:3000/read/a", selector: [{ type: "TextPositionSelector", start: 9, end: 3 }] }] }],
      "[0].target[0].selector[0].end: end is before start",
    ],
  ])("refuses %j, saying where", (json, where) => {
    const reading = readAnnotationFile(json);
    expect(reading.ok).toBe(false);
    expect(!reading.ok && reading.error).toContain(where);
  });

  it("answers any JSON with annotations or a reason, never by throwing", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const reading = readAnnotationFile(json);
        expect(typeof reading.ok).toBe("boolean");
      }),
      { seed: 14, numRuns: 500 },
    );
  });
});

describe("which addresses are Duizhao documents (readReaderSlug)", () => {
  it.each([
    ["http://localhost:3000/read/annotated-essay", "annotated-essay"],
    ["https://duizhao.example.org/read/annotated-essay/?q=%E4%BA%92#p-1", "annotated-essay"],
    ["https://mirror.example.org/read/xu-2023", "xu-2023"],
    ["https://duizhao.example.org/read/Not_A_Slug", null],
    ["https://duizhao.example.org/read/a/anchors/p-1", null],
    ["https://duizhao.example.org/sources/src-1", null],
    ["https://duizhao.example.org/read/%E0", null],
    ["urn:x-duizhao:read/annotated-essay", null],
    ["not a url", null],
  ])("%s → %s", (address, slug) => {
    const reading = readAnnotationFile({ uri: address, target: [{ source: address, selector: [{ type: "TextQuoteSelector", exact: "互认" }] }] });
    expect(reading.ok && (reading.annotations[0]?.slug ?? null)).toBe(slug);
  });
});
