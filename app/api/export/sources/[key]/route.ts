import { z } from "zod";
import { exportSources } from "@/lib/citations/export-sources";
import { getSource } from "@/lib/db/get-source";
import { toSourceRecord } from "@/lib/db/source-record";
import { badRequest, notFound } from "@/lib/http/api-response";
import { attachmentResponse } from "../../attachment";
import { formatParam, sourceKeyParam } from "../../export-params";

export const dynamic = "force-dynamic";

const querySchema = z.strictObject({ format: formatParam });

/** One source as a BibTeX/RIS/CSL-JSON/GB/T 7714 file: `?format=`. */
export async function GET(request: Request, context: { params: Promise<{ key: string }> }) {
  const key = sourceKeyParam.safeParse((await context.params).key);
  if (!key.success) return badRequest(key.error);
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return badRequest(query.error);
  const source = await getSource(key.data);
  if (!source) return notFound(`source "${key.data}"`);
  const result = exportSources([toSourceRecord(source)], query.data.format);
  return attachmentResponse(result, { readable: `${source.title ?? source.key}`, ascii: `duizhao-${source.key}` });
}
