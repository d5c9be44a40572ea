import { listDocuments } from "@/lib/db/list-documents";
import { apiRoute } from "@/lib/http/api-response";

export const dynamic = "force-dynamic";

export const GET = apiRoute("GET /api/documents", async (_request: Request) => {
  const documents = await listDocuments();
  return Response.json({
    documents: documents.map((d) => ({
      slug: d.slug,
      title: d.title,
      titleEn: d.titleEn,
      authors: d.authors,
      journal: d.journal,
      issue: d.issue,
      date: d.date,
      sourceFile: d.sourceFile,
      sourceSha256: d.sourceSha256,
      counts: d.counts,
    })),
  });
});
