import { databaseUnavailable } from "@/lib/http/api-response";
import { listConcepts } from "@/lib/db/list-concepts";

export const dynamic = "force-dynamic";

export async function GET() {
  const index = await listConcepts().catch((error: unknown) => databaseUnavailable(error, "GET /api/concepts"));
  if (index instanceof Response) return index;
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
}
