import type { ExportFormat } from "@/lib/citations/export-sources";
import type { CompareState, JumpedTo, Side } from "@/lib/compare/compare-state";
import type { SourceListQuery } from "@/lib/db/list-sources";
import type { SearchParams } from "@/lib/search/search-params";
import type { CatalogueQuery } from "./route-params";
import { appendStep, encodeTrail, type Trail, type TrailStep, trailUpTo } from "@/lib/trail/trail-param";
import { firstValue, queryValue, queryValues, type QueryInput } from "./query-values";
import {
  ANNOTATION_KEYS,
  BIBLIOGRAPHY_KEYS,
  BIBLIOGRAPHY_PAGE_SIZE,
  CATALOGUE_KEYS,
  CATALOGUE_PAGE_SIZE,
  COMPARE_CHOICE_KEYS,
  COMPARE_KEYS,
  CONCORDANCE_FRAGMENT,
  CONCORDANCE_KEYS,
  CONCORDANCE_PAGE_SIZE,
  DTS_KEYS,
  EXPORT_KEYS,
  isAnchor,
  isConceptId,
  isSlug,
  LINK_PREVIEW_KEYS,
  PARALLELS_KEYS,
  PARALLELS_PAGE_SIZE,
  PARALLELS_SHOW_STOCK,
  PATHS,
  READER_KEYS,
  SEARCH_KEYS,
  SOURCE_KEYS,
} from "./url-grammar";

/**
 * Every URL the app hands out, built here and read back here, so that each link can be opened again:
 *
 * - `/read/<slug>[?trail=…][#<fragment>]`: the reader, at a block (heading, paragraph, note `n-…`, citation
 *   `n-…-c<i>`) or a marker (`ref-<note>`), carrying a footnote trail (lib/trail/trail-param.ts).
 * - `/read/<slug>?q=<exact>&qp=<prefix>&qs=<suffix>&qa=<block>&qo=<offset>#<block>`: a selected passage, as a W3C
 *   TextQuoteSelector (exact text with a little context) plus where it stood (block and UTF-16 offset). The quote
 *   is what is looked for; block and offset only break ties and say where to look first, so the link still finds
 *   its words after the document is re-ingested.
 * - `/read/<slug>?hl=<start>-<end>#<block>`: a search hit or concept mention, characters [start, end) of the block.
 * - `/compare?left=<slug>&right=<slug>&lp=…&rp=…&c=<id>,<id>&align=1&f=<side>:<anchor>&pane=right`: side by side.
 * - `/concepts/<id>[?sort=…&order=…#concordance]`, `/sources/<key>[?trail=…]`, `/search?…`, `/bibliography?…`.
 * - `/api/export/sources/<key>?format=…`, `/api/export/bibliography?…&format=…`, `/api/og?slug=…&q=…`, and the
 *   reader's `/read/<slug>/anchors/<anchor>` (where an anchor of an earlier version points now).
 * - `/api/export/documents/<slug>?format=…` (the essay itself as a reference), `/api/export/documents/<slug>/tei`
 *   and `/api/export/corpus/tei` (TEI P5).
 * - `/api/dts`, `/api/dts/collection?…`, `/api/dts/navigation?…`, `/api/dts/document?…`: Distributed Text
 *   Services 1.0, with the RFC 6570 URI templates its entry endpoint and resources hand out.
 *
 * Every path segment is percent-encoded. Readers of a query are lenient (a malformed value is dropped, never an
 * error): they serve pages opened from links. Routes that refuse bad input with a reason use ./route-params.ts.
 * Client components use this module, so it imports nothing that runs zod or touches the server.
 */

type QueryEntry = readonly [key: string, value: string | null | undefined];

/** Separators the app writes into values (concept lists, focus, trails): legal in a query, and readable in shared links. */
const READABLE_ESCAPES: Readonly<Record<string, string>> = { "%2C": ",", "%3A": ":", "%7E": "~" };

