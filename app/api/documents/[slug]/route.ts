import { getDocumentStructure } from "@/lib/db/get-document";
import { apiRoute, notFound } from "@/lib/http/api-response";
import { slugSegment } from "@/lib/urls/route-params";

export const dynamic = "force-dynamic";

export const GET = apiRoute("GET /api/documents/<slug>", async (_request: Request, context: { params: Promise<{ slug: string }> }) => {
  const slug = slugSegment.parse((await context.params).slug);
  const document = await getDocumentStructure(slug);
  if (!document) throw notFound(`document "${slug}"`);
  return Response.json(document);
});
