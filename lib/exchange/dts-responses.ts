import type { DocumentStructure } from "@/lib/model/document-model";
import { headingLabel } from "@/lib/reader/heading-label";
import { blockHref, documentTeiHref, dtsCollectionHref, dtsEntryHref, dtsTemplate, readerHref } from "@/lib/urls/app-urls";
import { PATHS } from "@/lib/urls/url-grammar";
import type { DtsCiteStructure, DtsUnit } from "./dts-citation-tree";
import { TEI_MEDIA_TYPE } from "./document-to-tei";

/**
 * The JSON-LD objects of Distributed Text Services 1.0 (https://dtsapi.org/specifications/versions/v1.0/,
 * published by its editors in 2026 as "v1.0"; context https://dtsapi.org/context/v1.0.json): the EntryPoint,
 * Collection and Resource objects of the Collection endpoint, the Navigation object with its CitableUnits.
 * Property names, types and which are required follow the specification's tables; every URL and URI template
 * is absolute (from the public origin the routes pass in), as the Navigation object's `@id` must be.
 * Pure: rows and units in, plain objects out.
 *
 * Identifiers: the corpus is a Collection whose `@id` is the app's home page; each document is a Resource whose
 * `@id` is its reader address (`<origin>/read/<slug>`), and each citable unit's `@id` the reader at that unit.
 */

export const DTS_VERSION = "1.0";
export const DTS_CONTEXT = "https://dtsapi.org/context/v1.0.json";
/** What every JSON answer of the API is served as (DTS 1.0, "Response Headers"). */
export const DTS_JSON_MEDIA_TYPE = "application/ld+json";
/** The one representation the Document endpoint gives (and its default). */
export const DTS_DOCUMENT_MEDIA_TYPES = [TEI_MEDIA_TYPE] as const;
/** The corpus is Chinese-language scholarship: every title, name and abstract is tagged so (BCP 47). */
const LANGUAGE = "zh";
const DCMI_TEXT = "http://purl.org/dc/dcmitype/Text";
const BIBO = "http://purl.org/ontology/bibo/";

type LocalizedValue = { lang: string; value: string }[];
const localized = (value: string): LocalizedValue => [{ lang: LANGUAGE, value }];

export interface DtsResourceMetadata {
  slug: string;
  title: string;
  authors: readonly string[];
  journal: string | null;
  issue: string | null;
  date: string | null;
  abstract: string | null;
}

/**
 * Members of the corpus Collection per page. Each member is a Resource with its Dublin Core and three URI
 * templates, about 1.5 KB: a hundred keep a page near 150 KB, and the corpus (two essays today, hundreds at
 * most) in a few pages.
 */
export const DTS_COLLECTION_PAGE_SIZE = 100;

/** The corpus as a Collection's identity and name. */
export const DTS_CORPUS_TITLE = "Duizhao 对照 corpus";
const DTS_CORPUS_DESCRIPTION = "Essays of Chinese-language policy scholarship, as extracted from journal PDFs and ingested by Duizhao.";

export const dtsCorpusId = (origin: string) => `${origin}${PATHS.home}`;
export const dtsResourceId = (origin: string, slug: string) => `${origin}${readerHref(slug)}`;

export function dtsEntryPoint(origin: string) {
  return {
    "@context": DTS_CONTEXT,
    dtsVersion: DTS_VERSION,
    "@id": `${origin}${dtsEntryHref()}`,
    "@type": "EntryPoint",
    collection: `${origin}${dtsTemplate("collection")}`,
    navigation: `${origin}${dtsTemplate("navigation")}`,
    document: `${origin}${dtsTemplate("document")}`,
  };
}

/** The corpus Collection, without `@context` (as a member) or with it (as the answer). */
export function dtsCorpusCollection(origin: string, totalChildren: number) {
  return {
    "@id": dtsCorpusId(origin),
    "@type": "Collection" as const,
    title: DTS_CORPUS_TITLE,
    description: DTS_CORPUS_DESCRIPTION,
    totalParents: 0,
    totalChildren,
    collection: `${origin}${dtsTemplate("collection")}`,
  };
}

/**
 * A document as a Resource. Dublin Core holds what the ingest knows and nothing else (unknown stays absent);
 * the printed issue, which Dublin Core has no term for, is BIBO's `issue`, in `extensions` with its context (as
 * DTS 1.0 requires of a MetadataObject outside its vocabulary) and keyed by its full IRI: JSON-LD processors do not
 * apply a context nested inside `extensions` (an `@nest` property in the v1.0 context), so a prefixed name there
 * would expand to the wrong IRI.
 * `citationTrees` when given (the Navigation endpoint and a Resource asked for by id); a listing leaves it out,
 * since it is the document's TEI that the tree is read from.
 */
