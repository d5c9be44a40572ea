import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { CompareWithForm } from "@/components/reader/compare-with-form";
import { DocumentBody } from "@/components/reader/document-body";
import { DocumentOutline } from "@/components/reader/document-outline";
import { DocumentTitleBlock } from "@/components/reader/document-title-block";
import { firstScreenEndId } from "@/components/reader/first-screen";
import { ImportedAnnotations } from "@/components/reader/imported-annotations";
import { ParallelsLink } from "@/components/reader/parallels-link";
import { ReaderInteractions } from "@/components/reader/reader-interactions";
import { ReaderNotice } from "@/components/reader/reader-notice";
import { SkipToText } from "@/components/reader/skip-to-text";
import { Unhydrated } from "@/components/reader/unhydrated";
import { TrailBreadcrumb } from "@/components/trail/trail-breadcrumb";
import { countParallelPlaces } from "@/lib/db/count-parallel-places";
import { describeTrail } from "@/lib/db/describe-trail";
import { getCitationSourceKeys } from "@/lib/db/get-citation-source-keys";
import { listImportedAnnotations } from "@/lib/db/list-imported-annotations";
import { suggestCompareTexts } from "@/lib/db/suggest-compare-texts";
import { jsonLdScriptText } from "@/lib/exchange/scholarly-article-json-ld";
import { buildReadingOrder } from "@/lib/reader/reading-order";
import type { BlockMark } from "@/lib/reader/segment-block";
import { readTrail } from "@/lib/trail/trail-param";
import { noteSourceHref, readPassageSelector, readSearchHit } from "@/lib/urls/app-urls";
import { slugSegment } from "@/lib/urls/route-params";
import { READER_KEYS } from "@/lib/urls/url-grammar";
import { harvestableMetadata, readerJsonLd } from "./harvestable-metadata";
import { linkPreviewMetadata } from "./link-preview-metadata";
import { findLinkedPassage, loadReaderDocument } from "./load-reader-document";

export type ReaderQuery = Record<string, string | string[] | undefined>;

/**
 * The reader, shared by its two routes: `page.tsx` (a plain address, rendered once per corpus and then
 * served from the page cache) and `query/page.tsx` (an address whose query asks for a passage, a
 * search hit or a trail; next.config.ts sends those there).
 */
export async function readerMetadata(slug: string, query: ReaderQuery): Promise<Metadata> {
  const decoded = slugSegment.safeParse(slug);
  const document = decoded.success ? await loadReaderDocument(decoded.data) : null;
  if (!document) return { title: "Not found" };
  return { ...linkPreviewMetadata(document, query), ...harvestableMetadata(document) };
}

