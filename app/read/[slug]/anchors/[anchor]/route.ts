import { resolveAnchorBySlug } from "@/lib/db/resolve-anchor-by-slug";
import { apiRoute, badRequest, notFound } from "@/lib/http/api-response";
import { anchorParam, pathSegment, slugSegment } from "@/lib/urls/route-params";

export const dynamic = "force-dynamic";

/**
 * Where a block anchor of a document points now: `current`, `moved` (with the block and offset its
 * passage went to), `orphaned` (with the passage's words) or `unknown`. The reader asks when a URL's
 * fragment names no element, since the fragment never reaches the server with the page request.
 */
export const GET = apiRoute(
  "GET /read/<slug>/anchors/<anchor>",
  async (_request: Request, { params }: { params: Promise<{ slug: string; anchor: string }> }) => {
    const raw = await params;
    const decoded = pathSegment.safeParse(raw.anchor);
    const anchor = anchorParam.safeParse(decoded.data);
    // The reader shows what this answers as a resolution: an anchor that cannot be one is `unknown` to it.
    if (!anchor.success) {
      const reason = badRequest(decoded.success ? anchor.error : decoded.error).message;
      return Response.json({ status: "unknown", anchor: decoded.data ?? raw.anchor, error: reason }, { status: 400 });
    }
    const slug = slugSegment.parse(raw.slug);
    const resolution = await resolveAnchorBySlug(slug, anchor.data);
    if (!resolution) throw notFound(`document "${slug}"`);
    return Response.json(resolution, { headers: { "cache-control": "no-store" } });
  },
);
