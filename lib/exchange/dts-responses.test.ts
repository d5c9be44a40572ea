import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readDtsResourceSlug } from "@/lib/urls/app-urls";
import { SLUG_MAX_LENGTH } from "@/lib/urls/url-grammar";
import { sampleDraft } from "@/tests/db/fixtures/sample-draft";
import { documentTeiElement } from "./document-to-tei";
import { citationUnits, citeStructureOf } from "./dts-citation-tree";
import { dtsCollectionMemberSchema, dtsEntryPointSchema, dtsNavigationSchema, dtsPaginationSchema } from "./dts-response-schemas";
import { dtsEntryPoint, dtsNavigation, dtsPagination, dtsResource, dtsResourceId } from "./dts-responses";

const ORIGIN = "https://duizhao.example.org";
const document = sampleDraft();
const units = citationUnits(documentTeiElement({ document, provenance: { sourceFile: "s.txt", sourceSha256: "a".repeat(64), correctionsSha256: null, pipelineVersion: "v" } }));

describe("DTS 1.0 objects", () => {
  it("an entry point whose templates name every parameter of their endpoint, absolute", () => {
    expect(dtsEntryPointSchema.parse(dtsEntryPoint(ORIGIN))).toEqual({
      "@context": "https://dtsapi.org/context/v1.0.json",
      dtsVersion: "1.0",
      "@id": `${ORIGIN}/api/dts`,
      "@type": "EntryPoint",
      collection: `${ORIGIN}/api/dts/collection{?id,page,nav}`,
      navigation: `${ORIGIN}/api/dts/navigation{?resource,ref,start,end,down,tree}`,
      document: `${ORIGIN}/api/dts/document{?resource,ref,start,end,tree,mediaType}`,
    });
  });

  it("a Resource with its own templates bound to it, what is known in Dublin Core and nothing invented", () => {
    const resource = dtsResource(ORIGIN, document);
    expect(dtsCollectionMemberSchema.parse(resource)).toBeTruthy();
    const id = encodeURIComponent(`${ORIGIN}/read/sample-essay`);
    expect(resource).toMatchObject({
      "@id": `${ORIGIN}/read/sample-essay`,
      navigation: `${ORIGIN}/api/dts/navigation?resource=${id}{&ref,start,end,down,tree}`,
      document: `${ORIGIN}/api/dts/document?resource=${id}{&ref,start,end,tree,mediaType}`,
      collection: `${ORIGIN}/api/dts/collection?id=${id}{&page,nav}`,
      mediaTypes: ["application/tei+xml"],
      download: `${ORIGIN}/api/export/documents/sample-essay/tei`,
      dublinCore: {
        title: [{ lang: "zh", value: "样例文章：测试用" }],
        creator: [{ lang: "zh", value: "张三" }],
        date: "2024",
        isPartOf: [{ lang: "zh", value: "测试学报" }],
        abstract: [{ lang: "zh", value: "这是一篇用于测试的短文。" }],
      },
      extensions: { "@context": { bibo: "http://purl.org/ontology/bibo/" }, "http://purl.org/ontology/bibo/issue": [{ lang: "zh", value: "2024年第1期" }] },
    });
    expect(resource).not.toHaveProperty("citationTrees");

    const unknown = dtsResource(ORIGIN, { ...document, authors: [], date: null, journal: null, issue: null, abstract: null });
    expect(Object.keys(unknown.dublinCore).sort()).toEqual(["language", "title", "type"]);
    expect(unknown).not.toHaveProperty("extensions");
  });

  it("a Navigation whose units link to the reader and whose sections carry their printed heading", () => {
    const navigation = dtsNavigation({
      origin: ORIGIN,
      requestUrl: `${ORIGIN}/api/dts/navigation?resource=sample-essay&down=1`,
      metadata: document,
      document,
      citeStructure: citeStructureOf(units),
      member: units.filter((unit) => unit.level === 1),
    });
    expect(dtsNavigationSchema.parse(navigation).member).toEqual([
      {
        identifier: "h-00000001",
        "@type": "CitableUnit",
        level: 1,
        parent: null,
        "@id": `${ORIGIN}/read/sample-essay#h-00000001`,
        citeType: "section",
        dublinCore: { title: [{ lang: "zh", value: "一、第一部分" }] },
      },
      expect.objectContaining({ identifier: "h-00000002", dublinCore: { title: [{ lang: "zh", value: "二、第二部分" }] } }),
    ]);
    expect(navigation.resource.citationTrees?.[0]).toMatchObject({
      "@type": "CitationTree",
      citeStructure: [{ "@type": "CiteStructure", citeType: "section", citeStructure: [{ citeType: "paragraph", citeStructure: [{ citeType: "note" }] }] }],
    });
    expect(navigation.resource.citationTrees?.[0]).not.toHaveProperty("identifier");
  });

  it("pagination links that stay within the pages there are", () => {
    const view = dtsPaginationSchema.parse(dtsPagination(ORIGIN, { page: 1, lastPage: 3 }));
    expect(view).toEqual({
      "@id": `${ORIGIN}/api/dts/collection?page=1`,
      "@type": "Pagination",
      first: `${ORIGIN}/api/dts/collection?page=1`,
      previous: `${ORIGIN}/api/dts/collection?page=1`,
      next: `${ORIGIN}/api/dts/collection?page=2`,
      last: `${ORIGIN}/api/dts/collection?page=3`,
    });
    expect(dtsPagination(ORIGIN, { page: 3, lastPage: 3 }).next).toBe(`${ORIGIN}/api/dts/collection?page=3`);
  });
});

describe("reading a resource identifier back", () => {
  const slug = fc.stringMatching(new RegExp(`^[a-z0-9][a-z0-9-]{0,${SLUG_MAX_LENGTH - 1}}$`, "u"));

  it("gives the slug of every identifier it hands out, and of the bare slug", () => {
    fc.assert(
      fc.property(slug, (value) => {
        expect(readDtsResourceSlug(dtsResourceId(ORIGIN, value), ORIGIN)).toBe(value);
        expect(readDtsResourceSlug(value, ORIGIN)).toBe(value);
      }),
      { seed: 14, numRuns: 300 },
    );
  });

  it("names nothing on another origin, with a query or fragment, under another path, or for any other string, and never throws", () => {
    for (const other of [
      "http://duizhao.example.org/read/sample-essay",
      `${ORIGIN}/read/sample-essay?x=1`,
      `${ORIGIN}/read/sample-essay#p-1`,
      `${ORIGIN}/read/sample-essay/anchors/p-1`,
      `${ORIGIN}/concepts/sample-essay`,
      `${ORIGIN}/read/Sample`,
      `${ORIGIN}/read/%E0`,
      "urn:cts:latinLit:phi1103",
      "",
    ]) {
      expect(readDtsResourceSlug(other, ORIGIN), other).toBeNull();
    }
    fc.assert(
      fc.property(fc.string(), (value) => {
        const slugOf = readDtsResourceSlug(value, ORIGIN);
        expect(slugOf === null || /^[a-z0-9][a-z0-9-]*$/u.test(slugOf)).toBe(true);
      }),
      { seed: 14, numRuns: 500 },
    );
  });
});
