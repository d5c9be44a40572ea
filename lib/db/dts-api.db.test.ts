import { fileURLToPath } from "node:url";
import { XmlDocument, XmlElement, XmlText } from "libxml2-wasm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as collectionRoute } from "@/app/api/dts/collection/route";
import { GET as documentRoute } from "@/app/api/dts/document/route";
import { GET as navigationRoute } from "@/app/api/dts/navigation/route";
import { GET as entryRoute } from "@/app/api/dts/route";
import { GET as teiExportRoute } from "@/app/api/export/documents/[slug]/tei/route";
import { readSourceFile } from "@/lib/corpus/read-source-file";
import { TEI_NAMESPACE } from "@/lib/exchange/document-to-tei";
import {
  dtsCitableUnitSchema,
  dtsCollectionResponseSchema,
  dtsEntryPointSchema,
  dtsNavigationSchema,
} from "@/lib/exchange/dts-response-schemas";
import { DTS_NAMESPACE } from "@/lib/exchange/passage-to-tei";
import { parseDocument } from "@/lib/ingest/parse-document";
import type { DocumentStructure } from "@/lib/model/document-model";
import { sampleDraft, sampleSource } from "@/tests/db/fixtures/sample-draft";
import { createTestDatabase, type TestDatabase } from "@/tests/db/test-database";
import { getDocumentStructure } from "./get-document";
import { loadDocument } from "./load-document";

/**
 * The DTS 1.0 endpoints against a real database holding both corpus essays: a client that knows only the
 * entry endpoint's address follows the URI templates it is given (entry → collection → a resource → its
 * navigation → a passage's TEI), every answer checked against the response shapes written from the
 * specification (lib/exchange/dts-response-schemas.ts); then the errors DTS names, and identifiers of an
 * earlier version after a re-ingest.
 */

const ORIGIN = "http://duizhao.test";
const root = fileURLToPath(new URL("../../", import.meta.url));
const ESSAYS = ["000_1322acf3015bdc34", "001_dd40619b11185e85"] as const;

const ROUTES: Record<string, (request: Request) => Promise<Response>> = {
  "/api/dts": entryRoute,
  "/api/dts/collection": collectionRoute,
  "/api/dts/navigation": navigationRoute,
  "/api/dts/document": documentRoute,
};

/** GET an absolute URL of the app, as a client would (redirects are not followed: the tests look at them). */
async function get(url: string): Promise<Response> {
  const parsed = new URL(url);
  expect(parsed.origin, url).toBe(ORIGIN);
  const route = ROUTES[parsed.pathname];
  if (!route) throw new Error(`no DTS route at ${parsed.pathname}`);
  return route(new Request(parsed));
}

async function json(url: string): Promise<Record<string, unknown>> {
  const response = await get(url);
  expect(response.status, `${url}: ${response.status}`).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/ld+json");
  expect(response.headers.get("access-control-allow-origin")).toBe("*");
  return (await response.json()) as Record<string, unknown>;
}

/**
 * RFC 6570 expansion of the form-style query expressions DTS uses (`{?a,b}` and `{&a,b}`) and literals; an
 * undefined variable is left out (section 3.2.8). Enough for a client of any DTS 1.0 server's templates.
 */
function expand(template: string, variables: Record<string, string | number | undefined>): string {
  return template.replace(/\{([?&])([^}]+)\}/gu, (_expression, operator: string, names: string) => {
    const pairs = names
      .split(",")
      .flatMap((name) => (variables[name] === undefined ? [] : [`${name}=${encodeURIComponent(String(variables[name]))}`]));
    return pairs.length === 0 ? "" : `${operator}${pairs.join("&")}`;
  });
}

interface PassageText {
  text: string;
  ids: string[];
}

