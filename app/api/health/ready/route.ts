import { apiRoute } from "@/lib/http/api-response";
import { readinessResponse } from "../readiness-response";

export const dynamic = "force-dynamic";

/** Readiness: may this instance be sent readers? 503 with the reason while the database is gone or behind. */
export const GET = apiRoute("GET /api/health/ready", (_request: Request) => readinessResponse());
