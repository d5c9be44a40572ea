import { z } from "zod";
import { listAnnotationLinks } from "@/lib/db/list-annotation-links";
import { annotationCollection, annotationPage, ANNOTATIONS_PER_PAGE, linkAnnotation } from "@/lib/exchange/web-annotation-export";
import { apiRoute, notFound } from "@/lib/http/api-response";
import { firstValues } from "@/lib/urls/query-values";
import { slugSegment } from "@/lib/urls/route-params";
import { ANNOTATION_KEYS } from "@/lib/urls/url-grammar";
import { exportContext, webAnnotationResponse } from "../../web-annotation-response";

export const dynamic = "force-dynamic";

const querySchema = z.strictObject({
  [ANNOTATION_KEYS.page]: z.coerce.number({ error: "page must be a whole number" }).int("page must be a whole number").min(0, "pages are numbered from 0").max(100_000, "page is at most 100000").optional(),
});

/**
 * A document's cross-document links as a W3C AnnotationCollection (its first page embedded), or with
 * `page=<n>` one AnnotationPage of it. Each link is an annotation with two targets, this document's first.
 */
export const GET = apiRoute("GET /api/annotations/documents/<slug>", async (request: Request, context: { params: Promise<{ slug: string }> }) => {
  const slug = slugSegment.parse((await context.params).slug);
  const { page } = querySchema.parse(firstValues(new URL(request.url).searchParams));
  const found = await listAnnotationLinks(slug);
  if (!found) throw notFound(`document "${slug}"`);
  const exported = exportContext();
  const items = (index: number) =>
    found.links.slice(index * ANNOTATIONS_PER_PAGE, (index + 1) * ANNOTATIONS_PER_PAGE).map((link) => linkAnnotation(exported, slug, link));
  const total = found.links.length;
  if (page === undefined) return webAnnotationResponse(annotationCollection(exported, { slug, title: found.title, total, firstItems: items(0) }));
  const pages = Math.ceil(total / ANNOTATIONS_PER_PAGE);
  if (page >= pages) throw notFound(`page ${page} of the annotations of document "${slug}" (pages 0 to ${pages - 1})`);
  return webAnnotationResponse(annotationPage(exported, { slug, page, total, items: items(page) }, { embedded: false }));
});
