import { listSources, searchParamsObject, sourceListQuerySchema } from "@/lib/db/list-sources";
import { badRequest, notFound } from "@/lib/http/api-response";

export const dynamic = "force-dynamic";

/** All sources (or one document's) with where each is cited; `?doc=&type=&year=&sort=&dir=`. */
export async function GET(request: Request) {
  const query = sourceListQuerySchema.safeParse(searchParamsObject(new URL(request.url).searchParams));
  if (!query.success) return badRequest(query.error);
  const list = await listSources(query.data);
  if (!list) return notFound(`document "${query.data.doc}"`);
  return Response.json(list);
}
