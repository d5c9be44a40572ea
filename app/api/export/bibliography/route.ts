import { exportSources } from "@/lib/citations/export-sources";
import { listSources, sourceListQuerySchema } from "@/lib/db/list-sources";
import { toSourceRecord } from "@/lib/db/source-record";
import { apiRoute, notFound } from "@/lib/http/api-response";
import { firstValues } from "@/lib/urls/query-values";
import { exportFormatParam } from "@/lib/urls/route-params";
import { EXPORT_KEYS } from "@/lib/urls/url-grammar";
import { attachmentResponse } from "../attachment";

export const dynamic = "force-dynamic";

const querySchema = sourceListQuerySchema.extend({ [EXPORT_KEYS.format]: exportFormatParam });

/**
 * A bibliography file: one document's (`?doc=`) or the corpus's, with the bibliography page's filters and
 * order (`type`, `year`, `sort`, `dir`), so a download holds what the page showed.
 */
export const GET = apiRoute("GET /api/export/bibliography", async (request: Request) => {
  const { format, ...filters } = querySchema.parse(firstValues(new URL(request.url).searchParams));
  const list = await listSources(filters);
  if (!list) throw notFound(`document "${filters.doc}"`);
  const result = exportSources(list.sources.map(toSourceRecord), format);
  const scope = list.document ? list.document.slug : "corpus";
  return attachmentResponse(result, {
    readable: list.document ? `${list.document.title} 参考文献` : "Duizhao 对照 参考文献",
    ascii: `duizhao-bibliography-${scope}`,
  });
});
