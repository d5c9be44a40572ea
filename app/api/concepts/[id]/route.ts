import { getConcept } from "@/lib/db/get-concept";
import { apiRoute, notFound } from "@/lib/http/api-response";
import { searchHitHref } from "@/lib/urls/app-urls";
import { conceptIdSegment } from "@/lib/urls/route-params";

export const dynamic = "force-dynamic";

export const GET = apiRoute("GET /api/concepts/<id>", async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const id = conceptIdSegment.parse((await context.params).id);
  const concept = await getConcept(id);
  if (!concept) throw notFound(`concept "${id}"`);
  return Response.json({
    ...concept,
    mentions: concept.mentions.map((mention) => ({
      ...mention,
      href: searchHitHref(mention.documentSlug, mention.anchor, mention),
    })),
  });
});