/** `path?query#fragment`; entries without a value (null or undefined) are left out, in the order given. */
function buildHref(path: string, entries: readonly QueryEntry[], options: { fragment?: string | null; readable?: boolean } = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of entries) if (value !== null && value !== undefined) params.append(key, value);
  let query = params.toString();
  if (options.readable) query = query.replace(/%2C|%3A|%7E/gu, (escape) => READABLE_ESCAPES[escape] ?? escape);
  return `${path}${query ? `?${query}` : ""}${options.fragment ? `#${encodeURIComponent(options.fragment)}` : ""}`;
}

/** `/<root>/<segment>/…`, each segment percent-encoded. */
function pathOf(root: string, ...segments: string[]): string {
  return [root, ...segments.map((segment) => encodeURIComponent(segment))].join("/");
}

/** A non-empty value or null: defaults and empty filters are left out of the links the app writes. */
const unlessEmpty = (value: string | null | undefined) => (value ? value : null);

// ————— The reader —————

export interface PassageSelector {
  exact: string;
  prefix: string;
  suffix: string;
  /** The block the passage was selected in, when the link was made. */
  blockAnchor: string;
  /** UTF-16 offset of the passage's start in that block's text. */
  offset: number;
}

/** Enough context to tell repeated wordings apart in Chinese prose, short enough to keep links shareable. */
export const SELECTOR_CONTEXT_LENGTH = 20;
/** Longer selections are cut: the link keeps the start of the passage, which is what it is found by. */
export const MAX_QUOTE_LENGTH = 600;

export interface HitRange {
  start: number;
  end: number;
}

/** The reader, optionally at a fragment (a block's anchor, or a marker's DOM id) and carrying a footnote trail. */
export function readerHref(slug: string, at: { fragment?: string | null; trail?: readonly TrailStep[] } = {}): string {
  const trail = at.trail && at.trail.length > 0 ? encodeTrail(at.trail) : null;
  return buildHref(pathOf(PATHS.reader, slug), [[READER_KEYS.trail, trail]], { fragment: at.fragment, readable: true });
}

/** The reader at a heading, paragraph, note or citation. */
export function blockHref(slug: string, anchor: string): string {
  return readerHref(slug, { fragment: anchor });
}

/**
 * The places elsewhere in the corpus that share a passage with one block (`/read/<slug>/parallels/<anchor>`),
 * at a page of them: those sharing more than stock phrases, or (`stockOnly`) those sharing only stock phrases;
 * the first page, the default page size and the default places are left out.
 */
export function parallelsHref(slug: string, anchor: string, paging: { page?: number; pageSize?: number; stockOnly?: boolean } = {}): string {
  return buildHref(pathOf(PATHS.reader, slug, "parallels", anchor), [
    [PARALLELS_KEYS.show, paging.stockOnly ? PARALLELS_SHOW_STOCK : null],
    [PARALLELS_KEYS.page, pageEntry(paging.page)],
    [PARALLELS_KEYS.pageSize, pageSizeEntry(paging.pageSize, PARALLELS_PAGE_SIZE)],
  ]);
}

export function passageHref(slug: string, selector: PassageSelector): string {
  return buildHref(
    pathOf(PATHS.reader, slug),
    [
      [READER_KEYS.quote, selector.exact.slice(0, MAX_QUOTE_LENGTH)],
      [READER_KEYS.quotePrefix, selector.prefix.slice(-SELECTOR_CONTEXT_LENGTH)],
      [READER_KEYS.quoteSuffix, selector.suffix.slice(0, SELECTOR_CONTEXT_LENGTH)],
      [READER_KEYS.quoteBlock, selector.blockAnchor],
      [READER_KEYS.quoteOffset, String(selector.offset)],
    ],
    { fragment: selector.blockAnchor },
  );
}

/**
 * The reader opened at a block with characters [start, end) of its text highlighted: a search hit, a concept
 * mention (every concordance line and heat-map cell).
 */
