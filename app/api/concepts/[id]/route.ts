import { getConcept } from "@/lib/db/get-concept";
import { apiRoute, notFound } from "@/lib/http/api-response";
import { searchHitHref } from "@/lib/urls/app-urls";
import { conceptIdSegment, concordancePageSchema, concordanceSortSchema } from "@/lib/urls/route-params";
import { CONCORDANCE_KEYS } from "@/lib/urls/url-grammar";

export const dynamic = "force-dynamic";

/**
 * A concept with its definition, relations and counts, and a page of its mentions in context
 * (`?page=&pageSize=`, in corpus order or `?sort=position|left|right&order=asc|desc` as the concept page
 * sorts); `mentionsTotal` counts them all. Only the page's lines are built. Malformed values answer 400.
 */
export const GET = apiRoute("GET /api/concepts/<id>", async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const id = conceptIdSegment.parse((await context.params).id);
  const params = new URL(request.url).searchParams;
  const value = (key: string) => params.get(key) ?? undefined;
  const paging = concordancePageSchema.parse({ page: value(CONCORDANCE_KEYS.page), pageSize: value(CONCORDANCE_KEYS.pageSize) });
  const sort = concordanceSortSchema.parse({ sort: value(CONCORDANCE_KEYS.sort), order: value(CONCORDANCE_KEYS.order) });
  const concept = await getConcept(id, undefined, { concordance: { key: sort.sort, order: sort.order, ...paging } });
  if (!concept) throw notFound(`concept "${id}"`);
  const { concordance: _concordance, ...rest } = concept;
  return Response.json({
    ...rest,
    page: paging.page,
    pageSize: paging.pageSize,
    sort: sort.sort,
    order: sort.order,
    mentions: concept.mentions.map((mention) => ({ ...mention, href: searchHitHref(mention.documentSlug, mention.anchor, mention) })),
  });
});
