import { dtsEntryPoint } from "@/lib/exchange/dts-responses";
import { publicOrigin } from "@/lib/http/public-url";
import { dtsRoute, jsonLd } from "./dts-answers";

export const dynamic = "force-dynamic";

/** The Distributed Text Services 1.0 entry endpoint: the URI templates of the collection, navigation and document endpoints. */
export const GET = dtsRoute("GET /api/dts", () => jsonLd(dtsEntryPoint(publicOrigin())));