/** The text inside a passage's dts:wrapper (notes left out, layout whitespace of block elements too) and its unit ids. */
function wrapperContent(xml: string): PassageText {
  const document = XmlDocument.fromString(xml);
  try {
    expect(document.root.name).toBe("TEI");
    expect(document.root.namespaceUri).toBe(TEI_NAMESPACE);
    const wrappers = document.find("/tei:TEI/tei:text/tei:body/dts:wrapper", { tei: TEI_NAMESPACE, dts: DTS_NAMESPACE });
    expect(wrappers).toHaveLength(1);
    const out: PassageText = { text: "", ids: [] };
    const walk = (element: XmlElement) => {
      for (let child = element.firstChild; child; child = child.next) {
        if (child instanceof XmlText) {
          if (!((element.name === "wrapper" || element.name === "div") && child.content.trim() === "")) out.text += child.content;
        } else if (child instanceof XmlElement) {
          const id = child.attr("id", "xml")?.value;
          if (id && (child.name === "p" || child.name === "div" || child.name === "note")) out.ids.push(id);
          if (child.name !== "note") walk(child);
        }
      }
    };
    walk(wrappers[0] as XmlElement);
    return out;
  } finally {
    document.dispose();
  }
}

let database: TestDatabase;
let essays: DocumentStructure[];
const previous: Record<string, string | undefined> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  essays = [];
  for (const name of ESSAYS) {
    const source = await readSourceFile(`${root}corpus/${name}.txt`);
    const document = parseDocument({ bytes: source.bytes, fileName: source.fileName, manifest: source.manifest ?? undefined, corrections: source.corrections ?? undefined });
    await loadDocument(document, { sourceFile: source.fileName, sourceSha256: source.sha256, parserVersion: "test", manifest: source.manifest, correctionsSha256: source.correctionsSha256 }, database.db);
    essays.push(document);
  }
  await loadDocument(sampleDraft(), sampleSource, database.db);
  // The routes use the app's client (DATABASE_URL) and name things by the public address (DUIZHAO_PUBLIC_URL).
  for (const name of ["DATABASE_URL", "DUIZHAO_PUBLIC_URL"]) previous[name] = process.env[name];
  process.env.DATABASE_URL = database.url;
  process.env.DUIZHAO_PUBLIC_URL = ORIGIN;
});

