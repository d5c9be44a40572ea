import { listConcepts } from "@/lib/db/list-concepts";

export const dynamic = "force-dynamic";

/** A failing database is the server's trouble, not the request's: say so with 503 rather than a bare 500. */
function databaseFailure(error: unknown): Response {
  console.error("concepts/links API: database query failed:", error);
  return Response.json({ error: "the database is unavailable; try again shortly" }, { status: 503 });
}

export async function GET() {
  const index = await listConcepts().catch(databaseFailure);
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
