import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { readCompareState } from "@/lib/urls/app-urls";
import { pathSegment, slugSegment } from "@/lib/urls/route-params";
import { CompareView, compareMetadata } from "../../compare-view";

// Rendered on first request and kept until the corpus changes (lib/page-cache/corpus-page-cache.mjs).
// Static rendering also lets the panes' client state read an empty query on the server, which is what
// the browser has: next.config.ts sends only addresses without view state here.
export const dynamic = "force-static";
export const dynamicParams = true;

export function generateStaticParams(): { left: string; right: string }[] {
  return [];
}

interface PlainCompareProps {
  params: Promise<{ left: string; right: string }>;
}

export async function generateMetadata({ params }: PlainCompareProps): Promise<Metadata> {
  const { left, right } = await params;
  return compareMetadata(slugSegment.safeParse(left).data, slugSegment.safeParse(right).data);
}

export default async function PlainComparePage({ params }: PlainCompareProps) {
  const { left, right } = await params;
  const requested = readCompareState({ left: pathSegment.safeParse(left).data, right: pathSegment.safeParse(right).data });
  if (!requested) notFound();
  return <CompareView requested={requested} />;
}