export function dtsResource(origin: string, metadata: DtsResourceMetadata, citeStructure?: DtsCiteStructure[]) {
  const id = dtsResourceId(origin, metadata.slug);
  const dublinCore: Record<string, unknown> = { title: localized(metadata.title) };
  if (metadata.authors.length > 0) dublinCore.creator = metadata.authors.map((author) => ({ lang: LANGUAGE, value: author }));
  if (metadata.date !== null) dublinCore.date = metadata.date;
  if (metadata.journal !== null) dublinCore.isPartOf = localized(metadata.journal);
  if (metadata.abstract !== null) dublinCore.abstract = localized(metadata.abstract);
  dublinCore.language = [LANGUAGE];
  dublinCore.type = [DCMI_TEXT];
  return {
    "@id": id,
    "@type": "Resource" as const,
    title: metadata.title,
    totalParents: 1,
    totalChildren: 0,
    dublinCore,
    ...(metadata.issue !== null ? { extensions: { "@context": { bibo: BIBO }, [`${BIBO}issue`]: localized(metadata.issue) } } : {}),
    collection: `${origin}${dtsTemplate("collection", { key: "id", value: id })}`,
    navigation: `${origin}${dtsTemplate("navigation", { key: "resource", value: id })}`,
    document: `${origin}${dtsTemplate("document", { key: "resource", value: id })}`,
    // The essay's TEI export as a file (the same TEI the Document endpoint gives without ref).
    download: `${origin}${documentTeiHref(metadata.slug)}`,
    mediaTypes: [...DTS_DOCUMENT_MEDIA_TYPES],
    ...(citeStructure ? { citationTrees: [dtsCitationTree(citeStructure)] } : {}),
  };
}

/** The document's one citation tree, the default one, so without an identifier (DTS 1.0, "Resource"). */
export function dtsCitationTree(citeStructure: DtsCiteStructure[]) {
  const withType = (list: DtsCiteStructure[]): unknown[] =>
    list.map((entry) => ({ "@type": "CiteStructure", citeType: entry.citeType, ...(entry.citeStructure ? { citeStructure: withType(entry.citeStructure) } : {}) }));
  return {
    "@type": "CitationTree",
    description: "Sections (a heading's div, nested as the headings nest), paragraphs, and footnotes where their markers stand; identifiers are the anchors of the Duizhao reader, which survive re-ingestion.",
    citeStructure: withType(citeStructure),
  };
}

/** A citable unit; a section is titled by its heading as printed ("一、…"). */
export function dtsCitableUnit(origin: string, document: Pick<DocumentStructure, "slug" | "headings">, unit: DtsUnit) {
  const heading = unit.citeType === "section" ? document.headings.find((candidate) => candidate.anchor === unit.identifier) : undefined;
  return {
    identifier: unit.identifier,
    "@type": "CitableUnit" as const,
    level: unit.level,
    parent: unit.parent,
    "@id": `${origin}${blockHref(document.slug, unit.identifier)}`,
    citeType: unit.citeType,
    ...(heading ? { dublinCore: { title: localized(`${headingLabel(heading.label)}${heading.text}`) } } : {}),
  };
}

export interface DtsNavigationInput {
  origin: string;
  /** The request's own URL, absolute (the Navigation object's `@id`). */
  requestUrl: string;
  metadata: DtsResourceMetadata;
  document: Pick<DocumentStructure, "slug" | "headings">;
  citeStructure: DtsCiteStructure[];
  ref?: DtsUnit;
  start?: DtsUnit;
  end?: DtsUnit;
  member?: readonly DtsUnit[];
}

export function dtsNavigation(input: DtsNavigationInput) {
  const unit = (value: DtsUnit) => dtsCitableUnit(input.origin, input.document, value);
  return {
    "@context": DTS_CONTEXT,
    dtsVersion: DTS_VERSION,
    "@type": "Navigation",
    "@id": input.requestUrl,
    resource: dtsResource(input.origin, input.metadata, input.citeStructure),
    ...(input.ref ? { ref: unit(input.ref) } : {}),
    ...(input.start ? { start: unit(input.start) } : {}),
    ...(input.end ? { end: unit(input.end) } : {}),
    ...(input.member ? { member: input.member.map(unit) } : {}),
  };
}

/** The `view` of a paged corpus Collection (DTS 1.0, "Pagination"): absolute links to this, the first, previous, next and last page. */
export function dtsPagination(origin: string, at: { page: number; lastPage: number }) {
  const pageUrl = (page: number) => `${origin}${dtsCollectionHref({ page })}`;
  return {
    "@id": pageUrl(at.page),
    "@type": "Pagination",
    first: pageUrl(1),
    previous: pageUrl(Math.max(1, at.page - 1)),
    next: pageUrl(Math.min(at.lastPage, at.page + 1)),
    last: pageUrl(at.lastPage),
  };
}
