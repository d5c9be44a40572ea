import { getSource } from "@/lib/db/get-source";
import { resolveMovedSourceKey } from "@/lib/db/resolve-source-key";
import { apiRoute, notFound } from "@/lib/http/api-response";
import { sourceApiHref } from "@/lib/urls/app-urls";
import { sourceKeySegment } from "@/lib/urls/route-params";

export const dynamic = "force-dynamic";

/** One source: its record, how confident its grouping is and why, and every citation of it in context. */
export const GET = apiRoute("GET /api/sources/<key>", async (_request: Request, context: { params: Promise<{ key: string }> }) => {
  const key = sourceKeySegment.parse((await context.params).key);
  const source = await getSource(key);
  if (!source) {
    // A work whose citations joined another source: sent there, as its page is (temporarily: a later
    // ingest may part them again).
    const moved = await resolveMovedSourceKey(key);
    if (moved) return new Response(null, { status: 307, headers: { Location: sourceApiHref(moved) } });
    throw notFound(`source "${key}"`);
  }
  return Response.json(source);
});
