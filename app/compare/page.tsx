import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { readCompareState } from "@/lib/compare/compare-state";
import { listDocumentTitles } from "@/lib/db/list-document-titles";
import { ChooseDocuments, CompareView, compareMetadata } from "./compare-view";

export const dynamic = "force-dynamic";

type CompareProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata({ searchParams }: CompareProps): Promise<Metadata> {
  const query = await searchParams;
  return compareMetadata(one(query.left), one(query.right));
}

export default async function ComparePage({ searchParams }: CompareProps) {
  const query = await searchParams;
  const leftSlug = one(query.left);
  const rightSlug = one(query.right);
  if (!leftSlug || !rightSlug) return <ChooseDocuments titles={await listDocumentTitles()} left={leftSlug} />;
  const requested = readCompareState(query);
  if (!requested) notFound();
  return <CompareView requested={requested} />;
}
