import { getDocumentStructure } from "@/lib/db/get-document";
import { getDocumentProvenance } from "@/lib/db/get-document-provenance";
import { documentToTei } from "@/lib/exchange/document-to-tei";
import { apiRoute, notFound } from "@/lib/http/api-response";
import { slugSegment } from "@/lib/urls/route-params";
import { attachmentResponse } from "../../../attachment";
import { teiExport, teiInput } from "../../tei-export";

export const dynamic = "force-dynamic";

/** A corpus essay as a TEI P5 file: text, notes at their markers, citations, concept mentions, provenance. */
export const GET = apiRoute("GET /api/export/documents/<slug>/tei", async (_request: Request, context: { params: Promise<{ slug: string }> }) => {
  const slug = slugSegment.parse((await context.params).slug);
  const [document, provenance] = await Promise.all([getDocumentStructure(slug), getDocumentProvenance(slug)]);
  if (!document || !provenance) throw notFound(`document "${slug}"`);
  return attachmentResponse(teiExport(documentToTei(teiInput(document, provenance))), { readable: document.title, ascii: `duizhao-${slug}` });
});