export function searchHitHref(slug: string, anchor: string, range: HitRange): string {
  return buildHref(pathOf(PATHS.reader, slug), [[READER_KEYS.hit, `${range.start}-${range.end}`]], { fragment: anchor });
}

/** Where a block anchor of a document points now (the reader asks when a fragment names no element). */
export function anchorResolutionHref(slug: string, anchor: string): string {
  return pathOf(PATHS.reader, slug, "anchors", anchor);
}

/** The selected passage a URL carries, or null when it carries none (or a malformed one). */
export function readPassageSelector(query: QueryInput): PassageSelector | null {
  const exact = queryValue(query, READER_KEYS.quote);
  if (!exact || exact.trim() === "") return null;
  const blockAnchor = queryValue(query, READER_KEYS.quoteBlock);
  const offset = Number(queryValue(query, READER_KEYS.quoteOffset));
  return {
    exact: exact.slice(0, MAX_QUOTE_LENGTH),
    prefix: (queryValue(query, READER_KEYS.quotePrefix) ?? "").slice(-SELECTOR_CONTEXT_LENGTH),
    suffix: (queryValue(query, READER_KEYS.quoteSuffix) ?? "").slice(0, SELECTOR_CONTEXT_LENGTH),
    blockAnchor: isAnchor(blockAnchor) ? blockAnchor : "",
    offset: Number.isInteger(offset) && offset >= 0 ? offset : -1,
  };
}

/** `hl=<start>-<end>` of a search hit, or null. */
export function readHitRange(value: string | readonly string[] | null | undefined): HitRange | null {
  const raw = firstValue(value);
  const match = raw ? /^(\d{1,7})-(\d{1,7})$/u.exec(raw) : null;
  if (!match) return null;
  const start = Number(match[1]);
  const end = Number(match[2]);
  return end > start ? { start, end } : null;
}

/**
 * The search hit a reader URL carries on the server: its range, and its block (`hb`), which the browser adds
 * because the fragment naming it never reaches the server. Null until both are there.
 */
export function readSearchHit(query: QueryInput): (HitRange & { block: string }) | null {
  const range = readHitRange(queryValues(query, READER_KEYS.hit));
  const block = queryValue(query, READER_KEYS.hitBlock);
  return range && isAnchor(block) ? { ...range, block } : null;
}

/**
 * The anchor a URL's fragment (`location.hash`, with its `#`) names, decoded. A fragment typed with a broken
 * percent-encoding is taken as written rather than thrown on: it then simply names no block.
 */
