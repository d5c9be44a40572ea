import { readReadiness } from "@/lib/db/read-readiness";

/**
 * Readiness as an HTTP answer: 200 when the corpus can be served, 503 with the reason when not (the
 * database is unreachable, or migrations are behind). Never cached: each probe asks again.
 */
export async function readinessResponse(): Promise<Response> {
  const readiness = await readReadiness().catch(() => ({ ready: false as const, reason: "the database is not configured (DATABASE_URL)" }));
  return Response.json(readiness, { status: readiness.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
