import { getConcept } from "@/lib/db/get-concept";
import { apiRoute, notFound } from "@/lib/http/api-response";
import { searchHitHref } from "@/lib/urls/app-urls";
import { pageOf } from "@/lib/paging/page-window";
import { conceptIdSegment, concordancePageSchema } from "@/lib/urls/route-params";
import { CONCORDANCE_KEYS } from "@/lib/urls/url-grammar";

export const dynamic = "force-dynamic";

/**
 * A concept with its definition, relations and counts, and a page of its mentions in context, in corpus
 * order (`?page=&pageSize=`); `mentionsTotal` counts them all.
 */
export const GET = apiRoute("GET /api/concepts/<id>", async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const id = conceptIdSegment.parse((await context.params).id);
  const params = new URL(request.url).searchParams;
  const paging = concordancePageSchema.parse({ page: params.get(CONCORDANCE_KEYS.page) ?? undefined, pageSize: params.get(CONCORDANCE_KEYS.pageSize) ?? undefined });
  const concept = await getConcept(id);
  if (!concept) throw notFound(`concept "${id}"`);
  return Response.json({
    ...concept,
    mentionsTotal: concept.mentions.length,
    page: paging.page,
    pageSize: paging.pageSize,
    mentions: pageOf(concept.mentions, paging.page, paging.pageSize).map((mention) => ({
      ...mention,
      href: searchHitHref(mention.documentSlug, mention.anchor, mention),
    })),
  });
});
