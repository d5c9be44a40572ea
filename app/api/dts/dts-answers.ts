import { getDtsTeiSource, resolveDtsRef } from "@/lib/db/dts-documents";
import { documentTeiElement, type DocumentTeiInput } from "@/lib/exchange/document-to-tei";
import { citationUnits, citeStructureOf, type DtsCiteStructure, type DtsUnit } from "@/lib/exchange/dts-citation-tree";
import { DTS_JSON_MEDIA_TYPE, type DtsResourceMetadata } from "@/lib/exchange/dts-responses";
import type { XmlElement } from "@/lib/exchange/xml-writer";
import { apiRoute, notFound, RequestError } from "@/lib/http/api-response";
import { conceptHref, readDtsResourceSlug, sourcePdfHref } from "@/lib/urls/app-urls";

/*
 * What the DTS routes share: the route wrapper, the JSON-LD answer, the resource a query names, its citation
 * tree, and identifiers of an earlier version.
 */

/**
 * DTS clients are often pages of other sites (viewers, digital editions) reading the API from the browser: the
 * corpus is public and read-only, and no request carries credentials, so any origin may read every answer,
 * errors and redirects included, and see the headers that point onward (`Link` to the collection, `Location`).
 */
const CROSS_ORIGIN_HEADERS = { "Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "Link, Location" } as const;

/** `apiRoute` (one error mapping) with every answer, errors included, readable across origins. */
export function dtsRoute(where: string, handler: (request: Request) => Promise<Response> | Response): (request: Request) => Promise<Response> {
  const route = apiRoute(where, handler);
  return async (request) => {
    const response = await route(request);
    for (const [name, value] of Object.entries(CROSS_ORIGIN_HEADERS)) response.headers.set(name, value);
    return response;
  };
}

/** A JSON answer as DTS 1.0 serves them ("Response Headers": application/ld+json). */
export function jsonLd(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": DTS_JSON_MEDIA_TYPE } });
}

/** The slug of the document a `resource` or `id` names; 404 when it names none of this corpus's documents. */
export function resourceSlug(identifier: string, origin: string): string {
  const slug = readDtsResourceSlug(identifier, origin);
  if (slug === null) throw notFound(`resource "${identifier}"`);
  return slug;
}

export interface CitationTree {
  tei: DocumentTeiInput;
  /** The document's TEI element tree, built once per request. */
  element: XmlElement;
  metadata: DtsResourceMetadata;
  units: DtsUnit[];
  citeStructure: DtsCiteStructure[];
}

/**
 * A document, its TEI input (concepts, and the kept PDF's pages for pb's facs, linked by absolute URL) and the
 * citation tree read off that TEI; 404 when there is none.
 */
export async function loadCitationTree(slug: string, origin: string): Promise<CitationTree> {
  const source = await getDtsTeiSource(slug);
  if (!source) throw notFound(`resource "${slug}"`);
  const tei: DocumentTeiInput = {
    document: source.document,
    provenance: source.provenance,
    concepts: { mentions: source.mentions, href: (id) => `${origin}${conceptHref(id)}` },
    ...(source.document.sourcePdf ? { facsimile: (page: number) => `${origin}${sourcePdfHref(slug, page)}` } : {}),
  };
  const element = documentTeiElement(tei);
  const units = citationUnits(element);
  return { tei, element, metadata: source.document, units, citeStructure: citeStructureOf(units) };
}

/**
 * The identifiers a passage query names (`ref`, `start`, `end`) that the tree does not hold, resolved as the
 * reader resolves an old anchor: when every one of them moved, the address with them replaced (the caller
 * answers it with a redirect, so the client learns the current identifiers); null when all are current. A
 * passage removed at a re-ingest, or an identifier never given, is a 404 with the reason (DTS 1.0: a ref that
 * does not exist in the citation tree).
 */
export async function movedPassage<Query extends { ref?: string; start?: string; end?: string }>(
  slug: string,
  tree: CitationTree,
  query: Query,
): Promise<Query | null> {
  const known = new Set(tree.units.map((unit) => unit.identifier));
  const replaced: Query = { ...query };
  let moved = false;
  for (const key of ["ref", "start", "end"] as const) {
    const identifier = query[key];
    if (identifier === undefined || known.has(identifier)) continue;
    const resolution = await resolveDtsRef(slug, identifier, (candidate) => known.has(candidate));
    if (resolution.status === "orphaned") {
      throw new RequestError(404, `${key}: the passage ${identifier} was removed when the document was re-ingested; it read: ${resolution.quote}`);
    }
    if (resolution.status === "unknown") throw notFound(`${key}: passage "${identifier}"`);
    replaced[key] = resolution.to;
    moved = true;
  }
  return moved ? replaced : null;
}

/**
 * Temporary (307), not permanent: the alias holds until a later ingest brings the old anchor back, and a
 * permanent redirect would be cached past that.
 */
export function redirectTo(absoluteUrl: string): Response {
  return new Response(null, { status: 307, headers: { Location: absoluteUrl, "Cache-Control": "no-store" } });
}
