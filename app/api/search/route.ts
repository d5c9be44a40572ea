import { searchCorpus } from "@/lib/db/search-corpus";
import { apiRoute, badRequest } from "@/lib/http/api-response";
import { parseSearchQuery } from "@/lib/search/parse-search-query";
import { readSearchParams } from "@/lib/search/search-params";

export const dynamic = "force-dynamic";

/** GET /api/search?q=…&doc=<slug>&kind=paragraph&concept=<id>&page=1&pageSize=20 (see docs/search.md). */
export const GET = apiRoute("GET /api/search", async (request: Request) => {
  const read = readSearchParams(new URL(request.url).searchParams);
  if (!read.ok) throw badRequest(read.reason);
  const query = parseSearchQuery(read.params.q);
  if (!query.ok) throw badRequest(`q: ${query.reason}`);
  const { doc, kind, concept, page, pageSize } = read.params;
  const result = await searchCorpus({
    terms: query.terms.map((term) => term.folded),
    documentSlug: doc,
    kind,
    conceptId: concept,
    page,
    pageSize,
  });
  return Response.json({
    query: { terms: query.terms.map((term) => term.text), doc: doc ?? null, kind: kind ?? null, concept: concept ?? null },
    total: result.total,
    totalRelation: result.totalRelation,
    page: result.page,
    pageSize: result.pageSize,
    counts: result.counts,
    hits: result.hits,
  });
});
