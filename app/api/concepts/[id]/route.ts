import { mentionHref } from "@/components/concepts/mention-href";
import { getConcept } from "@/lib/db/get-concept";
import { badRequest, notFound } from "@/lib/http/api-response";
import { conceptIdParam } from "@/app/concepts/concept-id-param";

export const dynamic = "force-dynamic";

/** A failing database is the server's trouble, not the request's: say so with 503 rather than a bare 500. */
function databaseFailure(error: unknown): Response {
  console.error("concepts/links API: database query failed:", error);
  return Response.json({ error: "the database is unavailable; try again shortly" }, { status: 503 });
}

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  const id = conceptIdParam.safeParse((await context.params).id);
  if (!id.success) return badRequest(id.error);
  const concept = await getConcept(id.data).catch(databaseFailure);
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
