/**
 * What the app's URLs are made of: the query keys of each page and the shape of each path segment.
 *
 * Builders and readers (./app-urls.ts), the routes' zod schemas (./route-params.ts), the page cache's
 * rewrites (lib/page-cache/cacheable-addresses.ts) and the side-by-side nuqs parsers all take their keys
 * and patterns from here, so a key is added or renamed in one place.
 *
 * No imports, and no path aliases: next.config.ts loads this file (through cacheable-addresses.ts) before
 * the app's module resolution exists, and client components reach it without pulling zod into the bundle.
 */

/** The first segment of each page's (and API's) path. */
export const PATHS = {
  home: "/",
  reader: "/read",
  compare: "/compare",
  concepts: "/concepts",
  sources: "/sources",
  bibliography: "/bibliography",
  search: "/search",
  linkPreviewImage: "/api/og",
  /** The catalogue's documents, paged, with the total (`GET /api/documents?q=…`): also the title type-ahead. */
  documentsApi: "/api/documents",
  /** The corpus's cited works, paged (`GET /api/sources`), and one of them (`/api/sources/<key>`). */
  sourcesApi: "/api/sources",
  sourceExport: "/api/export/sources",
  bibliographyExport: "/api/export/bibliography",
  /** A corpus essay as a reference (`/api/export/documents/<slug>?format=…`) and as TEI (`…/<slug>/tei`). */
  documentExport: "/api/export/documents",
  /** The whole corpus as one TEI teiCorpus (`/api/export/corpus/tei`). */
  corpusExport: "/api/export/corpus",
  /** W3C Web Annotation exports (`/api/annotations/documents/<slug>`). */
  annotations: "/api/annotations",
  /** Distributed Text Services 1.0: the entry endpoint; its three endpoints are `/collection`, `/navigation`, `/document` below it. */
  dts: "/api/dts",
  /** pdf.js's worker, CMaps and standard fonts, by version (`/api/pdfjs/<version>/build/pdf.worker.min.mjs`): the printed-page view. */
  pdfjs: "/api/pdfjs",
} as const;

/** The reader (`/read/<slug>`): a quoted passage, a search hit, a footnote trail. */
export const READER_KEYS = {
  /** A passage link's words (W3C TextQuoteSelector `exact`), with a little context either side… */
  quote: "q",
  quotePrefix: "qp",
  quoteSuffix: "qs",
  /** …and where they stood when the link was made: the block, and the UTF-16 offset in it. */
  quoteBlock: "qa",
  quoteOffset: "qo",
  /** A search hit: characters `<start>-<end>` of the block named in the fragment. */
  hit: "hl",
  /** The hit's block, added by the browser (the fragment never reaches the server). */
  hitBlock: "hb",
  trail: "trail",
} as const;

/** A cited work's page (`/sources/<key>`): the footnote trail that led there, encoded as in the reader. */
export const SOURCE_KEYS = { trail: READER_KEYS.trail } as const;

/** Side by side (`/compare`): the two documents, then the view's state (lib/compare/compare-state.ts). */
export const COMPARE_KEYS = {
  left: "left",
  right: "right",
  /** The block at the top of each pane. */
  leftPosition: "lp",
  rightPosition: "rp",
  /** Highlighted concepts, a comma list in the order they were picked (their colours follow it). */
  concepts: "c",
  /** `1`: connectors between linked paragraphs, panes scrolling in step. */
  align: "align",
  /** `<side>:<anchor>`: the paragraph whose links are listed. */
  focus: "f",
  /** The pane shown on a phone. */
  pane: "pane",
  /**
   * `<side>:<anchor>` or `<side>:<anchor>:<start>-<end>:<concept>`: the block (or the concept's mention in
   * it) the last jump showed in the other pane, outlined, so a copied link and Back bring it back.
   */
  jumped: "j",
} as const;

/**
 * The search page (`/search`) and `GET /api/search`. `docq` (the page only) is the words of a title typed
 * for the document filter without a script, before a document is chosen (`doc`).
 */
export const SEARCH_KEYS = { query: "q", document: "doc", documentQuery: "docq", kind: "kind", concept: "concept", page: "page", pageSize: "pageSize" } as const;

/** The bibliography (`/bibliography`), the sources API and the bibliography export (which takes no page). */
export const BIBLIOGRAPHY_KEYS = { document: "doc", type: "type", year: "year", sort: "sort", dir: "dir", page: "page", pageSize: "pageSize" } as const;

/** A concept page's concordance order and page (`/concepts/<id>`), and the page of `GET /api/concepts/<id>`'s mentions. */
export const CONCORDANCE_KEYS = { sort: "sort", order: "order", page: "page", pageSize: "pageSize" } as const;
/** The concordance's orders (`sort=`): corpus order, position through each document, left or right words. */
export const CONCORDANCE_SORT_VALUES = ["document", "position", "left", "right"] as const;

/**
 * The page of a block's parallels (`/read/<slug>/parallels/<anchor>`), and which places it lists: by default
 * those sharing more than stock phrases; `show=stock`, those sharing only stock phrases.
 */
export const PARALLELS_KEYS = { page: "page", pageSize: "pageSize", show: "show" } as const;
/** `show=stock`: the places sharing only stock phrases, which the parallels view otherwise summarises. */
export const PARALLELS_SHOW_STOCK = "stock";

/** The page of `GET /api/concepts` (the dictionary's concepts, in its order). */
export const CONCEPT_LIST_KEYS = { page: "page", pageSize: "pageSize" } as const;

