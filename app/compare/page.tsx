import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChooseSideBySide } from "@/components/catalogue/choose-side-by-side";
import { loadSideChoices } from "@/lib/db/choose-side-by-side";
import { readCompareState } from "@/lib/urls/app-urls";
import { queryValue } from "@/lib/urls/query-values";
import { slugParam } from "@/lib/urls/route-params";
import { COMPARE_KEYS } from "@/lib/urls/url-grammar";
import { CompareView, compareMetadata } from "./compare-view";

export const dynamic = "force-dynamic";

type CompareProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: CompareProps): Promise<Metadata> {
  const query = await searchParams;
  return compareMetadata(slugParam.safeParse(queryValue(query, COMPARE_KEYS.left)).data, slugParam.safeParse(queryValue(query, COMPARE_KEYS.right)).data);
}

export default async function ComparePage({ searchParams }: CompareProps) {
  const query = await searchParams;
  const leftSlug = queryValue(query, COMPARE_KEYS.left);
  const rightSlug = queryValue(query, COMPARE_KEYS.right);
  if (!leftSlug || !rightSlug) return <ChooseSideBySide {...await loadSideChoices(query)} />;
  const requested = readCompareState(query);
  if (!requested) notFound();
  return <CompareView requested={requested} />;
}
