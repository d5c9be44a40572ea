import { apiRoute } from "@/lib/http/api-response";

export const dynamic = "force-dynamic";

export const GET = apiRoute("GET /api/health", (_request: Request) => Response.json({ ok: true }));
