import { listConcepts } from "@/lib/db/list-concepts";
import { apiRoute } from "@/lib/http/api-response";

export const dynamic = "force-dynamic";

export const GET = apiRoute("GET /api/concepts", async (_request: Request) => {
  const index = await listConcepts();
  return Response.json({
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