export function readFragmentAnchor(hash: string): string {
  const raw = hash.startsWith("#") ? hash.slice(1) : hash;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * A search hit's address names its block only in the fragment, which the server never sees: the query
 * that also names it (`hb`), or null when there is no hit, no fragment, or the block is named already.
 */
export function withHitBlock(search: URLSearchParams, anchor: string): URLSearchParams | null {
  if (!search.get(READER_KEYS.hit) || !anchor || search.get(READER_KEYS.hitBlock)) return null;
  const params = new URLSearchParams(search.toString());
  params.set(READER_KEYS.hitBlock, anchor);
  return params;
}

/** A passage link's fragment is its block, which the server has already looked for the words in. */
export function isPassageLinkBlock(search: URLSearchParams, anchor: string): boolean {
  return search.has(READER_KEYS.quote) && search.get(READER_KEYS.quoteBlock) === anchor;
}

// ————— Footnote trails —————

/**
 * DOM id of the first marker calling a note in the reader (lib/reader/reading-order.ts names its markers
 * with it): the exact spot a trail started from.
 */
export function markerDomId(noteAnchor: string): string {
  return `ref-${noteAnchor}`;
}

/** A cited work's page, carrying the trail that led there. */
/** One cited work as JSON: its record, its grouping's evidence and every citation of it in context. */
export function sourceApiHref(key: string): string {
  return pathOf(PATHS.sourcesApi, key);
}

export function sourceHref(key: string, trail: readonly TrailStep[] = []): string {
  const encoded = trail.length > 0 ? encodeTrail(trail) : null;
  return buildHref(pathOf(PATHS.sources, key), [[SOURCE_KEYS.trail, encoded]], { readable: true });
}

/** Where the step at `index` of a trail leads, with the trail as it stood there. */
export function stepHref(trail: readonly TrailStep[], index: number): string {
  const step = trail[index];
  if (!step) throw new RangeError(`no step ${index} in a trail of ${trail.length}`);
  const upTo = trailUpTo(trail, index);
  return step.kind === "source" ? sourceHref(step.key, upTo) : readerHref(step.slug, { trail: upTo, fragment: markerDomId(step.noteAnchor) });
}

/**
 * From a note (in the reader's popover) to a work it cites. The note becomes the trail's first step — a
 * marker — unless the reader already stands on it (arrived there by a trail).
 */
export function noteSourceHref(input: { slug: string; noteAnchor: string; sourceKey: string; trail?: readonly TrailStep[] }): string {
  const trail: Trail = [...(input.trail ?? [])];
  const here = trail.at(-1);
  const standingOnNote =
    here !== undefined && here.kind !== "source" && here.slug === input.slug && here.noteAnchor === input.noteAnchor;
  const withNote = standingOnNote ? trail : appendStep(trail, { kind: "marker", slug: input.slug, noteAnchor: input.noteAnchor });
  return sourceHref(input.sourceKey, appendStep(withNote, { kind: "source", key: input.sourceKey }));
}

/** From a source page to a passage citing it: the passage's block when known, else the note's marker. */
export function citingPassageHref(input: {
  trail: readonly TrailStep[];
  slug: string;
  noteAnchor: string;
  blockAnchor?: string | null;
}): string {
  const trail = appendStep(input.trail, { kind: "note", slug: input.slug, noteAnchor: input.noteAnchor });
  return readerHref(input.slug, { trail, fragment: input.blockAnchor ?? markerDomId(input.noteAnchor) });
}

// ————— Side by side —————

/** A side-by-side view to link to: the two documents, and as much of the view's state as is known. */
export type CompareLink = Pick<CompareState, "left" | "right"> & Partial<Omit<CompareState, "left" | "right">>;

/**
 * A view's state as query pairs, in the order links write them; defaults (no positions, no concepts, not
 * aligned, no focus, left pane) are left out. Also what a plain GET form carries as hidden fields.
 */
export function compareQuery(view: CompareLink): [key: string, value: string][] {
  const entries: QueryEntry[] = [
    [COMPARE_KEYS.left, view.left],
    [COMPARE_KEYS.right, view.right],
    [COMPARE_KEYS.leftPosition, unlessEmpty(view.lp)],
    [COMPARE_KEYS.rightPosition, unlessEmpty(view.rp)],
    [COMPARE_KEYS.concepts, unlessEmpty(view.concepts?.join(","))],
    [COMPARE_KEYS.align, view.align ? "1" : null],
    [COMPARE_KEYS.focus, writeFocus(view.focus ?? null)],
    [COMPARE_KEYS.pane, view.pane === "right" ? "right" : null],
    [COMPARE_KEYS.jumped, writeJumped(view.jumped ?? null)],
  ];
  return entries.flatMap(([key, value]) => (value === null || value === undefined ? [] : [[key, value]]));
}

/** The URL of a view. */
export function compareHref(view: CompareLink): string {
  return buildHref(PATHS.compare, compareQuery(view), { readable: true });
}

/**
 * Choosing the texts of a side-by-side view (`/compare` without both documents): the side(s) chosen, and
 * the words typed for a side not chosen yet, whose matching titles the page lists to pick from.
 */
export function compareChoiceHref(choice: { left?: string | null; right?: string | null; lq?: string | null; rq?: string | null }): string {
  return buildHref(PATHS.compare, [
    [COMPARE_KEYS.left, unlessEmpty(choice.left)],
    [COMPARE_KEYS.right, unlessEmpty(choice.right)],
    [COMPARE_CHOICE_KEYS.leftQuery, unlessEmpty(choice.lq?.trim())],
    [COMPARE_CHOICE_KEYS.rightQuery, unlessEmpty(choice.rq?.trim())],
  ]);
}

/**
 * The view a URL asks for, read leniently: a malformed value is dropped, never an error. `c` may be a
 * comma list (`c=a,b`, what the app writes) or repeated (`c=a&c=b`, what a plain HTML form sends).
 * Returns null only when a document is missing or unreadable.
 */
export function readCompareState(query: QueryInput): CompareState | null {
  const left = queryValue(query, COMPARE_KEYS.left)?.trim();
  const right = queryValue(query, COMPARE_KEYS.right)?.trim();
  if (!isSlug(left) || !isSlug(right)) return null;
  const anchor = (value: string | undefined) => (isAnchor(value) ? value : null);
  const listed = queryValues(query, COMPARE_KEYS.concepts).flatMap((value) => value.split(","));
  return {
    left,
    right,
    lp: anchor(queryValue(query, COMPARE_KEYS.leftPosition)),
    rp: anchor(queryValue(query, COMPARE_KEYS.rightPosition)),
    concepts: [...new Set(listed.map((id) => id.trim()).filter(isConceptId))],
    align: queryValue(query, COMPARE_KEYS.align) === "1",
    focus: readFocus(queryValue(query, COMPARE_KEYS.focus)),
    pane: queryValue(query, COMPARE_KEYS.pane) === "right" ? "right" : "left",
    jumped: readJumped(queryValue(query, COMPARE_KEYS.jumped)),
  };
}

/** `f=<side>:<anchor>`, the paragraph whose links are listed, or null. */
export function readFocus(value: string | null | undefined): CompareState["focus"] {
  const match = value ? /^(left|right):(.+)$/u.exec(value) : null;
  if (!match || !isAnchor(match[2])) return null;
  return { side: match[1] as Side, anchor: match[2] };
}

export function writeFocus(focus: CompareState["focus"]): string | null {
  return focus ? `${focus.side}:${focus.anchor}` : null;
}

/** `j=<side>:<anchor>[:<start>-<end>:<concept>]`, where the last jump landed, or null. */
export function readJumped(value: string | null | undefined): JumpedTo | null {
  const match = value ? /^(left|right):([^:]+)(?::(\d+)-(\d+):([^:]+))?$/u.exec(value) : null;
  if (!match || !isAnchor(match[2])) return null;
  const [, side, anchor, start, end, concept] = match;
  const mention =
    start !== undefined && end !== undefined && concept !== undefined && isConceptId(concept) && Number(start) < Number(end)
      ? { concept, start: Number(start), end: Number(end) }
      : null;
  return { side: side as Side, anchor: anchor!, mention };
}

export function writeJumped(jumped: JumpedTo | null): string | null {
  if (!jumped) return null;
  const { side, anchor, mention } = jumped;
  return mention ? `${side}:${anchor}:${mention.start}-${mention.end}:${mention.concept}` : `${side}:${anchor}`;
}

// ————— Concepts, sources, search, bibliography, exports —————

/**
 * A concept's page; with a concordance order (and page), sorted so, at that page, and scrolled to the
 * concordance. The first page and the default page size are left out.
 */
export function conceptHref(id: string, concordance?: { key: string; order: string; page?: number; pageSize?: number }): string {
  const entries: QueryEntry[] = concordance
    ? [
        [CONCORDANCE_KEYS.sort, concordance.key],
        [CONCORDANCE_KEYS.order, concordance.order],
        [CONCORDANCE_KEYS.page, pageEntry(concordance.page)],
        [CONCORDANCE_KEYS.pageSize, pageSizeEntry(concordance.pageSize, CONCORDANCE_PAGE_SIZE)],
      ]
    : [];
  return buildHref(pathOf(PATHS.concepts, id), entries, { fragment: concordance ? CONCORDANCE_FRAGMENT : null });
}

/** A page number for a link: the first page is the default, left out. */
const pageEntry = (page: number | undefined) => (page !== undefined && page > 1 ? String(page) : null);
/** A page size for a link: the list's default is left out. */
const pageSizeEntry = (pageSize: number | undefined, fallback: number) => (pageSize !== undefined && pageSize !== fallback ? String(pageSize) : null);

// ————— The catalogue (home page) and the documents API —————

function catalogueEntries(query: Partial<CatalogueQuery>): QueryEntry[] {
  return [
    [CATALOGUE_KEYS.query, unlessEmpty(query.q?.trim())],
    [CATALOGUE_KEYS.journal, unlessEmpty(query.journal)],
    [CATALOGUE_KEYS.year, query.year !== undefined ? String(query.year) : null],
    [CATALOGUE_KEYS.author, unlessEmpty(query.author)],
    [CATALOGUE_KEYS.concept, unlessEmpty(query.concept)],
    [CATALOGUE_KEYS.source, unlessEmpty(query.source)],
    [CATALOGUE_KEYS.page, pageEntry(query.page)],
    [CATALOGUE_KEYS.pageSize, pageSizeEntry(query.pageSize, CATALOGUE_PAGE_SIZE)],
  ];
}

/** The catalogue (the home page) with these title words, facet values and page; what is not given is left out. */
export function catalogueHref(query: Partial<CatalogueQuery> = {}): string {
  return buildHref(PATHS.home, catalogueEntries(query));
}

/**
 * `GET /api/documents` with the same parameters as the catalogue: a page of documents and the total. With
 * `q` and a small `pageSize` it is the title type-ahead's question.
 */
export function documentsApiHref(query: Partial<CatalogueQuery> = {}): string {
  return buildHref(PATHS.documentsApi, catalogueEntries(query));
}

/** The search page's URL for these parameters; defaults and empty filters are left out. */
export function searchPageHref(params: Partial<SearchParams>): string {
  return buildHref(PATHS.search, [
    [SEARCH_KEYS.query, unlessEmpty(params.q)],
    [SEARCH_KEYS.document, unlessEmpty(params.doc)],
    [SEARCH_KEYS.kind, unlessEmpty(params.kind)],
    [SEARCH_KEYS.concept, unlessEmpty(params.concept)],
    [SEARCH_KEYS.page, params.page !== undefined && params.page > 1 ? String(params.page) : null],
    [SEARCH_KEYS.pageSize, params.pageSize !== undefined && params.pageSize !== 20 ? String(params.pageSize) : null],
  ]);
}

function bibliographyEntries(query: Partial<SourceListQuery>): QueryEntry[] {
  return [
    [BIBLIOGRAPHY_KEYS.document, unlessEmpty(query.doc)],
    [BIBLIOGRAPHY_KEYS.type, unlessEmpty(query.type)],
    [BIBLIOGRAPHY_KEYS.year, query.year !== undefined ? String(query.year) : null],
    [BIBLIOGRAPHY_KEYS.sort, query.sort !== undefined && query.sort !== "title" ? query.sort : null],
    [BIBLIOGRAPHY_KEYS.dir, unlessEmpty(query.dir)],
  ];
}

/**
 * The bibliography (the corpus's, or one document's with `doc`) with these filters, order and page;
 * defaults (title order, the first page, the default page size) are left out.
 */
export function bibliographyHref(query: Partial<SourceListQuery> & { page?: number; pageSize?: number } = {}): string {
  return buildHref(PATHS.bibliography, [
    ...bibliographyEntries(query),
    [BIBLIOGRAPHY_KEYS.page, pageEntry(query.page)],
    [BIBLIOGRAPHY_KEYS.pageSize, pageSizeEntry(query.pageSize, BIBLIOGRAPHY_PAGE_SIZE)],
  ]);
}

/** The bibliography as a file, holding what the page with the same filters shows. */
export function bibliographyExportHref(query: Partial<SourceListQuery>, format: ExportFormat): string {
  return buildHref(PATHS.bibliographyExport, [...bibliographyEntries(query), [EXPORT_KEYS.format, format]]);
}

/** One cited work as a file. */
export function sourceExportHref(key: string, format: ExportFormat): string {
  return buildHref(pathOf(PATHS.sourceExport, key), [[EXPORT_KEYS.format, format]]);
}

/** The link-preview image of a reader URL: the document's, with a quoted passage when the link has one. */
export function linkPreviewImageHref(slug: string, quote: string | null): string {
  return buildHref(PATHS.linkPreviewImage, [
    [LINK_PREVIEW_KEYS.slug, slug],
    [LINK_PREVIEW_KEYS.quote, unlessEmpty(quote)],
  ]);
}

// ————— W3C Web Annotation —————

/**
 * A document's annotations as a W3C Web Annotation collection (JSON-LD): its cross-document links, and with a
 * passage selector, that passage as one annotation (lib/exchange/web-annotation-export.ts).
 */
export function annotationsHref(slug: string): string {
  return pathOf(PATHS.annotations, "documents", slug);
}

/** One page (from 0) of a document's annotation collection. */
export function annotationPageHref(slug: string, page: number): string {
  return buildHref(annotationsHref(slug), [[ANNOTATION_KEYS.page, String(page)]]);
}

/** A passage link (see passageHref) as one W3C Web Annotation: the same query, on the export's path. */
export function passageAnnotationHref(slug: string, selector: PassageSelector): string {
  const reader = passageHref(slug, selector);
  return `${pathOf(PATHS.annotations, "documents", slug, "passage")}${reader.slice(reader.indexOf("?"), reader.indexOf("#") === -1 ? undefined : reader.indexOf("#"))}`;
}

/**
 * The document a reader address names (`…/read/<slug>`, on any host: annotations made on a local copy or a
 * mirror name the same essay), or null for any other address. Query and fragment are ignored.
 */
export function readReaderSlug(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  const match = new RegExp(`^${PATHS.reader}/([^/]+)/?$`, "u").exec(url.pathname);
  if (!match) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
  return isSlug(slug) ? slug : null;
}

// ————— Exchange formats: the essay as a reference, TEI P5 —————

/** A corpus essay itself as a reference (not the works it cites): BibLaTeX, RIS, CSL-JSON or GB/T 7714. */
export function documentReferenceExportHref(slug: string, format: ExportFormat): string {
  return buildHref(pathOf(PATHS.documentExport, slug), [[EXPORT_KEYS.format, format]]);
}

/** A corpus essay as a TEI P5 file (lib/exchange/document-to-tei.ts). */
export function documentTeiHref(slug: string): string {
  return pathOf(PATHS.documentExport, slug, "tei");
}

/**
 * The PDF an essay was read from (`/api/documents/<slug>/pdf`); with a page, opened at it (`#page=N`, the PDF
 * open parameter every browser's viewer reads, for a reader whose script has not run).
 */
export function sourcePdfHref(slug: string, page?: number): string {
  return `${pathOf(PATHS.documentsApi, slug, "pdf")}${page !== undefined ? `#page=${page}` : ""}`;
}

/** pdf.js's folder of a version, as the printed-page view asks for its worker, CMaps and standard fonts (ends in `/`). */
export function pdfjsAssetsHref(version: string): string {
  return `${pathOf(PATHS.pdfjs, version)}/`;
}

/** The whole corpus as one TEI teiCorpus file. */
export function corpusTeiHref(): string {
  return `${PATHS.corpusExport}/tei`;
}

// ————— Distributed Text Services (DTS 1.0, https://dtsapi.org/specifications/versions/v1.0/) —————

/** A collection query: the collection or resource (`id`, absent for the corpus), a page of its members, parents or children. */
export interface DtsCollectionQuery {
  id?: string | null;
  page?: number | null;
  nav?: "children" | "parents" | null;
}

/** A passage query: the resource, and one citable unit (`ref`) or a range of them (`start`..`end`), as DTS names them. */
export interface DtsPassageQuery {
  resource: string;
  ref?: string | null;
  start?: string | null;
  end?: string | null;
  tree?: string | null;
}

/** The DTS entry endpoint, which names the other three by their URI templates. */
export function dtsEntryHref(): string {
  return PATHS.dts;
}

const dtsPath = (endpoint: "collection" | "navigation" | "document") => `${PATHS.dts}/${endpoint}`;
const numberParam = (value: number | null | undefined) => (value === null || value === undefined ? null : String(value));
/** What navigation and document share: the resource, and a passage by ref or by start and end. */
const dtsPassageEntries = (query: DtsPassageQuery): QueryEntry[] => [
  [DTS_KEYS.resource, query.resource],
  [DTS_KEYS.ref, query.ref],
  [DTS_KEYS.start, query.start],
  [DTS_KEYS.end, query.end],
];

export function dtsCollectionHref(query: DtsCollectionQuery = {}): string {
  return buildHref(dtsPath("collection"), [
    [DTS_KEYS.id, query.id],
    [DTS_KEYS.page, numberParam(query.page)],
    [DTS_KEYS.nav, query.nav],
  ]);
}

export function dtsNavigationHref(query: DtsPassageQuery & { down?: number | null }): string {
  return buildHref(dtsPath("navigation"), [...dtsPassageEntries(query), [DTS_KEYS.down, numberParam(query.down)], [DTS_KEYS.tree, query.tree]]);
}

export function dtsDocumentHref(query: DtsPassageQuery & { mediaType?: string | null }): string {
  return buildHref(dtsPath("document"), [...dtsPassageEntries(query), [DTS_KEYS.tree, query.tree], [DTS_KEYS.mediaType, query.mediaType]]);
}

/** The parameters each endpoint's URI template offers, in the order the specification lists them. */
const DTS_TEMPLATE_KEYS = {
  collection: [DTS_KEYS.id, DTS_KEYS.page, DTS_KEYS.nav],
  navigation: [DTS_KEYS.resource, DTS_KEYS.ref, DTS_KEYS.start, DTS_KEYS.end, DTS_KEYS.down, DTS_KEYS.tree],
  document: [DTS_KEYS.resource, DTS_KEYS.ref, DTS_KEYS.start, DTS_KEYS.end, DTS_KEYS.tree, DTS_KEYS.mediaType],
} as const;

/**
 * An endpoint's RFC 6570 URI template: `/api/dts/navigation{?resource,ref,…}` when nothing is bound, or with
 * the bound parameter written out and the rest as a form continuation (`…?resource=<iri>{&ref,…}`), as the
 * specification's Collection and Navigation examples give a resource's own templates.
 */
export function dtsTemplate(endpoint: keyof typeof DTS_TEMPLATE_KEYS, bound: { key: "id" | "resource"; value: string } | null = null): string {
  const keys: readonly string[] = DTS_TEMPLATE_KEYS[endpoint];
  if (bound === null) return `${dtsPath(endpoint)}{?${keys.join(",")}}`;
  const rest = keys.filter((key) => key !== bound.key);
  return `${buildHref(dtsPath(endpoint), [[bound.key, bound.value]])}{&${rest.join(",")}}`;
}

/**
 * The slug of the document a DTS resource identifier names: the reader's address of the document, absolute
 * (`<origin>/read/<slug>`, the identifier Duizhao gives it) or the bare slug. Null for anything else,
 * including the reader's address on another origin.
 */
export function readDtsResourceSlug(identifier: string, origin: string): string | null {
  if (isSlug(identifier)) return identifier;
  let url: URL;
  try {
    url = new URL(identifier);
  } catch {
    return null;
  }
  if (url.origin !== new URL(origin).origin || url.search !== "" || url.hash !== "") return null;
  const match = new RegExp(`^${PATHS.reader}/([^/]+)$`, "u").exec(url.pathname);
  if (!match) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
  return isSlug(slug) ? slug : null;
}
