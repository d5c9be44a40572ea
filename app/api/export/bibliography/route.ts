import { exportSources } from "@/lib/citations/export-sources";
import { listSources, searchParamsObject, sourceListQuerySchema } from "@/lib/db/list-sources";
import { toSourceRecord } from "@/lib/db/source-record";
import { badRequest, notFound } from "@/lib/http/api-response";
import { attachmentResponse } from "../attachment";
import { formatParam } from "../export-params";

export const dynamic = "force-dynamic";

const querySchema = sourceListQuerySchema.extend({ format: formatParam });

/**
 * A bibliography file: one document's (`?doc=`) or the corpus's, with the bibliography page's filters and
 * order (`type`, `year`, `sort`, `dir`), so a download holds what the page showed.
 */
export async function GET(request: Request) {
  const query = querySchema.safeParse(searchParamsObject(new URL(request.url).searchParams));
  if (!query.success) return badRequest(query.error);
  const { format, ...filters } = query.data;
  const list = await listSources(filters);
  if (!list) return notFound(`document "${filters.doc}"`);
  const result = exportSources(list.sources.map(toSourceRecord), format);
  const scope = list.document ? list.document.slug : "corpus";
  return attachmentResponse(result, {
    readable: list.document ? `${list.document.title} 参考文献` : "Duizhao 对照 参考文献",
    ascii: `duizhao-bibliography-${scope}`,
  });
}