afterAll(async () => {
  for (const [name, value] of Object.entries(previous)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await database.drop();
});

describe("a client that follows the URI templates", () => {
  it("goes from the entry endpoint to a paragraph's TEI, every answer in DTS 1.0's shapes", async () => {
    const entry = dtsEntryPointSchema.parse(await json(`${ORIGIN}/api/dts`));
    expect(entry["@id"]).toBe(`${ORIGIN}/api/dts`);

    const corpus = dtsCollectionResponseSchema.parse(await json(expand(entry.collection, {})));
    expect(corpus).toMatchObject({ "@type": "Collection", totalParents: 0, totalChildren: 3 });
    const members = corpus.member ?? [];
    expect(members).toHaveLength(3);
    const essay = essays[1]!;
    const member = members.find((candidate) => candidate["@id"] === `${ORIGIN}/read/${essay.slug}`);
    expect(member, "each document is a Resource named by its reader address").toMatchObject({ "@type": "Resource", title: essay.title, totalParents: 1 });
    expect(member?.dublinCore).toMatchObject({ title: [{ lang: "zh", value: essay.title }], language: ["zh"] });

    // The Resource by its id, from the entry's template: with its citation tree.
    const resource = dtsCollectionResponseSchema.parse(await json(expand(entry.collection, { id: member!["@id"] })));
    if (resource["@type"] !== "Resource") throw new Error("a Resource");
    expect(resource.citationTrees).toEqual([
      expect.objectContaining({ "@type": "CitationTree", citeStructure: expect.arrayContaining([expect.objectContaining({ citeType: "section" })]) }),
    ]);

    // Its download is the essay's TEI export, which is there.
    expect(resource.download).toBe(`${ORIGIN}/api/export/documents/${essay.slug}/tei`);
    const download = await teiExportRoute(new Request(resource.download as string), { params: Promise.resolve({ slug: essay.slug }) });
    expect([download.status, download.headers.get("content-type")?.split(";")[0]]).toEqual([200, "application/tei+xml"]);

    // The whole tree from the resource's own navigation template.
    const navigation = dtsNavigationSchema.parse(await json(expand(resource.navigation, { down: -1 })));
    expect(navigation.resource["@id"]).toBe(resource["@id"]);
    const units = navigation.member ?? [];
    const paragraphs = units.filter((unit) => unit.citeType === "paragraph").map((unit) => unit.identifier);
    expect(paragraphs).toEqual([...essay.paragraphs].sort((a, b) => a.sourceLines[0] - b.sourceLines[0]).map((paragraph) => paragraph.anchor));
    expect(units.filter((unit) => unit.citeType === "note").map((unit) => unit.identifier).sort()).toEqual(essay.footnotes.map((note) => note.anchor).sort());
    expect(units.filter((unit) => unit.citeType === "section").map((unit) => unit.identifier).sort()).toEqual(essay.headings.map((heading) => heading.anchor).sort());
    for (const unit of units) {
      expect(unit["@id"]).toBe(`${ORIGIN}/read/${essay.slug}#${unit.identifier}`);
      if (unit.parent !== null) expect(units.some((candidate) => candidate.identifier === unit.parent)).toBe(true);
    }

    // A paragraph's TEI from the resource's document template: exactly that paragraph's text.
    const stored = (await getDocumentStructure(essay.slug, database.db))!;
    const paragraph = stored.paragraphs.find((candidate) => candidate.markers.length > 0)!;
    const response = await get(expand(resource.document, { ref: paragraph.anchor }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/tei+xml");
    expect(response.headers.get("link")).toBe(`<${ORIGIN}/api/dts/collection?id=${encodeURIComponent(resource["@id"])}>; rel="collection"`);
    const passage = wrapperContent(await response.text());
    expect(passage.text).toBe(paragraph.text);
    expect(passage.ids.filter((id) => id.startsWith("p-"))).toEqual([paragraph.anchor]);
  });

  it("can fetch every unit the navigation names, and each holds its own id", async () => {
    const essay = essays[0]!;
    const iri = `${ORIGIN}/read/${essay.slug}`;
    const navigation = dtsNavigationSchema.parse(await json(`${ORIGIN}/api/dts/navigation?resource=${encodeURIComponent(iri)}&down=-1`));
    const units = navigation.member ?? [];
    expect(units.length).toBeGreaterThan(essay.paragraphs.length);
    for (const unit of units) {
      const response = await get(expand(navigation.resource.document, { ref: unit.identifier }));
      expect(response.status, unit.identifier).toBe(200);
      expect(wrapperContent(await response.text()).ids, unit.identifier).toContain(unit.identifier);
    }
  });

  it("gives the whole document as TEI without a wrapper, and a range across sections", async () => {
    const essay = essays[0]!;
    const iri = encodeURIComponent(`${ORIGIN}/read/${essay.slug}`);
    const whole = await get(`${ORIGIN}/api/dts/document?resource=${iri}`);
    expect(whole.status).toBe(200);
    const xml = await whole.text();
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<TEI xmlns="http:\/\/www\.tei-c\.org\/ns\/1\.0"/u);
    expect(xml).not.toContain("dts:wrapper");

    const navigation = dtsNavigationSchema.parse(await json(`${ORIGIN}/api/dts/navigation?resource=${iri}&down=1`));
    const top = navigation.member ?? [];
    expect(top.every((unit) => unit.level === 1)).toBe(true);
    const sections = top.filter((unit) => unit.citeType === "section");
    expect(sections.length).toBeGreaterThan(1);
    const [first, second] = sections;
    const range = dtsNavigationSchema.parse(await json(`${ORIGIN}/api/dts/navigation?resource=${iri}&start=${first!.identifier}&end=${second!.identifier}`));
    expect([range.start?.identifier, range.end?.identifier, range.member]).toEqual([first!.identifier, second!.identifier, undefined]);
    const passage = wrapperContent(await (await get(`${ORIGIN}/api/dts/document?resource=${iri}&start=${first!.identifier}&end=${second!.identifier}`)).text());
    // The same units as the navigation of that range to the bottom: the first section, the second, and their subsections.
    const all = dtsNavigationSchema.parse(await json(`${ORIGIN}/api/dts/navigation?resource=${iri}&start=${first!.identifier}&end=${second!.identifier}&down=-1`));
    expect(passage.ids).toEqual((all.member ?? []).map((unit) => unit.identifier));
    expect(passage.ids.filter((id) => id.startsWith("h-")).slice(0, 2)).toEqual([first!.identifier, second!.identifier]);
  });

  it("answers ref alone, down=0 (siblings) and ref with down as DTS 1.0's table says", async () => {
    const iri = encodeURIComponent(`${ORIGIN}/read/sample-essay`);
    const base = `${ORIGIN}/api/dts/navigation?resource=${iri}`;
    const alone = dtsNavigationSchema.parse(await json(`${base}&ref=p-00000002`));
    expect(alone.ref).toMatchObject({ identifier: "p-00000002", level: 2, parent: "h-00000001", citeType: "paragraph" });
    expect(alone.member).toBeUndefined();
    expect(alone["@id"]).toBe(`${base}&ref=p-00000002`);
    const siblings = dtsNavigationSchema.parse(await json(`${base}&ref=p-00000002&down=0`));
    expect(siblings.member?.map((unit) => unit.identifier)).toEqual(["p-00000001", "p-00000002"]);
    const section = dtsNavigationSchema.parse(await json(`${base}&ref=h-00000001&down=1`));
    expect(section.member?.map((unit) => unit.identifier)).toEqual(["h-00000001", "p-00000001", "p-00000002"]);
    expect(dtsCitableUnitSchema.parse(section.ref)).toMatchObject({ dublinCore: { title: [{ lang: "zh", value: "一、第一部分" }] } });
  });

  it("lists the corpus as a Resource's one parent, and no parent of the corpus", async () => {
    const parents = dtsCollectionResponseSchema.parse(await json(`${ORIGIN}/api/dts/collection?id=${encodeURIComponent(`${ORIGIN}/read/sample-essay`)}&nav=parents`));
    expect(parents.member?.map((member) => [member["@id"], member["@type"]])).toEqual([[`${ORIGIN}/`, "Collection"]]);
    const none = dtsCollectionResponseSchema.parse(await json(`${ORIGIN}/api/dts/collection?nav=parents`));
    expect(none.member).toEqual([]);
    // The corpus by its own @id is the same answer as the corpus without one.
    expect(await json(`${ORIGIN}/api/dts/collection?id=${encodeURIComponent(`${ORIGIN}/`)}`)).toEqual(await json(`${ORIGIN}/api/dts/collection`));
  });
});

describe("what DTS 1.0 says is an error", () => {
  const sample = encodeURIComponent(`${ORIGIN}/read/sample-essay`);
  const cases: [string, number, RegExp][] = [
    // Navigation, "Errors": 400
    ["/api/dts/navigation?down=1", 400, /resource is required/u],
    [`/api/dts/navigation?resource=${sample}&ref=p-00000001&start=p-00000001&end=p-00000002`, 400, /ref cannot be combined/u],
    [`/api/dts/navigation?resource=${sample}&start=p-00000001`, 400, /start and end are given together/u],
    [`/api/dts/navigation?resource=${sample}`, 400, /give ref, start and end, or down/u],
    [`/api/dts/navigation?resource=${sample}&down=0`, 400, /down=0/u],
    [`/api/dts/navigation?resource=${sample}&start=p-00000002&down=0&end=p-00000003`, 400, /down=0/u],
    [`/api/dts/navigation?resource=${sample}&start=p-00000003&end=p-00000001`, 400, /comes after its end/u],
    [`/api/dts/navigation?resource=${sample}&ref=${encodeURIComponent("../etc")}`, 400, /^ref: not a passage identifier/u],
    [`/api/dts/navigation?resource=${sample}&down=deep`, 400, /^down:/u],
    [`/api/dts/navigation?resource=${sample}&down=1&page=2`, 400, /page/u],
    // Navigation, "Errors": 404
    [`/api/dts/navigation?resource=${sample}&ref=p-ffffffff`, 404, /^ref: passage "p-ffffffff" not found/u],
    [`/api/dts/navigation?resource=${sample}&start=p-00000001&end=p-ffffffff`, 404, /^end:/u],
    [`/api/dts/navigation?resource=${sample}&ref=p-00000001&tree=pages`, 404, /tree "pages"/u],
    [`/api/dts/navigation?resource=${encodeURIComponent(`${ORIGIN}/read/no-such-essay`)}&down=1`, 404, /resource "no-such-essay" not found/u],
    [`/api/dts/navigation?resource=${encodeURIComponent("https://elsewhere.example/read/sample-essay")}&down=1`, 404, /not found/u],
    // Document, "Errors"
    ["/api/dts/document", 400, /resource is required/u],
    [`/api/dts/document?resource=${sample}&ref=p-00000001&end=p-00000002`, 400, /ref cannot be combined/u],
    [`/api/dts/document?resource=${sample}&end=p-00000002`, 400, /start and end are given together/u],
    [`/api/dts/document?resource=${sample}&start=p-00000003&end=p-00000001`, 400, /comes after its end/u],
    [`/api/dts/document?resource=${sample}&ref=p-ffffffff`, 404, /not found/u],
    [`/api/dts/document?resource=${sample}&ref=p-00000001&tree=pages`, 404, /tree "pages"/u],
    [`/api/dts/document?resource=${sample}&mediaType=text%2Fhtml`, 404, /mediaType "text\/html"/u],
    [`/api/dts/document?resource=urn%3Acts%3AlatinLit%3Aphi1103`, 404, /not found/u],
    // Collection
    ["/api/dts/collection?nav=siblings", 400, /^nav:/u],
    ["/api/dts/collection?page=0", 400, /^page:/u],
    ["/api/dts/collection?page=2", 404, /page 2 of the corpus/u],
    [`/api/dts/collection?id=${encodeURIComponent(`${ORIGIN}/read/no-such-essay`)}`, 404, /not found/u],
    ["/api/dts/collection?id=&nav=children", 400, /^id: id is empty/u],
  ];

  it.each(cases)("GET %s → %i with the reason", async (path, status, reason) => {
    const response = await get(`${ORIGIN}${path}`);
    expect(response.status).toBe(status);
    // A client in another site's page reads the reason too.
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(((await response.json()) as { error: string }).error).toMatch(reason);
  });

  it("ignores tree on the whole document (it addresses no unit)", async () => {
    expect((await get(`${ORIGIN}/api/dts/document?resource=${sample}&tree=pages`)).status).toBe(200);
  });
});

describe("identifiers of an earlier version", () => {
  const sample = encodeURIComponent(`${ORIGIN}/read/sample-essay`);

  it("redirects a moved passage to where it is now, and answers a removed one 404 with the words it had", async () => {
    const edited = sampleDraft({ secondParagraph: "各国应当携手共同构建网络空间命运共同体。" });
    edited.paragraphs[1]!.anchor = "p-edited";
    await loadDocument(edited, { ...sampleSource, sourceSha256: "e".repeat(64) }, database.db);

    for (const endpoint of ["document", "navigation"] as const) {
      const moved = await get(`${ORIGIN}/api/dts/${endpoint}?resource=sample-essay&ref=p-00000002`);
      expect(moved.status, endpoint).toBe(307);
      const location = moved.headers.get("location")!;
      expect(moved.headers.get("access-control-expose-headers")).toBe("Link, Location");
      // The canonical resource identifier, the current passage identifier.
      expect(location).toBe(`${ORIGIN}/api/dts/${endpoint}?resource=${sample}&ref=p-edited`);
      expect((await get(location)).status).toBe(200);
    }
    const range = await get(`${ORIGIN}/api/dts/document?resource=${sample}&start=p-00000001&end=p-00000002`);
    expect(range.headers.get("location")).toBe(`${ORIGIN}/api/dts/document?resource=${sample}&start=p-00000001&end=p-edited`);
    const passage = wrapperContent(await (await get(`${ORIGIN}/api/dts/document?resource=${sample}&ref=p-edited`)).text());
    expect(passage.text).toBe("各国应当携手共同构建网络空间命运共同体。");

    // A citation's anchor is a place in its note: it leads to the note.
    const citation = await get(`${ORIGIN}/api/dts/document?resource=${sample}&ref=n-00000001-c1`);
    expect([citation.status, citation.headers.get("location")]).toEqual([307, `${ORIGIN}/api/dts/document?resource=${sample}&ref=n-00000001`]);

    const without = sampleDraft();
    without.paragraphs.splice(1, 1);
    without.footnotes.splice(1, 1);
    await loadDocument(without, { ...sampleSource, sourceSha256: "f".repeat(64) }, database.db);
    const removed = await get(`${ORIGIN}/api/dts/navigation?resource=${sample}&ref=p-00000002`);
    expect(removed.status).toBe(404);
    // Both the anchor of the first version and that of the second: each with the words it had.
    expect(((await removed.json()) as { error: string }).error).toBe(
      "ref: the passage p-00000002 was removed when the document was re-ingested; it read: 各国应当共同构建网络空间命运共同体。",
    );
    const removedToo = await get(`${ORIGIN}/api/dts/document?resource=${sample}&ref=p-edited`);
    expect(removedToo.status).toBe(404);
    expect(((await removedToo.json()) as { error: string }).error).toContain("it read: 各国应当携手共同构建网络空间命运共同体。");
  });
});

describe("the response schemas catch what breaks DTS 1.0, so passing them means something", () => {
  it("rejects answers missing or mistyping what the specification requires", async () => {
    const entry = await json(`${ORIGIN}/api/dts`);
    expect(dtsEntryPointSchema.safeParse(entry).success).toBe(true);
    expect(dtsEntryPointSchema.safeParse({ ...entry, dtsVersion: "1-alpha" }).success).toBe(false);
    expect(dtsEntryPointSchema.safeParse({ ...entry, navigation: "/api/dts/navigation{?resource" }).success).toBe(false);

    const corpus = await json(`${ORIGIN}/api/dts/collection`);
    expect(dtsCollectionResponseSchema.safeParse(corpus).success).toBe(true);
    const { totalChildren: _children, ...withoutChildren } = corpus;
    expect(dtsCollectionResponseSchema.safeParse(withoutChildren).success).toBe(false);
    const members = corpus.member as Record<string, unknown>[];
    const { document: _document, ...withoutDocument } = members[0]!;
    expect(dtsCollectionResponseSchema.safeParse({ ...corpus, member: [withoutDocument] }).success).toBe(false);
    expect(dtsCollectionResponseSchema.safeParse({ ...corpus, member: [{ ...members[0], dublinCore: { title: [{ value: "no lang" }] } }] }).success).toBe(false);

    const navigation = await json(`${ORIGIN}/api/dts/navigation?resource=${encodeURIComponent(`${ORIGIN}/read/sample-essay`)}&down=1`);
    expect(dtsNavigationSchema.safeParse(navigation).success).toBe(true);
    expect(dtsNavigationSchema.safeParse({ ...navigation, "@id": "/api/dts/navigation" }).success).toBe(false);
    const unit = (navigation.member as Record<string, unknown>[])[0]!;
    const { parent: _parent, ...withoutParent } = unit;
    expect(dtsNavigationSchema.safeParse({ ...navigation, member: [withoutParent] }).success).toBe(false);
    const resource = navigation.resource as Record<string, unknown>;
    const { citationTrees: _trees, ...withoutTrees } = resource;
    expect(dtsNavigationSchema.safeParse({ ...navigation, resource: withoutTrees }).success).toBe(false);
  });
});
