import { z } from "zod";
import { getDocumentStructure } from "@/lib/db/get-document";
import { documentReference, exportDocumentReference } from "@/lib/exchange/document-reference";
import { apiRoute, notFound } from "@/lib/http/api-response";
import { absoluteUrl } from "@/lib/http/public-url";
import { readerHref } from "@/lib/urls/app-urls";
import { firstValues } from "@/lib/urls/query-values";
import { exportFormatParam, slugSegment } from "@/lib/urls/route-params";
import { EXPORT_KEYS } from "@/lib/urls/url-grammar";
import { attachmentResponse } from "../../attachment";

export const dynamic = "force-dynamic";

const querySchema = z.strictObject({ [EXPORT_KEYS.format]: exportFormatParam });

/**
 * A corpus essay itself as a reference, for a reference manager or a bibliography: `?format=bibtex` (BibLaTeX),
 * `ris`, `csl-json` or `gbt7714`. The record is the one the reader page's citation_* tags carry, with the
 * reader's address as its URL.
 */
export const GET = apiRoute("GET /api/export/documents/<slug>", async (request: Request, context: { params: Promise<{ slug: string }> }) => {
  const slug = slugSegment.parse((await context.params).slug);
  const { format } = querySchema.parse(firstValues(new URL(request.url).searchParams));
  const document = await getDocumentStructure(slug);
  if (!document) throw notFound(`document "${slug}"`);
  const result = exportDocumentReference(documentReference(document), format, absoluteUrl(readerHref(slug)));
  return attachmentResponse(result, { readable: document.title, ascii: `duizhao-${slug}` });
});
