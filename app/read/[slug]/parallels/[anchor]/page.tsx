import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ParallelsView } from "@/components/reader/parallels-view";
import { listParallels, type ParallelsListing } from "@/lib/db/list-parallels";
import { firstValues } from "@/lib/urls/query-values";
import { anchorSegment, parallelsPageSchema, slugSegment } from "@/lib/urls/route-params";
import { PARALLELS_SHOW_STOCK } from "@/lib/urls/url-grammar";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string; anchor: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * One listing per request, shared by the page and its metadata (each asks for it: without this the places
 * were found, verified and ranked twice a render). Keyed by values, as `cache` compares its arguments.
 */
const listParallelsOnce = cache((slug: string, anchor: string, page: number, pageSize: number, listing: ParallelsListing) =>
  listParallels(slug, anchor, { page, pageSize, listing }),
);

async function load(params: Props["params"], searchParams: Props["searchParams"]) {
  const { slug, anchor } = await params;
  const [parsedSlug, parsedAnchor] = [slugSegment.safeParse(slug), anchorSegment.safeParse(anchor)];
  // A malformed page (`page=abc`, `page=0`, `show=all`) names no page of the list: not found, as an unknown block is.
  const paging = parallelsPageSchema.safeParse(firstValues(await searchParams));
  if (!parsedSlug.success || !parsedAnchor.success || !paging.success) return null;
  const { page, pageSize, show } = paging.data;
  return listParallelsOnce(parsedSlug.data, parsedAnchor.data, page, pageSize, show === PARALLELS_SHOW_STOCK ? "stock-only" : "parallels");
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const parallels = await load(params, searchParams);
  const what = parallels?.listing === "stock-only" ? "Stock phrases" : "Parallels";
  return { title: parallels ? `${what} · ${parallels.document.title}${parallels.page > 1 ? ` · page ${parallels.page}` : ""}` : "Parallels" };
}

/** The places elsewhere in the corpus sharing a passage with one block of an essay, a page at a time (issue 15's parallels view). */
export default async function ParallelsPage({ params, searchParams }: Props) {
  const parallels = await load(params, searchParams);
  if (!parallels) notFound();
  return <ParallelsView parallels={parallels} />;
}
