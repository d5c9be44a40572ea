import type { Metadata } from "next";
import { ReaderPage, readerMetadata } from "./reader-page";

// Rendered on first request and kept until the corpus changes (lib/page-cache/corpus-page-cache.mjs).
export const revalidate = false;
export const dynamicParams = true;

export function generateStaticParams(): { slug: string }[] {
  return [];
}

interface PlainReaderProps {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: PlainReaderProps): Promise<Metadata> {
  return readerMetadata((await params).slug, {});
}

export default async function PlainReaderPage({ params }: PlainReaderProps) {
  return <ReaderPage slug={(await params).slug} query={{}} />;
}
