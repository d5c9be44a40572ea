import jsonld from "jsonld";
import { describe, expect, it } from "vitest";
import { readAnnotationFile } from "./web-annotation-import";
import { WEB_ANNOTATION_CONTEXT_DOCUMENT } from "./web-annotation-context";
import {
  annotationCollection,
  annotationPage,
  ANNOTATIONS_PER_PAGE,
  linkAnnotation,
  passageAnnotation,
  WEB_ANNOTATION_CONTEXT,
  type DocumentLink,
} from "./web-annotation-export";
import { anchorQuote } from "./web-annotation-anchor";
import { documentText } from "./web-annotation-text";

const context = { base: "https://duizhao.example.org" };
const left = documentText([
  { anchor: "h-1", kind: "heading", text: "一、几点观察" },
  { anchor: "p-1", kind: "paragraph", text: "各方都承认网络主权原则是讨论的起点。" },
  { anchor: "p-2", kind: "paragraph", text: "其次，数据跨境流动规则的互认牵动各方利益。" },
]);
const right = documentText([{ anchor: "p-9", kind: "paragraph", text: "我们坚持网络主权原则，推动数据跨境流动规则的互认。" }]);

const links: DocumentLink[] = [
  {
    kind: "shared_passage",
    confidence: 1,
    evidence: { leftText: "数据跨境流动规则的互认", rightText: "数据跨境流动规则的互认", hanChars: 11 },
    here: { slug: "essay-a", layout: left, anchor: "p-2", start: 3, end: 14 },
    there: { slug: "essay-b", layout: right, anchor: "p-9", start: 13, end: 24 },
  },
  {
    kind: "shared_source",
    confidence: 0.9,
    evidence: { sourceKey: "src-0a1b2c", title: "数据跨境流动规则比较研究", type: "article-journal", leftNote: "n-1", rightNote: "n-7" },
    here: { slug: "essay-a", layout: left, anchor: "p-2", start: 22, end: 22 },
    there: { slug: "essay-b", layout: right, anchor: "p-9", start: 25, end: 25 },
  },
  {
    kind: "concept_overlap",
    confidence: 0.62,
    evidence: { concepts: ["cyber-sovereignty"], score: 0.62, rankInLeft: 1, rankInRight: 1 },
    here: { slug: "essay-a", layout: left, anchor: "p-1", start: null, end: null },
    there: { slug: "essay-b", layout: right, anchor: "p-9", start: null, end: null },
  },
];

const passage = passageAnnotation(context, { slug: "essay-a", title: "样例", layout: left, passage: { anchor: "p-2", start: 3, end: 14 } });
const linkItems = links.map((link) => linkAnnotation(context, "essay-a", link));
const collection = annotationCollection(context, { slug: "essay-a", title: "样例", total: linkItems.length, firstItems: linkItems });

/** Serves the Web Annotation context from the local copy; anything else is refused (no network in tests). */
const documentLoader = async (url: string) => {
  if (url === WEB_ANNOTATION_CONTEXT || url === "https://www.w3.org/ns/anno.jsonld") {
    return { contextUrl: undefined, documentUrl: url, document: WEB_ANNOTATION_CONTEXT_DOCUMENT };
  }
  throw new Error(`no network in tests: ${url}`);
};

type Json = Record<string, unknown>;
const OA = "http://www.w3.org/ns/oa#";
const AS = "http://www.w3.org/ns/activitystreams#";

/**
 * jsonld.js 9's own signatures: @types/jsonld describes 1.5, which had no safe mode (and takes the context
 * by URL only as a ContextDefinition).
 */
type Loader = typeof documentLoader;
const expandWith = jsonld.expand as unknown as (input: Json, options: { documentLoader: Loader; safe: boolean }) => Promise<Json[]>;
const compactWith = jsonld.compact as unknown as (input: Json[], context: string, options: { documentLoader: Loader }) => Promise<Json>;

/**
 * Expanded in safe mode (jsonld.js throws on any lossy step: a term the context does not define, a value
 * it cannot keep), and compacted back to exactly what was exported: nothing was dropped or changed.
 */
async function expandLosslessly(document: Json): Promise<Json[]> {
  const expanded = await expandWith(document, { documentLoader, safe: true });
  expect(await compactWith(expanded, WEB_ANNOTATION_CONTEXT, { documentLoader })).toEqual(document);
  return expanded;
}

