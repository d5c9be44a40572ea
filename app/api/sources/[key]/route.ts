import { getSource } from "@/lib/db/get-source";
import { apiRoute, notFound } from "@/lib/http/api-response";
import { sourceKeySegment } from "@/lib/urls/route-params";

export const dynamic = "force-dynamic";

/** One source: its record, how confident its grouping is and why, and every citation of it in context. */
export const GET = apiRoute("GET /api/sources/<key>", async (_request: Request, context: { params: Promise<{ key: string }> }) => {
  const key = sourceKeySegment.parse((await context.params).key);
  const source = await getSource(key);
  if (!source) throw notFound(`source "${key}"`);
  return Response.json(source);
});
