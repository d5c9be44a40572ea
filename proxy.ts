import { type NextRequest, NextResponse } from "next/server";
import { getCorpusVersion } from "@/lib/db/get-corpus-version";

/**
 * A plain reader address (`/read/<slug>`, nothing in the query) is served by the cached reader for the
 * current corpus version; anything that varies by request (a quoted passage, a search hit, a trail)
 * goes to the dynamic reader.
 */
export async function proxy(request: NextRequest) {
  if (request.nextUrl.search !== "") return NextResponse.next();
  const slug = request.nextUrl.pathname.split("/")[2];
  if (!slug || !/^[a-z0-9][a-z0-9-]*$/.test(slug)) return NextResponse.next();
  const version = await getCorpusVersion().catch(() => null);
  if (!version) return NextResponse.next();
  return NextResponse.rewrite(new URL(`/read/${slug}/v/${version}`, request.url));
}

export const config = { matcher: "/read/:slug" };
