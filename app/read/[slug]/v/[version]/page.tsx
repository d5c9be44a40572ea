import type { Metadata } from "next";
import ReaderPage, { generateMetadata as readerMetadata } from "../../page";

/**
 * The reader as most links open it — no passage, highlight or trail in the address — rendered once per
 * corpus version and then served from Next's cache. `proxy.ts` sends a plain `/read/<slug>` here with
 * the current corpus version, so a re-ingest is never served stale.
 */
export const dynamicParams = true;
export const revalidate = false;

export function generateStaticParams(): { slug: string; version: string }[] {
  return [];
}

interface CachedReaderProps {
  params: Promise<{ slug: string; version: string }>;
}

const noQuery = Promise.resolve({});

export function generateMetadata({ params }: CachedReaderProps): Promise<Metadata> {
  return readerMetadata({ params, searchParams: noQuery });
}

export default function CachedReaderPage({ params }: CachedReaderProps) {
  return <ReaderPage params={params} searchParams={noQuery} />;
}
