import { listSources, sourceListQuerySchema } from "@/lib/db/list-sources";
import { apiRoute, notFound } from "@/lib/http/api-response";
import { firstValues } from "@/lib/urls/query-values";
import { bibliographyPageSchema } from "@/lib/urls/route-params";
import { BIBLIOGRAPHY_KEYS } from "@/lib/urls/url-grammar";

export const dynamic = "force-dynamic";

/**
 * Sources (or one document's) with where each is cited, a page at a time; `?doc=&type=&year=&sort=&dir=&page=&pageSize=`.
 * `total` counts the sources the filters keep, on every page; `inScope`, those of the scope before the type
 * and year filters.
 */
export const GET = apiRoute("GET /api/sources", async (request: Request) => {
  const { [BIBLIOGRAPHY_KEYS.page]: page, [BIBLIOGRAPHY_KEYS.pageSize]: pageSize, ...filters } = firstValues(new URL(request.url).searchParams);
  const paging = bibliographyPageSchema.parse({ page, pageSize });
  const query = sourceListQuerySchema.parse(filters);
  const list = await listSources(query, undefined, { page: paging });
  if (!list) throw notFound(`document "${query.doc}"`);
  return Response.json({
    document: list.document,
    total: list.matching,
    page: paging.page,
    pageSize: paging.pageSize,
    inScope: list.total,
    types: list.types,
    years: list.years,
    sources: list.sources,
  });
});
