import { z } from "zod";
import { findLinkedPassage } from "@/app/read/[slug]/load-reader-document";
import { readAnnotationText } from "@/lib/db/annotation-document-text";
import { getDocumentStructure } from "@/lib/db/get-document";
import { passageAnnotation } from "@/lib/exchange/web-annotation-export";
import { apiRoute, badRequest, notFound } from "@/lib/http/api-response";
import { MAX_QUOTE_LENGTH } from "@/lib/urls/app-urls";
import { firstValues, repeatedKeys } from "@/lib/urls/query-values";
import { anchorParam, slugSegment } from "@/lib/urls/route-params";
import { READER_KEYS } from "@/lib/urls/url-grammar";
import { exportContext, webAnnotationResponse } from "../../../web-annotation-response";

export const dynamic = "force-dynamic";

/** A passage link's query (app-urls.ts passageHref): the words, their context, and where they stood. */
const querySchema = z.strictObject({
  [READER_KEYS.quote]: z.string().refine((value) => value.trim() !== "", "the quote is empty").pipe(z.string().max(MAX_QUOTE_LENGTH, `the quote is longer than ${MAX_QUOTE_LENGTH} characters`)),
  [READER_KEYS.quotePrefix]: z.string().optional(),
  [READER_KEYS.quoteSuffix]: z.string().optional(),
  [READER_KEYS.quoteBlock]: anchorParam.optional(),
  [READER_KEYS.quoteOffset]: z.coerce.number().int("the offset must be a whole number").min(0, "the offset is at least 0").optional(),
});

/**
 * A passage link as one W3C Web Annotation, found in the current text the way the reader finds it: the
 * same query as the reader's passage link (`/read/<slug>?q=…&qp=…&qs=…&qa=…&qo=…`), on this path.
 */
export const GET = apiRoute("GET /api/annotations/documents/<slug>/passage", async (request: Request, context: { params: Promise<{ slug: string }> }) => {
  const slug = slugSegment.parse((await context.params).slug);
  const params = new URL(request.url).searchParams;
  const repeated = repeatedKeys(params);
  if (repeated.length > 0) throw badRequest(`give each parameter once (repeated: ${repeated.join(", ")})`);
  if (!params.has(READER_KEYS.quote)) throw badRequest(`give the passage's words as ${READER_KEYS.quote}=<words> (a reader passage link's query)`);
  const query = querySchema.parse(firstValues(params));
  const document = await getDocumentStructure(slug);
  if (!document) throw notFound(`document "${slug}"`);
  const linked = await findLinkedPassage(document, {
    exact: query[READER_KEYS.quote],
    prefix: query[READER_KEYS.quotePrefix] ?? "",
    suffix: query[READER_KEYS.quoteSuffix] ?? "",
    blockAnchor: query[READER_KEYS.quoteBlock] ?? "",
    offset: query[READER_KEYS.quoteOffset] ?? -1,
  });
  if (linked.status === "orphaned") throw notFound(`the passage “${linked.quote}” in document "${slug}" (it is no longer in the text)`);
  const layout = await readAnnotationText(slug);
  if (!layout) throw notFound(`document "${slug}"`);
  const { anchor, start, end } = linked.location;
  return webAnnotationResponse(passageAnnotation(exportContext(), { slug, title: document.title, layout, passage: { anchor, start, end } }));
});