export async function ReaderPage({ slug: encodedSlug, query }: { slug: string; query: ReaderQuery }) {
  const decoded = slugSegment.safeParse(encodedSlug);
  if (!decoded.success) notFound();
  const slug = decoded.data;
  const [document, suggestions] = await Promise.all([loadReaderDocument(slug), suggestCompareTexts(slug)]);
  if (!document) notFound();
  const order = buildReadingOrder(document);
  const firstScreenEnd = firstScreenEndId(order);

  // Footnote trail: each citation links to its source page, carrying the trail walked so far.
  const trail = readTrail(query[READER_KEYS.trail]);
  const [sourceKeys, trailLabels, parallelCounts] = await Promise.all([
    getCitationSourceKeys(document.slug),
    describeTrail(trail.trail),
    countParallelPlaces(document.slug),
  ]);
  // Each paragraph sharing words with other essays says how many places, and leads to them.
  const parallels = new Map(
    (parallelCounts ?? [])
      .filter((count) => count.blockKind === "paragraph")
      .map((count) => [count.anchor, <ParallelsLink key={count.anchor} slug={document.slug} anchor={count.anchor} places={count.places} documents={count.documents} />]),
  );
  const sourceHrefs = new Map<string, string>();
  for (const note of document.footnotes) {
    for (const citation of note.citations) {
      const sourceKey = sourceKeys.get(citation.anchor);
      if (sourceKey) sourceHrefs.set(citation.anchor, noteSourceHref({ slug: document.slug, noteAnchor: note.anchor, sourceKey, trail: trail.trail }));
    }
  }

  const marks = new Map<string, BlockMark[]>();
  const addMark = (anchor: string, mark: BlockMark) => marks.set(anchor, [...(marks.get(anchor) ?? []), mark]);

  const selector = readPassageSelector(query);
  const linked = selector ? await findLinkedPassage(document, selector) : null;
  if (linked?.status === "found") addMark(linked.location.anchor, { kind: "quote", start: linked.location.start, end: linked.location.end });

  // A search hit names its block in the fragment, which only the browser sees: the client adds `hb`.
  const hit = readSearchHit(query);
  if (hit) addMark(hit.block, { kind: "search-hit", start: hit.start, end: hit.end });

  return (
    <div className="reader mx-auto max-w-6xl px-4 pb-24 pt-8 lg:grid lg:grid-cols-[14rem_minmax(0,1fr)] lg:gap-12">
      {/* React places this link in the head: the first paint waits until the first screen of text is parsed (first-screen.ts says why). */}
      {firstScreenEnd ? <link rel="expect" href={`#${firstScreenEnd}`} blocking="render" /> : null}
      <SkipToText />
      <aside className="hidden lg:block" aria-label="目录 · Contents">
        {/* The outline and the title block hydrate nothing either: links and a native details element. */}
        <Unhydrated className="sticky top-6 max-h-[calc(100vh-3rem)] overflow-y-auto pb-6 pr-2">
          <DocumentOutline headings={document.headings} />
        </Unhydrated>
      </aside>
      <article className="reader-article min-w-0" lang="zh-Hans" aria-labelledby="document-title" data-slug={document.slug}>
        {trail.trail.length > 0 || trail.invalid ? (
          <TrailBreadcrumb trail={trail.trail} labels={trailLabels} invalid={trail.invalid} />
        ) : null}
        {/* schema.org ScholarlyArticle; jsonLdScriptText escapes what could end the script (corpus text is untrusted). */}
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScriptText(readerJsonLd(document)) }} />
        <Unhydrated>
          <DocumentTitleBlock document={document} headingId="document-title" />
        </Unhydrated>
        <div className="mt-4 flex flex-wrap items-center justify-between gap-3 border-b border-rule pb-4 dark:border-night-rule print:hidden">
          <CompareWithForm slug={document.slug} suggestions={suggestions} />
        </div>
        <details className="mt-4 lg:hidden print:hidden">
          <summary className="cursor-pointer text-sm text-muted dark:text-night-muted">目录 · Contents</summary>
          <Unhydrated className="mt-3">
            <DocumentOutline headings={document.headings} label="目录" />
          </Unhydrated>
        </details>
        {linked?.status === "found" && linked.moved ? (
          <ReaderNotice kind="moved">
            <span lang="en">
              {linked.location.similarity < 1
                ? "This link pointed to a passage that has since been edited; showing the closest match."
                : "This link pointed to a passage that has since moved; showing where it is now."}
            </span>
          </ReaderNotice>
        ) : null}
        {linked?.status === "orphaned" ? (
          <ReaderNotice kind="orphaned">
            <span lang="en">This link pointed to a passage that is no longer in the document:</span>
            <blockquote className="mt-1 font-serif">“{linked.quote}”</blockquote>
          </ReaderNotice>
        ) : null}
        {/* It reads the address on the client; the boundary lets the rest render (and be cached) on the server. */}
        <Suspense fallback={null}>
          <ReaderInteractions slug={document.slug} hasQuote={linked?.status === "found"} />
        </Suspense>
        <div className="mt-6">
          {/* As one string of markup: the text hydrates nothing (ReaderInteractions works on it by delegation). */}
          <DocumentBody document={document} order={order} marks={marks} sourceHrefs={sourceHrefs} afterParagraph={parallels} staticMarkup />
        </div>
        <ImportedAnnotations slug={document.slug} annotations={await listImportedAnnotations(document.slug)} />
      </article>
    </div>
  );
}
