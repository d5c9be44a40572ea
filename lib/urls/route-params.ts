import { z } from "zod";
import { EXPORT_FORMATS } from "@/lib/citations/export-sources";
import {
  BIBLIOGRAPHY_KEYS,
  BIBLIOGRAPHY_PAGE_SIZE,
  CATALOGUE_KEYS,
  CATALOGUE_PAGE_SIZE,
  COMPARE_CHOICE_KEYS,
  COMPARE_KEYS,
  CONCEPT_ID_FORMAT,
  CONCEPT_ID_MAX_LENGTH,
  CONCEPT_LIST_KEYS,
  CONCEPT_LIST_PAGE_SIZE,
  CONCORDANCE_KEYS,
  CONCORDANCE_PAGE_SIZE,
  CONCORDANCE_SORT_VALUES,
  ID_FORMAT,
  MAX_PAGE_SIZE,
  PARALLELS_KEYS,
  PARALLELS_PAGE_SIZE,
  PARALLELS_SHOW_STOCK,
  SLUG_ALPHABET,
  SLUG_MAX_LENGTH,
} from "./url-grammar";

/**
 * The zod schemas of every parameter a route or page reads: path segments and query values, each
 * refusing a malformed value with a reason a person can act on (an API answers it as a 400, a page as
 * its 404 or notice). The shapes themselves are in ./url-grammar.ts, shared with the URL builders.
 *
 * Server code only: client components read URLs through ./app-urls.ts, which keeps zod out of the bundle.
 */

/**
 * A dynamic route segment as Next hands it (percent-encoded), decoded. A malformed escape (`%E0`) is a
 * bad request, never a thrown URIError.
 */
export const pathSegment = z.string().transform((value, context) => {
  try {
    return decodeURIComponent(value);
  } catch {
    context.issues.push({ code: "custom", message: "not a well-formed percent-encoded path segment", input: value });
    return z.NEVER;
  }
});

export const slugParam = z
  .string()
  .min(1, "slug is empty")
  .max(SLUG_MAX_LENGTH, `slug is longer than ${SLUG_MAX_LENGTH} characters`)
  .regex(SLUG_ALPHABET, "slug may hold only lowercase letters, digits and hyphens");

/** A heading's, paragraph's, note's or citation's anchor. */
export const anchorParam = z.string().regex(ID_FORMAT, "not an anchor");

/** A source key as the grouping makes them ("src-" + hex) or any id of that alphabet; never a path. */
export const sourceKeyParam = z.string().regex(ID_FORMAT, "not a source key");

/** Concept and member ids are kebab-case (the dictionary's schema says so); anything else cannot exist. */
export const conceptIdParam = z
  .string()
  .min(1, "concept id is empty")
  .max(CONCEPT_ID_MAX_LENGTH, `concept id is longer than ${CONCEPT_ID_MAX_LENGTH} characters`)
  .regex(CONCEPT_ID_FORMAT, "concept id may hold only lowercase letters, digits and single hyphens");

/** A page of a paged list, from 1. */
export const pageParam = z.coerce.number().int("page must be a whole number").min(1, "page starts at 1").max(10_000, "page is at most 10000");

/** How many rows a page of a list holds: from 1 to MAX_PAGE_SIZE, `fallback` when not given. */
export const pageSizeParam = (fallback: number) =>
  z.coerce
    .number()
    .int("pageSize must be a whole number")
    .min(1, "pageSize is at least 1")
    .max(MAX_PAGE_SIZE, `pageSize is at most ${MAX_PAGE_SIZE}`)
    .default(fallback);

/** Blank form fields ("any journal") mean "no filter", as a plain GET form sends them. */
const blankIsAbsent = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

/** Longer than any title or name; a longer query names nothing and is refused rather than scanned for. */
export const TITLE_QUERY_MAX_LENGTH = 100;
/** A facet value (a journal's or an author's name) as documents hold it; longer ones do not occur. */
const FACET_VALUE_MAX_LENGTH = 200;

/** Control characters (NUL among them, which PostgreSQL refuses in text) occur in no title or name. */
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/u;

