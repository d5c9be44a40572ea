import { getDocumentStructure } from "@/lib/db/get-document";
import { getDocumentProvenance } from "@/lib/db/get-document-provenance";
import { listDocumentTitles } from "@/lib/db/list-document-titles";
import { corpusToTei } from "@/lib/exchange/document-to-tei";
import { apiRoute } from "@/lib/http/api-response";
import { attachmentResponse } from "../../attachment";
import { teiExport, teiInput } from "../../documents/tei-export";

export const dynamic = "force-dynamic";

const CORPUS_TITLE = "Duizhao 对照 corpus";

/**
 * The whole corpus as one TEI teiCorpus, documents in the order the app lists them (date, then slug). A document
 * removed by an ingest between the listing and its reading is left out rather than failing the export.
 */
export const GET = apiRoute("GET /api/export/corpus/tei", async () => {
  const titles = await listDocumentTitles();
  const documents = await Promise.all(
    titles.map(async ({ slug }) => {
      const [document, provenance] = await Promise.all([getDocumentStructure(slug), getDocumentProvenance(slug)]);
      return document && provenance ? teiInput(document, provenance) : null;
    }),
  );
  const xml = corpusToTei({ title: CORPUS_TITLE, documents: documents.filter((entry) => entry !== null) });
  return attachmentResponse(teiExport(xml), { readable: CORPUS_TITLE, ascii: "duizhao-corpus" });
});
