import type { Metadata } from "next";
import { ReaderPage, readerMetadata, type ReaderQuery } from "../reader-page";

export const dynamic = "force-dynamic";

interface QueryReaderProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<ReaderQuery>;
}

export async function generateMetadata({ params, searchParams }: QueryReaderProps): Promise<Metadata> {
  return readerMetadata((await params).slug, await searchParams);
}

export default async function QueryReaderPage({ params, searchParams }: QueryReaderProps) {
  return <ReaderPage slug={(await params).slug} query={await searchParams} />;
}