const facetValue = (name: string) =>
  z
    .string()
    .trim()
    .max(FACET_VALUE_MAX_LENGTH, `${name} is longer than ${FACET_VALUE_MAX_LENGTH} characters`)
    .regex(NO_CONTROL_CHARACTERS, `${name} may not hold control characters`);

/**
 * The catalogue (home page) and `GET /api/documents`: title words (`q`), at most one value of each facet,
 * and the page. Unknown parameters are refused, so a misspelt facet is a reason, not a silently wider list.
 */
export const catalogueQuerySchema = z.strictObject({
  [CATALOGUE_KEYS.query]: blankIsAbsent(facetValue("q").max(TITLE_QUERY_MAX_LENGTH, `q is longer than ${TITLE_QUERY_MAX_LENGTH} characters`)),
  [CATALOGUE_KEYS.journal]: blankIsAbsent(facetValue("journal")),
  [CATALOGUE_KEYS.year]: blankIsAbsent(z.coerce.number().int("year must be a whole number").min(1000, "year must have four digits").max(9999, "year must have four digits")),
  [CATALOGUE_KEYS.author]: blankIsAbsent(facetValue("author")),
  [CATALOGUE_KEYS.concept]: blankIsAbsent(conceptIdParam),
  [CATALOGUE_KEYS.source]: blankIsAbsent(sourceKeyParam),
  [CATALOGUE_KEYS.page]: pageParam.default(1),
  [CATALOGUE_KEYS.pageSize]: pageSizeParam(CATALOGUE_PAGE_SIZE),
});
export type CatalogueQuery = z.infer<typeof catalogueQuerySchema>;

/** A page of a concept's mentions (`GET /api/concepts/<id>`, the concept page's concordance). */
export const concordancePageSchema = z.object({
  [CONCORDANCE_KEYS.page]: pageParam.default(1),
  [CONCORDANCE_KEYS.pageSize]: pageSizeParam(CONCORDANCE_PAGE_SIZE),
});

/** The order of `GET /api/concepts/<id>`'s mentions (the concept page reads the same keys, forgivingly). */
export const concordanceSortSchema = z.object({
  [CONCORDANCE_KEYS.sort]: z.enum(CONCORDANCE_SORT_VALUES, `sort is one of ${CONCORDANCE_SORT_VALUES.join(", ")}`).default("document"),
  [CONCORDANCE_KEYS.order]: z.enum(["asc", "desc"], "order is asc or desc").default("asc"),
});

/** A page of a block's parallels (`/read/<slug>/parallels/<anchor>`). */
export const parallelsPageSchema = z.object({
  [PARALLELS_KEYS.page]: pageParam.default(1),
  [PARALLELS_KEYS.pageSize]: pageSizeParam(PARALLELS_PAGE_SIZE),
  /** Which places: those sharing more than stock phrases (absent), or only stock phrases (`stock`). */
  [PARALLELS_KEYS.show]: z.literal(PARALLELS_SHOW_STOCK, `show is ${PARALLELS_SHOW_STOCK} or absent`).optional(),
});

/** A page of `GET /api/concepts`. */
export const conceptListPageSchema = z.object({
  [CONCEPT_LIST_KEYS.page]: pageParam.default(1),
  [CONCEPT_LIST_KEYS.pageSize]: pageSizeParam(CONCEPT_LIST_PAGE_SIZE),
});

/** A page of the bibliography and of `GET /api/sources`. */
export const bibliographyPageSchema = z.object({
  [BIBLIOGRAPHY_KEYS.page]: pageParam.default(1),
  [BIBLIOGRAPHY_KEYS.pageSize]: pageSizeParam(BIBLIOGRAPHY_PAGE_SIZE),
});

/**
 * Choosing a side-by-side pair without a script: the words typed for a side not chosen yet. Lenient: a
 * malformed slug is as if none were given (the page then asks for that side), never an error.
 */
export const compareChoiceSchema = z.object({
  [COMPARE_KEYS.left]: slugParam.optional().catch(undefined),
  [COMPARE_KEYS.right]: slugParam.optional().catch(undefined),
  [COMPARE_CHOICE_KEYS.leftQuery]: blankIsAbsent(facetValue("lq").max(TITLE_QUERY_MAX_LENGTH)).catch(undefined),
  [COMPARE_CHOICE_KEYS.rightQuery]: blankIsAbsent(facetValue("rq").max(TITLE_QUERY_MAX_LENGTH)).catch(undefined),
});

