import { z } from "zod";
import { exportSources } from "@/lib/citations/export-sources";
import { getSource } from "@/lib/db/get-source";
import { toSourceRecord } from "@/lib/db/source-record";
import { apiRoute, notFound } from "@/lib/http/api-response";
import { firstValues } from "@/lib/urls/query-values";
import { exportFormatParam, sourceKeySegment } from "@/lib/urls/route-params";
import { EXPORT_KEYS } from "@/lib/urls/url-grammar";
import { attachmentResponse } from "../../attachment";

export const dynamic = "force-dynamic";

const querySchema = z.strictObject({ [EXPORT_KEYS.format]: exportFormatParam });

/** One source as a BibTeX/RIS/CSL-JSON/GB/T 7714 file: `?format=`. */
export const GET = apiRoute("GET /api/export/sources/<key>", async (request: Request, context: { params: Promise<{ key: string }> }) => {
  const key = sourceKeySegment.parse((await context.params).key);
  const { format } = querySchema.parse(firstValues(new URL(request.url).searchParams));
  const source = await getSource(key);
  if (!source) throw notFound(`source "${key}"`);
  const result = exportSources([toSourceRecord(source)], format);
  return attachmentResponse(result, { readable: `${source.title ?? source.key}`, ascii: `duizhao-${source.key}` });
});
