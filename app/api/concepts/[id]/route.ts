import { mentionHref } from "@/components/concepts/mention-href";
import { getConcept } from "@/lib/db/get-concept";
import { badRequest, notFound, databaseUnavailable } from "@/lib/http/api-response";
import { conceptIdParam } from "@/app/concepts/concept-id-param";

export const dynamic = "force-dynamic";


export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  const id = conceptIdParam.safeParse((await context.params).id);
  if (!id.success) return badRequest(id.error);
  const concept = await getConcept(id.data).catch((error: unknown) => databaseUnavailable(error, "GET /api/concepts/<id>"));
  if (concept instanceof Response) return concept;
  if (!concept) return notFound(`concept "${id.data}"`);
  return Response.json({
    ...concept,
    mentions: concept.mentions.map((mention) => ({
      ...mention,
      href: mentionHref(mention.documentSlug, mention.anchor, mention.start, mention.end),
    })),
  });
}
