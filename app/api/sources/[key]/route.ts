import { sourceKeyParam } from "@/app/api/export/export-params";
import { getSource } from "@/lib/db/get-source";
import { badRequest, notFound } from "@/lib/http/api-response";

export const dynamic = "force-dynamic";

/** One source: its record, how confident its grouping is and why, and every citation of it in context. */
export async function GET(_request: Request, context: { params: Promise<{ key: string }> }) {
  const key = sourceKeyParam.safeParse((await context.params).key);
  if (!key.success) return badRequest(key.error);
  const source = await getSource(key.data);
  return source ? Response.json(source) : notFound(`source "${key.data}"`);
}
