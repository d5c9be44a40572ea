import "server-only";
import type { ExportResult } from "@/lib/citations/export-sources";
import type { DocumentProvenance } from "@/lib/db/get-document-provenance";
import { TEI_MEDIA_TYPE, type DocumentTeiInput } from "@/lib/exchange/document-to-tei";
import { absoluteUrl } from "@/lib/http/public-url";
import type { DocumentStructure } from "@/lib/model/document-model";
import { conceptHref, sourcePdfHref } from "@/lib/urls/app-urls";

/**
 * What the TEI routes hand the builder: the document, its provenance, and its concept mentions pointing to the
 * concepts' pages by absolute URL (a TEI file is read away from the site, where a relative ref resolves to nothing),
 * and, when the PDF is kept, its pages by absolute URL too (each pb's facs).
 */
export function teiInput(document: DocumentStructure, { provenance, mentions }: DocumentProvenance): DocumentTeiInput {
  return {
    document,
    provenance,
    concepts: { mentions, href: (conceptId) => absoluteUrl(conceptHref(conceptId)) },
    ...(document.sourcePdf ? { facsimile: (page: number) => absoluteUrl(sourcePdfHref(document.slug, page)) } : {}),
  };
}

/** A TEI file as an export: RFC 6129's media type, UTF-8 (what the XML declaration says), `.tei.xml`. */
export function teiExport(xml: string): ExportResult {
  return { body: xml, contentType: `${TEI_MEDIA_TYPE}; charset=utf-8`, fileExtension: "tei.xml" };
}
