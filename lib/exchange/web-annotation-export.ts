import { createHash } from "node:crypto";
import { describeQuote } from "@/lib/anchoring/match-quote";
import { annotationPageHref, annotationsHref, passageAnnotationHref, readerHref, sourceHref } from "@/lib/urls/app-urls";
import type { DocumentText } from "./web-annotation-text";

/**
 * Duizhao's deep links and cross-document links as W3C Web Annotations (JSON-LD, Web Annotation Data Model,
 * https://www.w3.org/TR/annotation-model/), compacted with the model's own context so that any annotation
 * client reads them without a context of ours.
 *
 * A target is the document's reader address (absolute, from the public URL), with, when it is a stretch of
 * words, three selectors for the same words, so that each kind of client finds them:
 *   - TextQuoteSelector: the words, with up to 32 characters either side (as Hypothesis writes them);
 *   - TextPositionSelector: UTF-16 positions in the document's text (./web-annotation-text.ts);
 *   - FragmentSelector: the block's anchor (the reader's `#p-…`, stable across re-ingests), refined by a
 *     TextPositionSelector counting inside that block's text.
 * A whole block (the end of a concept-overlap link, or of a shared-source link, which is the passage citing
 * the work) is its FragmentSelector alone.
 */

export const WEB_ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
/** The media type Web Annotation JSON-LD is served as (Web Annotation Protocol, section 4). */
export const WEB_ANNOTATION_MEDIA_TYPE = `application/ld+json; profile="${WEB_ANNOTATION_CONTEXT}"`;
/** What a FragmentSelector on an HTML page conforms to (the model's table of fragment specifications). */
const HTML_FRAGMENT = "http://tools.ietf.org/rfc/rfc3986";
/** Context either side of a quote: what the Hypothesis client writes, enough to tell repeated wordings apart. */
export const QUOTE_CONTEXT_LENGTH = 32;
/**
 * Annotations per page of a collection. The Web Annotation Protocol pages collections; 200 cross-document
 * links (each with two targets and its evidence) make a page of some 400 KB, which a client parses at once.
 */
export const ANNOTATIONS_PER_PAGE = 200;

type JsonObject = Record<string, unknown>;

export interface ExportContext {
  /** The public origin, e.g. `https://duizhao.example.org` (lib/env.ts DUIZHAO_PUBLIC_URL). */
  base: string;
}

const absolute = (context: ExportContext, path: string) => new URL(path, context.base).toString();

const generator = (context: ExportContext) => ({ id: absolute(context, "/"), type: "Software", name: "Duizhao 对照" });

/** A stretch [start, end) of a block, or the whole block when start/end are null (or the stretch is empty). */
export interface TargetEnd {
  slug: string;
  layout: DocumentText;
  anchor: string;
  start: number | null;
  end: number | null;
}