/**
 * The catalogue (the home page `/`) and `GET /api/documents`: words of a title (or author), one value of
 * each facet, and the page. The facets' values are what the documents hold: a journal's name, a year, an
 * author's name, a concept id, a source key.
 */
export const CATALOGUE_KEYS = {
  query: "q",
  journal: "journal",
  year: "year",
  author: "author",
  concept: "concept",
  source: "source",
  page: "page",
  pageSize: "pageSize",
  /** `GET /api/documents` only: `1` adds each facet's values and counts to the answer. */
  withFacets: "facets",
} as const;

/**
 * Choosing the texts of a side-by-side view without a script (`/compare?left=<slug>&rq=<words>`): the words
 * typed for a side whose document is not chosen yet; the page lists the titles they match to pick from.
 */
export const COMPARE_CHOICE_KEYS = { leftQuery: "lq", rightQuery: "rq" } as const;

/** The export routes (`/api/export/…`): the file format, and what a pinpoint citation cites. */
export const EXPORT_KEYS = { format: "format", document: "doc", anchor: "anchor", quote: "q" } as const;

/** A document's Web Annotation collection (`/api/annotations/documents/<slug>`): which page, from 0. */
export const ANNOTATION_KEYS = { page: "page" } as const;

/** The link-preview image (`/api/og`). */
export const LINK_PREVIEW_KEYS = { slug: "slug", quote: "q" } as const;

/** `GET /api/links`: the links between two documents. */
export const PASSAGE_LINK_KEYS = { left: "left", right: "right", kind: "kind" } as const;

/**
 * The Distributed Text Services 1.0 endpoints' query parameters, named by the specification
 * (https://dtsapi.org/specifications/versions/v1.0/): collection `id`, `page`, `nav`; navigation and document
 * `resource`, `ref`, `start`, `end`, `down`, `tree`, and the document's `mediaType`.
 */
export const DTS_KEYS = {
  id: "id",
  page: "page",
  nav: "nav",
  resource: "resource",
  ref: "ref",
  start: "start",
  end: "end",
  down: "down",
  tree: "tree",
  mediaType: "mediaType",
} as const;

// ————— Page sizes of the paged lists (the default when a URL names none; `pageSize` may ask for another) —————

/**
 * The catalogue's cards per page: about three screens of cards on a desktop and a handful of thumb-flicks on
 * a phone, enough to scan a journal's year at a glance; also search's default, so the two lists page alike.
 */
export const CATALOGUE_PAGE_SIZE = 20;
/**
 * Concordance lines per page: one line each, so 50 fill two screens, as a page of a KWIC printout does;
 * a concept mentioned 2,000 times across the corpus is 40 pages.
 */
export const CONCORDANCE_PAGE_SIZE = 50;
/**
 * Bibliography entries per page: an entry is a line or two that the eye runs down looking for a title, and
 * the browser's find-in-page reaches as far as the page does, so a page holds as many as any request may.
 */
export const BIBLIOGRAPHY_PAGE_SIZE = 100;
/** Concepts a page of `GET /api/concepts` holds unless asked: the most a page may hold, so the dictionary's 52 fit one. */
export const CONCEPT_LIST_PAGE_SIZE = 100;
/**
 * Places per page of a block's parallels: a place is a title, a line or two of quoted words and a link, so
 * 25 fill about three screens, like a page of the catalogue; a quotation found in 1,300 places is 52 pages.
 */
export const PARALLELS_PAGE_SIZE = 25;
/** The most rows any one list request may ask for: bounds the work and the size of one answer (search's limit too). */
export const MAX_PAGE_SIZE = 100;
/** Type-ahead suggestions shown under a title field: as many as can be read without scrolling on a phone. */
export const TYPE_AHEAD_SUGGESTIONS = 8;

/** The fragment of a concept page's concordance, where its sort links land. */
export const CONCORDANCE_FRAGMENT = "concordance";

/** A document slug: lowercase letters, digits and hyphens (what a manifest may give and ingest derives). */
const SLUG_FIRST = "[a-z0-9]";
const SLUG_REST = "[a-z0-9-]";
export const SLUG_MAX_LENGTH = 80;
export const SLUG_ALPHABET = new RegExp(`^${SLUG_FIRST}${SLUG_REST}*$`, "u");
/** The whole rule as a regular-expression source without anchors, for Next's rewrites. */
export const SLUG_PATTERN = `${SLUG_FIRST}${SLUG_REST}{0,${SLUG_MAX_LENGTH - 1}}`;

/** Anchors (`p-…`, `h-…`, `n-…`, `n-…-c1`) and source keys (`src-…`) share one alphabet; never a path. */
export const ID_FORMAT = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/u;

/** Concept and member ids are kebab-case, as the dictionary's schema says (lib/concepts/concept-dictionary.ts). */
export const CONCEPT_ID_FORMAT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;
export const CONCEPT_ID_MAX_LENGTH = 80;

export function isSlug(value: unknown): value is string {
  return typeof value === "string" && value.length <= SLUG_MAX_LENGTH && SLUG_ALPHABET.test(value);
}

export function isAnchor(value: unknown): value is string {
  return typeof value === "string" && ID_FORMAT.test(value);
}

export function isSourceKey(value: unknown): value is string {
  return typeof value === "string" && ID_FORMAT.test(value);
}

export function isConceptId(value: unknown): value is string {
  return typeof value === "string" && value.length <= CONCEPT_ID_MAX_LENGTH && CONCEPT_ID_FORMAT.test(value);
}
