import { apiRoute } from "@/lib/http/api-response";

export const dynamic = "force-dynamic";

/** Liveness: the process answers. Asks nothing of the database (readiness does), so a database outage never gets the process restarted. */
export const GET = apiRoute("GET /api/health/live", (_request: Request) => Response.json({ live: true }, { headers: { "Cache-Control": "no-store" } }));