/** The target of a block, or of words in it (see the module's comment). */
export function textTarget(context: ExportContext, end: TargetEnd): JsonObject {
  const source = absolute(context, readerHref(end.slug));
  const block = end.layout.blocks.find((candidate) => candidate.anchor === end.anchor);
  const fragment = { type: "FragmentSelector", conformsTo: HTML_FRAGMENT, value: end.anchor };
  if (!block || end.start === null || end.end === null || end.end <= end.start || end.end > block.text.length) {
    return { type: "SpecificResource", source, selector: fragment };
  }
  const start = block.start + end.start;
  const stop = block.start + end.end;
  const quote = describeQuote(end.layout.text, start, stop, QUOTE_CONTEXT_LENGTH);
  return {
    type: "SpecificResource",
    source,
    selector: [
      { type: "TextQuoteSelector", exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      { type: "TextPositionSelector", start, end: stop },
      { ...fragment, refinedBy: { type: "TextPositionSelector", start: end.start, end: end.end } },
    ],
  };
}

// ————— A deep link —————

/** A passage as it stands now: its block and [start, end) in the block's text. */
export interface LocatedPassage {
  anchor: string;
  start: number;
  end: number;
}

/**
 * A passage link as one annotation (motivation highlighting: it marks words and says nothing of its own).
 * Its id is its own export address, built from the passage as it stands now, so the same words give the
 * same id.
 */
export function passageAnnotation(context: ExportContext, input: { slug: string; title: string; layout: DocumentText; passage: LocatedPassage }): JsonObject {
  const { slug, layout, passage } = input;
  const block = layout.blocks.find((candidate) => candidate.anchor === passage.anchor);
  const text = block?.text ?? "";
  const selector = {
    ...describeQuote(text, passage.start, passage.end, QUOTE_CONTEXT_LENGTH),
    blockAnchor: passage.anchor,
    offset: passage.start,
  };
  return {
    "@context": WEB_ANNOTATION_CONTEXT,
    id: absolute(context, passageAnnotationHref(slug, selector)),
    type: "Annotation",
    motivation: "highlighting",
    generator: generator(context),
    target: textTarget(context, { slug, layout, anchor: passage.anchor, start: passage.start, end: passage.end }),
  };
}

// ————— Cross-document links —————

export type LinkKindName = "shared_source" | "shared_passage" | "concept_overlap";

/** The words the side-by-side links panel uses for each kind (components/compare/focused-links.tsx). */
const KIND_WORDS: Record<LinkKindName, string> = {
  shared_passage: "Shared words 共同文字",
  shared_source: "Shared source 共同来源",
  concept_overlap: "Shared concepts 共同概念",
};

/** A link seen from one document (`here`) to another (`there`); evidence names them left and right. */
export interface DocumentLink {
  kind: LinkKindName;
  confidence: number;
  evidence: unknown;
  here: TargetEnd;
  there: TargetEnd;
}

/**
 * A link as an annotation with two targets (this document's end first) and, as its body, the kind (a tag),
 * the evidence in words, and the evidence as stored (JSON: `left…` keys describe the first target, `right…`
 * the second), plus, for a shared source, the source's page.
 */
export function linkAnnotation(context: ExportContext, collectionSlug: string, link: DocumentLink): JsonObject {
  const body: JsonObject[] = [
    { type: "TextualBody", purpose: "tagging", value: link.kind },
    { type: "TextualBody", purpose: "describing", format: "text/plain", value: describeLink(link) },
    {
      type: "TextualBody",
      purpose: "describing",
      format: "application/json",
      value: JSON.stringify({ kind: link.kind, confidence: link.confidence, evidence: link.evidence }),
    },
  ];
  const sourceKey = evidenceField(link.evidence, "sourceKey");
  if (link.kind === "shared_source" && sourceKey) {
    body.push({ type: "SpecificResource", purpose: "identifying", source: absolute(context, sourceHref(sourceKey)) });
  }
  return {
    id: `${absolute(context, annotationsHref(collectionSlug))}#link-${linkId(link)}`,
    type: "Annotation",
    motivation: "linking",
    generator: generator(context),
    body,
    target: [textTarget(context, link.here), textTarget(context, link.there)],
  };
}

/**
 * The same link has the same id in both documents' collections: a hash of its kind and its two ends, in an
 * order that does not depend on the side it is seen from.
 */
function linkId(link: DocumentLink): string {
  const ends = [link.here, link.there].map((end) => `${end.slug}#${end.anchor}:${end.start ?? ""}-${end.end ?? ""}`).sort();
  return createHash("sha256").update(`${link.kind}\n${ends.join("\n")}`).digest("hex").slice(0, 16);
}

function evidenceField(evidence: unknown, key: string): string | null {
  if (typeof evidence !== "object" || evidence === null) return null;
  const value = (evidence as Record<string, unknown>)[key];
  return typeof value === "string" && value !== "" ? value : null;
}

function describeLink(link: DocumentLink): string {
  const head = `${KIND_WORDS[link.kind]}, confidence ${Math.round(link.confidence * 100)}%`;
  if (link.kind === "shared_passage") {
    const left = evidenceField(link.evidence, "leftText");
    const right = evidenceField(link.evidence, "rightText");
    return left && right ? `${head}: “${left}” / “${right}”` : head;
  }
  if (link.kind === "shared_source") {
    const title = evidenceField(link.evidence, "title");
    return title ? `${head}: 《${title}》` : head;
  }
  const concepts = (link.evidence as { concepts?: unknown } | null)?.concepts;
  const ids = Array.isArray(concepts) ? concepts.filter((id): id is string => typeof id === "string") : [];
  return ids.length > 0 ? `${head}: ${ids.join(", ")}` : head;
}

// ————— Collections and pages —————

/** Page `page` (from 0) of a document's collection, standalone (with its context) or embedded in the collection. */
export function annotationPage(
  context: ExportContext,
  input: { slug: string; page: number; total: number; items: JsonObject[] },
  options: { embedded: boolean },
): JsonObject {
  const lastPage = Math.max(0, Math.ceil(input.total / ANNOTATIONS_PER_PAGE) - 1);
  return {
    ...(options.embedded ? {} : { "@context": WEB_ANNOTATION_CONTEXT }),
    id: absolute(context, annotationPageHref(input.slug, input.page)),
    type: "AnnotationPage",
    partOf: absolute(context, annotationsHref(input.slug)),
    startIndex: input.page * ANNOTATIONS_PER_PAGE,
    items: input.items,
    ...(input.page < lastPage ? { next: absolute(context, annotationPageHref(input.slug, input.page + 1)) } : {}),
    ...(input.page > 0 ? { prev: absolute(context, annotationPageHref(input.slug, input.page - 1)) } : {}),
  };
}

/** A document's collection, its first page embedded; an empty collection has no pages. */
export function annotationCollection(context: ExportContext, input: { slug: string; title: string; total: number; firstItems: JsonObject[] }): JsonObject {
  const lastPage = Math.max(0, Math.ceil(input.total / ANNOTATIONS_PER_PAGE) - 1);
  return {
    "@context": WEB_ANNOTATION_CONTEXT,
    id: absolute(context, annotationsHref(input.slug)),
    type: "AnnotationCollection",
    label: `Cross-document links of ${input.title}`,
    generator: generator(context),
    total: input.total,
    ...(input.total > 0
      ? {
          first: annotationPage(context, { slug: input.slug, page: 0, total: input.total, items: input.firstItems }, { embedded: true }),
          last: absolute(context, annotationPageHref(input.slug, lastPage)),
        }
      : {}),
  };
}
