import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ParallelsView } from "@/components/reader/parallels-view";
import { listParallels } from "@/lib/db/list-parallels";
import { anchorSegment, slugSegment } from "@/lib/urls/route-params";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; anchor: string }> };

async function load(params: Props["params"]) {
  const { slug, anchor } = await params;
  const [parsedSlug, parsedAnchor] = [slugSegment.safeParse(slug), anchorSegment.safeParse(anchor)];
  return parsedSlug.success && parsedAnchor.success ? listParallels(parsedSlug.data, parsedAnchor.data) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parallels = await load(params);
  return { title: parallels ? `Parallels · ${parallels.document.title}` : "Parallels" };
}

/** Every place elsewhere in the corpus sharing a passage with one block of an essay (issue 15's parallels view). */
export default async function ParallelsPage({ params }: Props) {
  const parallels = await load(params);
  if (!parallels) notFound();
  return <ParallelsView parallels={parallels} />;
}
