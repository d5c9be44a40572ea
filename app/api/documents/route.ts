import { listCatalogueDocuments, listCatalogueFacets } from "@/lib/db/list-catalogue";
import { apiRoute, badRequest } from "@/lib/http/api-response";
import { firstValues, repeatedKeys } from "@/lib/urls/query-values";
import { catalogueQuerySchema } from "@/lib/urls/route-params";
import { CATALOGUE_KEYS } from "@/lib/urls/url-grammar";

export const dynamic = "force-dynamic";

/**
 * GET /api/documents?q=&journal=&year=&author=&concept=&source=&page=1&pageSize=20[&facets=1]: a page of
 * the catalogue and the total over every page, in the catalogue's order (with `q`, the best title matches
 * first: the title type-ahead asks this). `facets=1` adds each facet's values with their counts.
 */
export const GET = apiRoute("GET /api/documents", async (request: Request) => {
  const params = new URL(request.url).searchParams;
  const [repeated] = repeatedKeys(params);
  if (repeated !== undefined) throw badRequest(`${repeated} is given more than once`);
  const { [CATALOGUE_KEYS.withFacets]: withFacets, ...rest } = firstValues(params);
  if (withFacets !== undefined && withFacets !== "0" && withFacets !== "1") throw badRequest(`${CATALOGUE_KEYS.withFacets}: must be 0 or 1`);
  const query = catalogueQuerySchema.parse(rest);
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  const [list, facets] = await Promise.all([listCatalogueDocuments(query), withFacets === "1" ? listCatalogueFacets(filters) : null]);
  return Response.json({
    query: filters,
    total: list.total,
    page: list.page,
    pageSize: list.pageSize,
    documents: list.documents.map((d) => ({
      slug: d.slug,
      title: d.title,
      titleEn: d.titleEn,
      authors: d.authors,
      journal: d.journal,
      issue: d.issue,
      date: d.date,
      counts: d.counts,
    })),
    ...(facets ? { facets } : {}),
  });
});
