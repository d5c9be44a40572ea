import { NextResponse } from "next/server";
import { resolveAnchorBySlug } from "@/lib/db/resolve-anchor-by-slug";
import { isAnchor } from "@/lib/reader/deep-links";

export const dynamic = "force-dynamic";

/**
 * Where a block anchor of a document points now: `current`, `moved` (with the block and offset its
 * passage went to), `orphaned` (with the passage's words) or `unknown`. The reader asks when a URL's
 * fragment names no element, since the fragment never reaches the server with the page request.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; anchor: string }> }) {
  const { slug, anchor } = await params;
  const decoded = decodeURIComponent(anchor);
  if (!isAnchor(decoded)) return NextResponse.json({ status: "unknown", anchor: decoded }, { status: 400 });
  const resolution = await resolveAnchorBySlug(decodeURIComponent(slug), decoded);
  if (!resolution) return NextResponse.json({ error: "no such document" }, { status: 404 });
  return NextResponse.json(resolution, { headers: { "cache-control": "no-store" } });
}