export const exportFormatParam = z.enum(EXPORT_FORMATS, { error: `format must be one of ${EXPORT_FORMATS.join(", ")}` });

export const slugSegment = pathSegment.pipe(slugParam);
export const anchorSegment = pathSegment.pipe(anchorParam);
export const sourceKeySegment = pathSegment.pipe(sourceKeyParam);
export const conceptIdSegment = pathSegment.pipe(conceptIdParam);

// ————— Distributed Text Services (DTS 1.0, https://dtsapi.org/specifications/versions/v1.0/) —————

/**
 * The longest identifier a DTS query may carry: a resource's identifier is an absolute URL of this app
 * (`<public origin>/read/<slug>`), well under this; anything longer names nothing here.
 */
export const DTS_IDENTIFIER_MAX_LENGTH = 2048;

const dtsIdentifier = (name: string) =>
  z.string().trim().min(1, `${name} is empty`).max(DTS_IDENTIFIER_MAX_LENGTH, `${name} is longer than ${DTS_IDENTIFIER_MAX_LENGTH} characters`);

/** A citable unit's identifier: the anchor of a heading's section, a paragraph or a note. */
const dtsRef = z.string().regex(ID_FORMAT, "not a passage identifier (a heading's, paragraph's or note's anchor such as p-1a2b3c4d)");

/** `GET /api/dts/collection`: `id` absent is the corpus itself. */
export const dtsCollectionQuery = z.strictObject({
  id: dtsIdentifier("id").optional(),
  page: pageParam.optional(),
  nav: z.enum(["children", "parents"], { error: "nav must be children or parents" }).optional(),
});

const dtsPassageFields = {
  resource: dtsIdentifier("resource").optional(),
  ref: dtsRef.optional(),
  start: dtsRef.optional(),
  end: dtsRef.optional(),
  tree: dtsIdentifier("tree").optional(),
};

interface PassageFields {
  resource?: string;
  ref?: string;
  start?: string;
  end?: string;
}

/** The combinations both endpoints refuse with 400 (DTS 1.0, Navigation "Errors" and Document "Usages"). */
function checkPassageFields(query: PassageFields, context: z.RefinementCtx): void {
  if (query.resource === undefined) context.addIssue({ code: "custom", path: ["resource"], message: "resource is required" });
  if (query.ref !== undefined && (query.start !== undefined || query.end !== undefined)) {
    context.addIssue({ code: "custom", path: ["ref"], message: "ref cannot be combined with start or end" });
  }
  if ((query.start === undefined) !== (query.end === undefined)) {
    context.addIssue({ code: "custom", path: [query.start === undefined ? "start" : "end"], message: "start and end are given together" });
  }
}

/** `GET /api/dts/navigation`: `down` is a depth from 1, or -1 for the whole tree; 0 asks for the siblings of `ref`. */
export const dtsNavigationQuery = z
  .strictObject({
    ...dtsPassageFields,
    down: z.coerce.number().int("down must be a whole number").min(-1, "down is -1 (the whole tree), 0 or a depth").optional(),
  })
  .superRefine((query, context) => {
    checkPassageFields(query, context);
    const range = query.start !== undefined || query.end !== undefined;
    if (query.down === undefined && query.ref === undefined && !range) {
      context.addIssue({ code: "custom", path: ["down"], message: "give ref, start and end, or down (the root alone cannot be navigated)" });
    }
    if (query.down === 0 && query.ref === undefined) {
      context.addIssue({ code: "custom", path: ["down"], message: "down=0 (the siblings of a unit) needs ref" });
    }
  });

/** `GET /api/dts/document`: the whole resource, or one unit (`ref`), or a range (`start`..`end`). */
export const dtsDocumentQuery = z
  .strictObject({ ...dtsPassageFields, mediaType: dtsIdentifier("mediaType").optional() })
  .superRefine(checkPassageFields);
