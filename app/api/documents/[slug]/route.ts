import { getDocumentStructure } from "@/lib/db/get-document";
import { badRequest, notFound } from "@/lib/http/api-response";
import { slugParam } from "@/lib/http/route-params";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ slug: string }> }) {
  const slug = slugParam.safeParse((await context.params).slug);
  if (!slug.success) return badRequest(slug.error);
  const document = await getDocumentStructure(slug.data);
  return document ? Response.json(document) : notFound(`document "${slug.data}"`);
}
