import { listConcepts } from "@/lib/db/list-concepts";
import { apiRoute } from "@/lib/http/api-response";
import { conceptListPageSchema } from "@/lib/urls/route-params";
import { CONCEPT_LIST_KEYS } from "@/lib/urls/url-grammar";

export const dynamic = "force-dynamic";

/**
 * The dictionary's concepts in its order, a page at a time (`?page=&pageSize=`, at most 100; a malformed value
 * answers 400), each with its mentions counted per document that mentions it; `documents` are the documents
 * those counts name, `total` the concepts of the dictionary.
 */
export const GET = apiRoute("GET /api/concepts", async (request: Request) => {
  const params = new URL(request.url).searchParams;
  const paging = conceptListPageSchema.parse({
    page: params.get(CONCEPT_LIST_KEYS.page) ?? undefined,
    pageSize: params.get(CONCEPT_LIST_KEYS.pageSize) ?? undefined,
  });
  const index = await listConcepts(undefined, { page: paging });
  return Response.json({
    total: index.total,
    page: paging.page,
    pageSize: paging.pageSize,
    documents: index.documents,
    concepts: index.concepts.map((concept) => ({
      id: concept.id,
      labelZh: concept.labelZh,
      labelEn: concept.labelEn,
      variants: concept.variants,
      members: concept.members.map(({ id, label }) => ({ id, label })),
      counts: concept.counts,
      total: concept.total,
    })),
  });
});