const values = (node: Json, property: string): unknown[] => (node[property] as unknown[] | undefined) ?? [];
const ids = (node: Json, property: string) => values(node, property).map((value) => (value as Json)["@id"]);
const literal = (node: Json, property: string) => values(node, property).map((value) => (value as Json)["@value"]);

/** The Web Annotation Data Model's MUSTs for an annotation, checked on its expanded form. */
function expectValidAnnotation(node: Json): void {
  expect(node["@id"]).toMatch(/^https:\/\/duizhao\.example\.org\//u);
  expect(node["@type"]).toContain(`${OA}Annotation`);
  const targets = values(node, `${OA}hasTarget`) as Json[];
  expect(targets.length).toBeGreaterThan(0);
  for (const target of targets) {
    expect(target["@type"]).toEqual([`${OA}SpecificResource`]);
    expect(ids(target, `${OA}hasSource`)[0]).toMatch(/^https:\/\/duizhao\.example\.org\/read\/essay-[ab]$/u);
    for (const selector of values(target, `${OA}hasSelector`) as Json[]) expectValidSelector(selector);
  }
  for (const body of values(node, `${OA}hasBody`) as Json[]) {
    if ((body["@type"] as string[]).includes(`${OA}TextualBody`)) expect(literal(body, "http://www.w3.org/1999/02/22-rdf-syntax-ns#value")).toHaveLength(1);
    else expect(ids(body, `${OA}hasSource`)).toHaveLength(1);
  }
}

function expectValidSelector(selector: Json): void {
  const [type] = selector["@type"] as string[];
  if (type === `${OA}TextQuoteSelector`) expect(literal(selector, `${OA}exact`)[0]).toEqual(expect.any(String));
  else if (type === `${OA}TextPositionSelector`) {
    const [start] = literal(selector, `${OA}start`) as number[];
    const [end] = literal(selector, `${OA}end`) as number[];
    expect(Number.isInteger(start) && Number.isInteger(end) && start! >= 0 && end! >= start!).toBe(true);
  } else if (type === `${OA}FragmentSelector`) {
    expect(literal(selector, "http://www.w3.org/1999/02/22-rdf-syntax-ns#value")[0]).toMatch(/^[pnh]-/u);
    expect(ids(selector, "http://purl.org/dc/terms/conformsTo")).toEqual(["http://tools.ietf.org/rfc/rfc3986"]);
    for (const refinement of values(selector, `${OA}refinedBy`) as Json[]) expectValidSelector(refinement);
  } else throw new Error(`unexpected selector ${type}`);
}

describe("Web Annotation export, validated against the Web Annotation JSON-LD context", () => {
  it("a passage link: every term expands, the annotation and its selectors have what the model requires", async () => {
    const [node] = await expandLosslessly(passage);
    expectValidAnnotation(node!);
    expect(ids(node!, `${OA}motivatedBy`)).toEqual([`${OA}highlighting`]);
    expect(passage.id).toBe("https://duizhao.example.org/api/annotations/documents/essay-a/passage?q=%E6%95%B0%E6%8D%AE%E8%B7%A8%E5%A2%83%E6%B5%81%E5%8A%A8%E8%A7%84%E5%88%99%E7%9A%84%E4%BA%92%E8%AE%A4&qp=%E5%85%B6%E6%AC%A1%EF%BC%8C&qs=%E7%89%B5%E5%8A%A8%E5%90%84%E6%96%B9%E5%88%A9%E7%9B%8A%E3%80%82&qa=p-2&qo=3");
  });

  it("the checks fail on a term the context does not define (it would be dropped), and on a relative source", async () => {
    await expect(expandLosslessly({ ...passage, confidence: 0.9 })).rejects.toThrow("Safe mode validation error");
    const [relative] = await expandLosslessly({ ...passage, target: { ...(passage.target as Json), source: "read/essay-a" } });
    expect(() => expectValidAnnotation(relative!)).toThrow();
  });

  it("gives the words three ways that agree: the quote, its document-text positions, the block refined by block positions", () => {
    const selectors = (passage.target as Json).selector as Json[];
    const [quote, position, fragment] = selectors as [Json, Json, Json];
    expect(quote).toEqual({ type: "TextQuoteSelector", exact: "数据跨境流动规则的互认", prefix: "一、几点观察\n各方都承认网络主权原则是讨论的起点。\n其次，", suffix: "牵动各方利益。\n" });
    expect(left.text.slice(position.start as number, position.end as number)).toBe(quote.exact);
    expect(fragment).toEqual({
      type: "FragmentSelector",
      conformsTo: "http://tools.ietf.org/rfc/rfc3986",
      value: "p-2",
      refinedBy: { type: "TextPositionSelector", start: 3, end: 14 },
    });
  });

  it("cross-document links: two targets, the kind and the evidence as bodies, the same id from either side", async () => {
    const expanded = await expandLosslessly(collection);
    const [collectionNode] = expanded;
    expect(collectionNode!["@type"]).toEqual([`${AS}OrderedCollection`]);
    expect(literal(collectionNode!, `${AS}totalItems`)).toEqual([3]);
    const [page] = values(collectionNode!, `${AS}first`) as Json[];
    expect(page!["@type"]).toEqual([`${AS}OrderedCollectionPage`]);
    const items = ((values(page!, `${AS}items`)[0] as Json)["@list"] as Json[]) ?? [];
    expect(items).toHaveLength(3);
    for (const item of items) {
      expectValidAnnotation(item);
      expect(values(item, `${OA}hasTarget`)).toHaveLength(2);
      expect(ids(item, `${OA}motivatedBy`)).toEqual([`${OA}linking`]);
    }
    const [sharedPassage, sharedSource, overlap] = linkItems as [Json, Json, Json];
    expect((sharedPassage.body as Json[])[0]).toEqual({ type: "TextualBody", purpose: "tagging", value: "shared_passage" });
    expect(JSON.parse((sharedPassage.body as Json[])[2]!.value as string)).toEqual({ kind: "shared_passage", confidence: 1, evidence: links[0]!.evidence });
    expect((sharedSource.body as Json[])[3]).toEqual({ type: "SpecificResource", purpose: "identifying", source: "https://duizhao.example.org/sources/src-0a1b2c" });
    // A whole paragraph (concept overlap) is its block alone; a marker's place (shared source) too: no empty quote.
    expect((overlap.target as Json[])[0]).toEqual({
      type: "SpecificResource",
      source: "https://duizhao.example.org/read/essay-a",
      selector: { type: "FragmentSelector", conformsTo: "http://tools.ietf.org/rfc/rfc3986", value: "p-1" },
    });
    expect(((sharedSource.target as Json[])[0] as Json).selector).toMatchObject({ type: "FragmentSelector", value: "p-2" });
    const mirrored = linkAnnotation(context, "essay-b", { ...links[0]!, here: links[0]!.there, there: links[0]!.here });
    expect(String(mirrored.id).split("#")[1]).toBe(String(sharedPassage.id).split("#")[1]);
  });

  it("pages a long collection: first embedded, last, next and prev, each page valid on its own", async () => {
    const total = ANNOTATIONS_PER_PAGE * 2 + 1;
    const big = annotationCollection(context, { slug: "essay-a", title: "样例", total, firstItems: linkItems });
    expect(big.last).toBe("https://duizhao.example.org/api/annotations/documents/essay-a?page=2");
    expect((big.first as Json).next).toBe("https://duizhao.example.org/api/annotations/documents/essay-a?page=1");
    const middle = annotationPage(context, { slug: "essay-a", page: 1, total, items: linkItems }, { embedded: false });
    expect(middle).toMatchObject({ "@context": WEB_ANNOTATION_CONTEXT, startIndex: ANNOTATIONS_PER_PAGE, partOf: "https://duizhao.example.org/api/annotations/documents/essay-a" });
    expect(middle.prev).toBe("https://duizhao.example.org/api/annotations/documents/essay-a?page=0");
    await expandLosslessly(middle);
    expect(annotationCollection(context, { slug: "essay-a", title: "样例", total: 0, firstItems: [] })).not.toHaveProperty("first");
  });

  it("what it exports, its own import reads back and anchors on the same words", () => {
    const reading = readAnnotationFile(collection);
    if (!reading.ok) throw new Error(reading.error);
    const onEssayA = reading.annotations.filter((annotation) => annotation.slug === "essay-a");
    const passageLink = onEssayA[0]!;
    expect(anchorQuote(left, passageLink.quote, passageLink.hints)).toMatchObject({ status: "anchored", text: "数据跨境流动规则的互认", start: { anchor: "p-2", offset: 3 } });
    const back = readAnnotationFile(passage);
    if (!back.ok) throw new Error(back.error);
    expect(anchorQuote(left, back.annotations[0]!.quote, back.annotations[0]!.hints)).toMatchObject({ status: "anchored", start: { anchor: "p-2", offset: 3 }, end: { anchor: "p-2", offset: 14 } });
  });
});
