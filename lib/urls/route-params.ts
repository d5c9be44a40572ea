import { z } from "zod";
import { EXPORT_FORMATS } from "@/lib/citations/export-sources";
import { CONCEPT_ID_FORMAT, CONCEPT_ID_MAX_LENGTH, ID_FORMAT, SLUG_ALPHABET, SLUG_MAX_LENGTH } from "./url-grammar";

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

export const exportFormatParam = z.enum(EXPORT_FORMATS, { error: `format must be one of ${EXPORT_FORMATS.join(", ")}` });

export const slugSegment = pathSegment.pipe(slugParam);
export const anchorSegment = pathSegment.pipe(anchorParam);
export const sourceKeySegment = pathSegment.pipe(sourceKeyParam);
export const conceptIdSegment = pathSegment.pipe(conceptIdParam);
