import { getSourcePdf } from "@/lib/db/get-source-pdf";
import { apiRoute, notFound, RequestError } from "@/lib/http/api-response";
import { namesCurrentTag } from "@/lib/http/http-caching.mjs";
import { slugSegment } from "@/lib/urls/route-params";

export const dynamic = "force-dynamic";

/**
 * Kept bytes never change under their SHA-256, but the essay may be re-ingested from another PDF at any
 * moment: a cache keeps the PDF and asks before each use (no-cache), and the question costs a 304 while the
 * tag (the SHA-256) is still the essay's. `public`: unlike a page, the PDF carries no per-response nonce.
 */
const PDF_CACHE_CONTROL = "public, no-cache";

/** A SHA-256 in an If-None-Match header, so that a current copy is confirmed without reading the bytes. */
const TAGGED_SHA256 = /"([0-9a-f]{64})"/u;

/**
 * The PDF an essay was read from, as ingested (`GET /api/documents/<slug>/pdf`): the reader's printed-page
 * view renders its pages. 404 with the reason when the essay has none (it was read from a text).
 */
export const GET = apiRoute("GET /api/documents/<slug>/pdf", async (request: Request, context: { params: Promise<{ slug: string }> }) => {
  const slug = slugSegment.parse((await context.params).slug);
  const ifNoneMatch = request.headers.get("if-none-match");
  const found = await getSourcePdf(slug, { knownSha256: TAGGED_SHA256.exec(ifNoneMatch ?? "")?.[1] ?? null });
  if (found.status === "no-document") throw notFound(`document "${slug}"`);
  if (found.status === "no-pdf") {
    throw new RequestError(404, `document "${slug}" was read from a text (${found.sourceFile}), not a PDF: it has no printed pages to show`);
  }
  const tag = `"${found.sha256}"`;
  if (ifNoneMatch !== null && namesCurrentTag(ifNoneMatch, tag)) {
    return new Response(null, { status: 304, headers: { ETag: tag, "Cache-Control": PDF_CACHE_CONTROL } });
  }
  return new Response(new Uint8Array(found.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(found.bytes.length),
      "Content-Disposition": `inline; filename="${slug}.pdf"`,
      ETag: tag,
      "Cache-Control": PDF_CACHE_CONTROL,
    },
  });
});
