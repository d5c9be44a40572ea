import { listSources, sourceListQuerySchema } from "@/lib/db/list-sources";
import { apiRoute, notFound } from "@/lib/http/api-response";
import { firstValues } from "@/lib/urls/query-values";

export const dynamic = "force-dynamic";

/** All sources (or one document's) with where each is cited; `?doc=&type=&year=&sort=&dir=`. */
export const GET = apiRoute("GET /api/sources", async (request: Request) => {
  const query = sourceListQuerySchema.parse(firstValues(new URL(request.url).searchParams));
  const list = await listSources(query);
  if (!list) throw notFound(`document "${query.doc}"`);
  return Response.json(list);
});
