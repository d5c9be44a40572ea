import { dtsEntryPoint } from "@/lib/exchange/dts-responses";
import { apiRoute } from "@/lib/http/api-response";
import { publicOrigin } from "@/lib/http/public-url";
import { jsonLd } from "./dts-answers";

export const dynamic = "force-dynamic";

/** The Distributed Text Services 1.0 entry endpoint: the URI templates of the collection, navigation and document endpoints. */
export const GET = apiRoute("GET /api/dts", () => jsonLd(dtsEntryPoint(publicOrigin())));
