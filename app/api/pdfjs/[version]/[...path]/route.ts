import fs from "node:fs/promises";
import path from "node:path";
import { apiRoute, notFound } from "@/lib/http/api-response";
import { PDFJS_VERSION, pdfjsAssetFile } from "@/lib/reader/pdfjs-assets";

export const dynamic = "force-dynamic";

/**
 * The files pdf.js fetches while it renders a page in the reader, from the app's own origin (the CSP admits
 * no other): its worker, and the CMaps and standard-font data a PDF with non-embedded CJK or Latin fonts
 * needs. The address names pdf.js's version, and a version's files never change: browsers keep them a year
 * (max-age, not `immutable`, which lib/http/http-caching.mjs keeps for Next's own hashed assets).
 */
const VERSIONED_ASSET = "public, max-age=31536000";

const CONTENT_TYPES: Record<string, string> = {
  ".mjs": "text/javascript; charset=utf-8",
  ".bcmap": "application/octet-stream",
  ".pfb": "application/octet-stream",
  ".ttf": "application/octet-stream",
};

export const GET = apiRoute("GET /api/pdfjs/<version>/<file>", async (_request: Request, context: { params: Promise<{ version: string; path: string[] }> }) => {
  const params = await context.params;
  if (params.version !== PDFJS_VERSION) throw notFound(`pdf.js ${params.version} (this server has ${PDFJS_VERSION})`);
  const file = pdfjsAssetFile(params.path);
  if (!file) throw notFound(`pdf.js file "${params.path.join("/")}"`);
  const bytes = await fs.readFile(path.join(process.cwd(), "node_modules", "pdfjs-dist", file)).catch(() => null);
  if (!bytes) throw notFound(`pdf.js file "${file}"`);
  return new Response(new Uint8Array(bytes), {
    headers: { "Content-Type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream", "Cache-Control": VERSIONED_ASSET },
  });
});
