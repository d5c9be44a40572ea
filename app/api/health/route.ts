import { apiRoute } from "@/lib/http/api-response";
import { readinessResponse } from "./readiness-response";

export const dynamic = "force-dynamic";

/** Readiness, as /api/health/ready: what a plain health check should mean. Liveness is /api/health/live. */
export const GET = apiRoute("GET /api/health", (_request: Request) => readinessResponse());
